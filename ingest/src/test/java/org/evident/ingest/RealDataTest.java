package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published data nobody here made up (shared/realdata). Expected counts were taken from the files
 * independently, with Python's csv module: ASC_data.csv has 6,376 rows of which 298 have a blank
 * Value; the Friends and Family Test file has 7,908 answers coded 1: 5,074, 2: 1,294, 3: 366,
 * 4: 299, 5: 435, 6: 24, 7: 416, of which 508 have a blank comment; its 'Respondent ID' has
 * 4,466 distinct values, and the first row of each of them is coded 1: 2,875, 2: 729, 6: 14, 7: 225.
 */
class RealDataTest {
    private static Path realdata;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        realdata = Path.of(System.getProperty("evident.realdata")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(realdata), "shared/realdata must sit beside the repository: " + realdata);
    }

    @Test
    void ascofOutcomesByCouncil_readAsKpiReturnsByFinancialYear() {
        StringBuilder toc = new StringBuilder(TestProject.TOC.substring(0, TestProject.TOC.indexOf("indicators:")))
                .append("indicators:\n");
        for (int i = 1; i <= 7; i++) {
            toc.append("  - { id: asc").append(i).append(", node: st-sat, label: ASC").append(i)
                    .append(", source: kpi, measure: ASC").append(i).append(", unit: score }\n");
        }
        IngestResult r = new TestProject(dir).toc(toc.toString()).write("evaluation.yaml", """
                programme: Adult social care outcomes
                reporting_date: 2023-12-31
                periods:
                  years: { from: 2015-16, to: 2022-23 }
                sources:
                  - id: ascof
                    type: kpi
                    file: %s
                    columns:
                      kpi: [Code]
                      period: [Financial year]
                      system: [Local authority name]
                """.formatted(realdata.resolve("oflog/ASC_data.csv"))).ingest(EvaluationProject.Paths.ANYWHERE);
        Reconciliation rec = r.reconciliations().get(0);
        assertEquals(6376, rec.read());
        assertEquals(298, rec.rejected());
        assertEquals(6078, rec.accepted());
        assertEquals(Set.of("no value and no numerator and denominator"),
                r.rejects().stream().map(Reject::reason).collect(Collectors.toSet()));
        KpiReturn first = r.kpiReturns().get(0);
        assertEquals("ASC1", first.kpi());
        assertEquals("2016-17", first.period());
        assertEquals("Darlington", first.system().orElseThrow());
        assertEquals("North East", first.region().orElseThrow());
        assertEquals(7.6, first.value());
    }

    private IngestResult fft(String respondent, String map) {
        return new TestProject(dir).write("evaluation.yaml", """
                programme: Friends and Family Test
                reporting_date: 2023-01-01
                periods:
                  phases:
                    - { id: 2021-22, from: 2021-04-01, to: 2022-12-31 }
                sources:
                  - id: fft
                    type: survey
                    file: %s
                    period: 2021-22
                    respondent: %s
                    items:
                      - id: rating
                        type: single_choice
                        column: FFT categorical answer
                        options: ["1", "2", "3", "4", "5"]
                        positive: ["1", "2"]
                        %s
                      - { id: comment, type: free_text, column: FFT answer }
                """.formatted(realdata.resolve("pxtextmining/datasets_v6framework_230831.csv"), respondent, map))
                .ingest(EvaluationProject.Paths.ANYWHERE);
    }

    private static SurveyItemCounts rating(IngestResult r) {
        return r.surveyCounts().stream().filter(c -> c.item().equals("rating")).findFirst().orElseThrow();
    }

    @Test
    void friendsAndFamilyTest_unexplainedCodes6And7_areRejectedUnlessMapped() {
        IngestResult r = fft("Comment ID", "");
        assertEquals("7908 rows read = 7468 accepted + 440 rejected", r.reconciliations().get(0).toString()
                .substring(r.reconciliations().get(0).file().length() + 2));
        assertEquals(Set.of("6", "7"), r.rejects().stream().map(Reject::value).collect(Collectors.toSet()));
        assertEquals(7468, rating(r).base());
        assertEquals(5074 + 1294, rating(r).positive());
    }

    @Test
    void friendsAndFamilyTest_codes6And7MappedOutOfTheBase_byAnExplicitSetting() {
        IngestResult r = fft("Comment ID", "map: { \"6\": not_in_base, \"7\": not_in_base }");
        assertEquals(0, r.rejects().size());
        assertEquals(7468, rating(r).base());
        assertEquals(440, rating(r).notInBase());
        assertEquals(7908 - 508, r.freeText().size());
        assertTrue(r.freeText().stream().allMatch(t -> t.respondent().matches("p-[0-9a-f]{16}")));
    }

    @Test
    void friendsAndFamilyTest_byRespondent_keepsTheFirstAnswerOfEach() {
        IngestResult r = fft("Respondent ID", "map: { \"6\": not_in_base, \"7\": not_in_base }");
        assertEquals(4466, r.reconciliations().get(0).accepted());
        assertEquals(7908 - 4466, r.reconciliations().get(0).rejected());
        assertEquals(4466 - 14 - 225, rating(r).base());
        assertEquals(2875 + 729, rating(r).positive());
    }
}
