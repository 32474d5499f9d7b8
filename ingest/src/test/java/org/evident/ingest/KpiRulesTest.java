package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KPI returns: codes from the theory of change, periods, counts and shares. */
class KpiRulesTest {
    @TempDir
    Path dir;

    private IngestResult ingest(String csv) {
        return new TestProject(dir).evaluation("- { id: kpis, type: kpi, file: data/kpi.csv }").write("data/kpi.csv", csv).ingest();
    }

    private static List<String> reasons(IngestResult r) {
        return r.rejects().stream().map(Reject::reason).toList();
    }

    @Test
    void shareFromNumeratorAndDenominator_periodAsQuarterOrDate_valueAsPercent() {
        IngestResult r = ingest("""
                kpi,period,numerator,denominator,value,target
                KPI-1,2024-25 Q1,15,19,,
                KPI-1,2024-11-15,,,78.9%,
                KPI-5,2024-25Q2,,,0.85,0.9
                """);
        assertEquals(List.of(), r.rejects());
        assertEquals(15.0 / 19, r.kpiReturns().get(0).value(), 1e-12);
        assertEquals("2024-25 Q3", r.kpiReturns().get(1).period(), "15 November 2024 is in Q3 of 2024-25");
        assertEquals(0.789, r.kpiReturns().get(1).value(), 1e-12);
        assertEquals(0.9, r.kpiReturns().get(2).target().getAsDouble());
    }

    @Test
    void kpiNotDefinedInTheToc_isRejected() {
        IngestResult r = ingest("kpi,period,value\nKPI-99,2024-25 Q1,3\n");
        assertEquals("data/kpi.csv:2 [kpi]: KPI not defined in the theory of change ('KPI-99'); expected one of KPI-1, KPI-5"
                + " (the measures of toc.yaml's kpi indicators)", r.rejects().get(0).toString());
    }

    @Test
    void numeratorAboveDenominator_negativeCount_andShareOutsideRange_areRejected() {
        IngestResult r = ingest("""
                kpi,period,numerator,denominator,value
                KPI-1,2024-25 Q1,20,19,
                KPI-1,2024-25 Q2,-1,19,
                KPI-1,2024-25 Q3,,,120%
                KPI-1,2024-25 Q4,,,1.2
                KPI-5,2024-25 Q1,,,1.2
                """);
        assertEquals(List.of("numerator greater than denominator (19)", "negative count", "a share outside 0 to 100%",
                "a share outside 0 to 100%"), reasons(r));
        assertEquals(List.of(2L, 3L, 4L, 5L), r.rejects().stream().map(Reject::row).toList());
        assertEquals(1, r.kpiReturns().size(), "a spend ratio above 1 is not a share and is accepted");
        assertEquals("data/kpi.csv: 5 rows read = 1 accepted + 4 rejected", r.reconciliations().get(0).toString());
    }

    @Test
    void periodOutsideTheEvaluation_orNotAPeriod_isRejected() {
        IngestResult r = ingest("kpi,period,value\nKPI-5,2022-23 Q1,0.5\nKPI-5,last quarter,0.5\nKPI-5,,0.5\n");
        assertEquals(List.of("outside the evaluation's reporting periods", "not a quarter, a financial year or a date", "no period"),
                reasons(r));
    }

    @Test
    void secondReturnForTheSameKpiAndPeriod_isRejected_andTheFirstKept() {
        IngestResult r = ingest("kpi,period,value\nKPI-5,2024-25 Q1,0.5\nKPI-5,2024-25 Q1,0.7\n");
        assertEquals(0.5, r.kpiReturns().get(0).value());
        assertTrue(reasons(r).get(0).startsWith("a second return for KPI-5 in 2024-25 Q1 (first at row 2"), reasons(r)::toString);
    }

    @Test
    void numeratorWithoutDenominator_andNoValue_areRejected() {
        IngestResult r = ingest("kpi,period,numerator,denominator,value\nKPI-1,2024-25 Q1,3,,\nKPI-5,2024-25 Q2,,,\n");
        assertEquals(List.of("numerator and denominator come in pairs; denominator is missing",
                "no value and no numerator and denominator"), reasons(r));
        assertEquals(2, r.rejectedRows());
    }

    @Test
    void javaOnlyNumberForms_areNotNumbers_andAHugeValueIsOutOfRange() {
        IngestResult r = ingest("""
                kpi,period,value
                KPI-5,2024-25 Q1,0x1p-1
                KPI-5,2024-25 Q2,0.8d
                KPI-5,2024-25 Q3,Infinity
                KPI-5,2024-25 Q3,1.5e308
                KPI-5,2024-25 Q3,2f
                """);
        assertEquals(List.of("not a number", "not a number", "not a number", "a number out of range (beyond 10^15)",
                "not a number"), reasons(r));
        assertEquals(List.of(), r.kpiReturns());
    }

