package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepted data mapped onto the indicators of toc.yaml, per period; gaps reported, not left blank. */
class IndicatorMappingTest {
    @TempDir
    Path dir;

    private IngestResult ingest() {
        return new TestProject(dir).evaluation("""
                - { id: tracker, type: tracker, file: data/tracker.csv }
                - { id: kpis, type: kpi, file: data/kpi.csv }
                - id: wave
                  type: survey
                  file: data/survey.csv
                  period: phase-3
                  items:
                    - { id: quality, type: agreement }
                    - id: seen-as
                      type: multi_select
                      separator: ";"
                      options: [{ id: helpful, label: Helpful }, { id: other, label: Other }]
                """)
                .write("data/tracker.csv", """
                        project_id,offer,stage,local_system,region,completed_date
                        P1,local,completed,Wirral,North West,2024-05-10
                        P2,local,completed,Halton,North West,2024-08-20
                        P3,local,active,Leeds,Yorkshire and Humber,
                        """)
                .write("data/kpi.csv", "kpi,period,numerator,denominator\nKPI-1,2024-25 Q1,15,19\nKPI-1,2024-25 Q2,19,19\n")
                .write("data/survey.csv", """
                        respondent_id,quality,seen-as
                        R1,Strongly agree,Helpful
                        R2,Agree,Helpful;Other
                        R3,Disagree,
                        R4,Don't know,Other
                        """).ingest();
    }

    private static IndicatorData data(IngestResult r, String indicator, String period) {
        return r.indicatorData().stream().filter(d -> d.indicator().equals(indicator) && d.period().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError(indicator + " " + period + " not in " + r.indicatorData()));
    }

    @Test
    void surveyItem_givesTopTwoOverTheBase_forTheWave() {
        IndicatorData quality = data(ingest(), "svy-quality", "phase-3");
        assertEquals(2, quality.numerator().getAsLong());
        assertEquals(3, quality.denominator().getAsLong());
        assertEquals(0.8, quality.target().getAsDouble());
    }

    @Test
    void multiSelectOption_givesItsCountOverTheItemsBase() {
        IndicatorData helpful = data(ingest(), "svy-helpful", "phase-3");
        assertEquals(2, helpful.numerator().getAsLong());
        assertEquals(3, helpful.denominator().getAsLong(), "R1, R2 and R4 chose something");
    }

    @Test
    void kpiReturns_mapByCode_andMissingQuartersAreGaps() {
        IngestResult r = ingest();
        assertEquals(15.0 / 19, data(r, "kpi-sat", "2024-25 Q1").value().getAsDouble(), 1e-12);
        assertTrue(r.gaps().contains("kpi-sat in 2024-25 Q3: no KPI return for KPI-1"), r.gaps()::toString);
        assertTrue(r.gaps().contains("kpi-spend in 2024-25 Q1: no KPI return for KPI-5"), r.gaps()::toString);
        assertTrue(r.gaps().stream().noneMatch(g -> g.contains("2024-25 Q4")),
                "Q4 had not ended by the reporting date 2025-01-13, so no return is due yet");
    }

    @Test
    void trackerMeasure_isCumulativeByQuartersEnd() {
        IngestResult r = ingest();
        assertEquals(List.of(1.0, 2.0, 2.0), List.of("2024-25 Q1", "2024-25 Q2", "2024-25 Q3").stream()
                .map(q -> data(r, "trk-completed", q).value().getAsDouble()).toList());
    }

    @Test
    void trackerQuarterInProgress_isNeverADataGap() {
        IngestResult r = new TestProject(dir).evaluation("""
                - { id: tracker, type: tracker, file: data/tracker.csv }
                """).toc(TestProject.TOC.replace("measure: local-projects-completed", "measure: eos-within-4-weeks"))
                .write("data/tracker.csv", """
                        project_id,offer,stage,local_system,region,completed_date
                        P1,local,completed,Wirral,North West,2024-05-10
                        """).ingest();
        // Nothing completed in 2024-25 Q2 to Q4. Q2 and Q3 had ended by the reporting date (13
        // January 2025): gaps. Q4 is in progress: its figures are partial by nature, not missing.
        assertTrue(r.gaps().contains("trk-completed in 2024-25 Q3: no tracker rows for eos-within-4-weeks"),
                r.gaps()::toString);
        assertTrue(r.gaps().stream().noneMatch(g -> g.contains("2024-25 Q4")), r.gaps()::toString);
    }
}
