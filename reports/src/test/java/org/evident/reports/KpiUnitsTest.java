package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evident.analysis.Analysis;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's KPIs by unit: a level within settings.units_listed is listed, a larger one summarised. */
class KpiUnitsTest {
    @TempDir
    Path tmp;

    /**
     * One share KPI (target 80%) over two quarters: the programme, three regions over both quarters,
     * four systems in the first only; {@code units_listed: 3}, so the three regions are listed and
     * the four systems are not.
     */
    private ReportInput input(String unitsListed) throws IOException {
        Files.writeString(tmp.resolve("evaluation.yaml"), """
                programme: Units programme
                reporting_date: 2024-01-15
                periods:
                  quarters: { from: 2023-24 Q1, to: 2023-24 Q2 }
                sources:
                  - { id: kpis, type: kpi, file: data/kpi.csv }
                """ + unitsListed);
        Files.writeString(tmp.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Reviews on time, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: on-time, node: st, label: Reviews on time, source: kpi, measure: KPI-1, target: 0.8, unit: share }
                """);
        Files.createDirectories(tmp.resolve("data"));
        Files.writeString(tmp.resolve("data/kpi.csv"), """
                kpi,period,region,system,numerator,denominator
                KPI-1,2023-24 Q1,,,30,40
                KPI-1,2023-24 Q2,,,30,40
                KPI-1,2023-24 Q1,London,,9,10
                KPI-1,2023-24 Q2,London,,8,10
                KPI-1,2023-24 Q1,North East,,5,10
                KPI-1,2023-24 Q2,North East,,6,10
                KPI-1,2023-24 Q1,South West,,10,10
                KPI-1,2023-24 Q2,South West,,10,10
                KPI-1,2023-24 Q1,,S1,1,2
                KPI-1,2023-24 Q1,,S2,1,2
                KPI-1,2023-24 Q1,,S3,1,2
                KPI-1,2023-24 Q1,,S4,1,2
                """);
        EvaluationProject project = EvaluationProject.open(tmp);
        IngestResult data = Ingest.read(project, Pseudonymiser.withKey("a test key of at least sixteen bytes"), line -> { });
        return RunOutputs.reportInput(project, data, Analysis.run(project, data), List.of());
    }

    @Test
    void regionsWithinTheLimitAreListed_systemsBeyondItAreSummarised_withWhereTheirFiguresAre() throws IOException {
        ReportInput input = input("settings:\n  units_listed: 3\n");
        assertEquals(3, input.project().evaluation().settings().unitsListed());
        String html = KpiUnits.html(input);
        assertTrue(html.contains("<h3>By region</h3>"), html);
        // Pooled over both quarters, by hand: London 17 of 20 = 85.0%, met (target 80%); North East 11 of 20 = 55.0%,
        // not met; South West 20 of 20 = 100.0%, met.
        assertTrue(html.contains("<tr><td>London</td><td class=\"num\">85.0%<br/><span class=\"note\">met</span></td></tr>"), html);
        assertTrue(html.contains("<tr><td>North East</td><td class=\"num\">55.0%<br/><span class=\"note\">not met</span></td></tr>"),
                html);
        assertTrue(html.contains("<tr><td>South West</td><td class=\"num\">100.0%<br/><span class=\"note\">met</span></td></tr>"),
                html);
        assertTrue(html.contains("<h3>By area or system</h3>"), html);
        // Four systems, each with a row for its one quarter and one to date: 8 rows.
        assertTrue(html.contains("The KPIs of the 4 areas and systems are not listed here: more than 3 units of one level"), html);
        assertTrue(html.contains("(8 rows) is in the workbook's KPIs sheet and in tables/kpis.csv"), html);
        assertFalse(html.contains("<td>S1</td>"), "no system is listed");
        // The report carries the section in its KPI chapter.
        assertTrue(ReportHtml.of(input).contains("<h3>By region</h3>"));
    }

    @Test
    void byDefault_upToTwentyUnitsAreListed_soTheFourSystemsAreToo() throws IOException {
        ReportInput input = input("");
        assertEquals(20, input.project().evaluation().settings().unitsListed());
        String html = KpiUnits.html(input);
        // S1 to S4: 1 of 2 each in their one quarter = 50.0%, not met.
        assertTrue(html.contains("<tr><td>S4</td><td class=\"num\">50.0%<br/><span class=\"note\">not met</span></td></tr>"), html);
        assertFalse(html.contains("are not listed here"), html);
    }

    @Test
    void manyRejects_listTheFirstTwenty_thenCountAllByColumnAndReason() throws IOException {
        ReportInput read = input("");
        // 15 rows without an area and 10 with a date that is not one: 25 in all, so 5 beyond the 20 listed.
        List<org.evident.ingest.Reject> rejects = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rejects.add(i % 5 < 3 ? new org.evident.ingest.Reject("kpis", "data/kpi.csv", i + 2, "area_code", "", "no area", "the area's code")
                    : new org.evident.ingest.Reject("kpis", "data/kpi.csv", i + 2, "discharge_date", "yesterday", "not a date", "a date"));
        }
        ReportInput input = new ReportInput(read.project(), read.analysis(), read.reconciliations(), rejects, read.gaps(),
                read.tocSvg(), read.tocPng(), read.charts(), read.tocDrawing(), read.tables());
        String html = ReportHtml.of(input);
        assertTrue(html.contains("<p>And 5 more; every rejected row is listed in rejects.csv. All 25 by column and reason:</p>"), html);
        assertTrue(html.contains("<tr><td>area_code</td><td>no area</td><td class=\"num\">15</td></tr>\n"
                + "<tr><td>discharge_date</td><td>not a date</td><td class=\"num\">10</td></tr>"), html);
        assertEquals(20, html.split("<tr><td class=\"file\">data/kpi.csv</td>", -1).length - 1, "20 rows listed");
    }
}