    @Test
    void shareTargetWrittenAsAPercentageWithoutItsSign_isRejected_namingTheCell() {
        IngestResult r = ingest("kpi,period,value,target\nKPI-1,2024-25 Q1,1,80\nKPI-1,2024-25 Q2,1,80%\n");
        assertEquals("data/kpi.csv:2 [target]: a share's target outside 0 to 100% ('80'); expected a share between 0 and 1,"
                + " or 0% and 100% (80% or 0.8, not 80)", r.rejects().get(0).toString());
        assertEquals(1, r.rejects().size());
        assertEquals(0.8, r.kpiReturns().get(0).target().getAsDouble(), 1e-12);
    }

    @Test
    void valueContradictingItsNumeratorAndDenominator_isRejected_butARoundedOneIsNot() {
        IngestResult r = ingest("""
                kpi,period,numerator,denominator,value
                KPI-1,2024-25 Q1,15,19,0.789
                KPI-1,2024-25 Q2,15,19,79%
                KPI-1,2024-25 Q3,15,19,0.5
                KPI-1,2024-25 Q4,15,19,80%
                """);
        assertEquals(List.of("contradicts its numerator and denominator (15 / 19 = 0.7894736842105263)",
                "contradicts its numerator and denominator (15 / 19 = 0.7894736842105263)"), reasons(r));
        assertEquals(List.of(4L, 5L), r.rejects().stream().map(Reject::row).toList());
        assertEquals(2, r.kpiReturns().size());
    }

    @Test
    void negativeValueOfACount_isRejected() {
        IngestResult r = ingest("kpi,period,numerator,denominator\nKPI-1,2024-25 Q1,-3,-5\n");
        assertEquals(List.of("negative count", "negative count"), reasons(r));
    }

    @Test
    void returnForAQuarterNotEndedByTheReportingDate_isKeptWithAWarning_oneNotBegunIsRejected() {
        IngestResult r = new TestProject(dir).evaluation("- { id: kpis, type: kpi, file: data/kpi.csv }")
                .write("evaluation.yaml", """
                        programme: Test programme
                        reporting_date: 2025-01-13
                        periods:
                          quarters: { from: 2024-25 Q1, to: 2025-26 Q1 }
                        sources:
                          - { id: kpis, type: kpi, file: data/kpi.csv }
                        """)
                .write("data/kpi.csv", "kpi,period,value\nKPI-5,2024-25 Q3,0.5\nKPI-5,2024-25 Q4,0.6\nKPI-5,2025-26 Q1,0.7\n")
                .ingest();
        assertEquals(2, r.kpiReturns().size());
        assertEquals(List.of("a return for 2025-26 Q1, which starts after the reporting date 2025-01-13"), reasons(r));
        assertEquals(List.of("data/kpi.csv:3:0: warning: 1 return is for 2024-25 Q4, which has not ended by the reporting date"
                + " 2025-01-13: a value of part of the period (the tables mark it in progress)"),
                r.warnings().stream().map(Object::toString).toList());
    }

    @Test
    void rateValueWrittenPerItsExposureUnit_agreesWithItsEventsAndExposure() {
        // Falls per 1,000 occupied bed days: 93 falls in 27,730 bed days is 93 / 27,730 x 1,000 = 3.3538...
        // per 1,000, so a value written "3.35" (two places: within 0.005) agrees and "0.0034" (the bare
        // quotient, not times 1,000) contradicts it.
        IngestResult r = new TestProject(dir).evaluation("- { id: kpis, type: kpi, file: data/kpi.csv }")
                .toc(TestProject.TOC + "  - { id: kpi-falls, node: st-sat, label: Falls per thousand bed days, source: kpi,"
                        + " measure: FALLS, unit: rate, per: 1000, target: 3, direction: lower }\n")
                .write("data/kpi.csv", "kpi,period,numerator,denominator,value\nFALLS,2024-25 Q1,93,27730,3.35\n"
                        + "FALLS,2024-25 Q2,93,27730,0.0034\n")
                .ingest();
        assertEquals(1, r.kpiReturns().size(), () -> reasons(r).toString());
        assertEquals(1, reasons(r).size());
        assertTrue(reasons(r).get(0).startsWith("contradicts its numerator and denominator (93 / 27730 x 1000 = 3.35376"),
                reasons(r)::toString);
    }
}
