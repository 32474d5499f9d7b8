package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.evident.toc.EvidenceDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coded findings: known nodes, methods and periods, a direction, and the optional contribution-tracing test. */
class FindingRulesTest {
    @TempDir
    Path dir;

    private static final String HEADER = "finding_id,node,direction,method,period,test,sensitivity,type_one_error\n";

    private IngestResult ingestTests(String rows) {
        return new TestProject(dir).evaluation("- { id: findings, type: findings, file: data/findings.csv }")
                .write("data/findings.csv", HEADER + rows).ingest();
    }

    private static Optional<ProcessTracingTest> test(IngestResult r, int index) {
        return r.findings().get(index).test();
    }

    @Test
    void findingsName_knownNodesMethodsAndPeriods_andADirection() {
        IngestResult r = new TestProject(dir).evaluation("- { id: findings, type: findings, file: data/findings.csv }")
                .write("data/findings.csv", """
                        finding_id,node,direction,method,period,quote,source_ref
                        F1,st-sat,supports,interviews,phase-3,"Many systems expressed general satisfaction",Table 6
                        F2,st-satisfied,supports,interviews,phase-3,,
                        F3,st-sat,positive,interviews,phase-3,,
                        F4,st-sat,mixed,focus groups,phase-9,,
                        F1,st-sat,contradicts,survey,phase-3,,
                        """).ingest();
        assertEquals(1, r.findings().size());
        assertEquals(EvidenceDirection.SUPPORTS, r.findings().get(0).direction());
        assertEquals(List.of("unknown node", "unknown direction", "unknown method", "unknown period",
                "duplicate finding id (first at row 2, which is kept)"), r.rejects().stream().map(Reject::reason).toList());
        assertEquals("data/findings.csv: 5 rows read = 1 accepted + 4 rejected", r.reconciliations().get(0).toString());
    }

    @Test
    void inconclusive_isOnlyAnIndicatorsDirection_soAFindingSayingItIsRejected() {
        IngestResult r = ingestTests("F1,st-sat,inconclusive,interviews,phase-3,,,\n");
        assertEquals(List.of(), r.findings());
        assertEquals(List.of(new Reject("findings", "data/findings.csv", 2, "direction", "inconclusive", "unknown direction",
                "supports, contradicts or mixed")), r.rejects());
    }

    @Test
    void aTestTypeAlone_givesItsDefaults_inAnyCaseOrSpacing() {
        // The defaults are the ones stated in ProcessTracingTest and the README.
        IngestResult r = ingestTests("""
                F1,st-sat,supports,interviews,phase-3,hoop,,
                F2,st-sat,supports,interviews,phase-3,Smoking gun,,
                F3,st-sat,contradicts,interviews,phase-3,DOUBLY-DECISIVE,,
                F4,st-sat,mixed,interviews,phase-3, straw in the wind ,,
                """);
        assertEquals(List.of(), r.rejects());
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("hoop"), 0.95, 0.5)), test(r, 0));
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("smoking_gun"), 0.3, 0.05)), test(r, 1));
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("doubly_decisive"), 0.95, 0.05)), test(r, 2));
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("straw_in_the_wind"), 0.6, 0.4)), test(r, 3));
    }

    @Test
    void bothNumbers_withoutAType_areTheTest() {
        IngestResult r = ingestTests("F1,st-sat,supports,interviews,phase-3,,0.8,0.2\n");
        assertEquals(List.of(), r.rejects());
        assertEquals(Optional.of(new ProcessTracingTest(Optional.empty(), 0.8, 0.2)), test(r, 0));
    }

    @Test
    void numbersGivenWithAType_overrideItsDefaults_oneOrBoth() {
        IngestResult r = ingestTests("""
                F1,st-sat,supports,interviews,phase-3,hoop,0.9,
                F2,st-sat,supports,interviews,phase-3,smoking_gun,,0.01
                F3,st-sat,supports,interviews,phase-3,smoking gun,0.4,0.1
                F4,st-sat,supports,interviews,phase-3,hoop,99%,
                """);
        assertEquals(List.of(), r.rejects());
        // F1: hoop's alpha 0.5 stays; F2: smoking gun's Se 0.3 stays; F4: a percentage reads as a fraction.
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("hoop"), 0.9, 0.5)), test(r, 0));
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("smoking_gun"), 0.3, 0.01)), test(r, 1));
        assertEquals(Optional.of(new ProcessTracingTest(Optional.of("smoking_gun"), 0.4, 0.1)), test(r, 2));
        assertEquals(0.99, test(r, 3).orElseThrow().sensitivity(), 1e-12);
    }

    @Test
    void noTestAndNoNumbers_orNoSuchColumns_meanNoBayesianContribution() {
        IngestResult r = ingestTests("F1,st-sat,supports,interviews,phase-3,,,\n");
        assertEquals(List.of(), r.rejects());
        assertEquals(Optional.empty(), test(r, 0));
        IngestResult older = new TestProject(dir).write("data/findings.csv",
                "finding_id,node,direction,method,period\nF1,st-sat,supports,interviews,phase-3\n").ingest();
        assertEquals(List.of(), older.rejects());
        assertEquals(Optional.empty(), test(older, 0));
    }

    @Test
    void oneNumberWithoutAType_isRejected() {
        IngestResult r = ingestTests("""
                F1,st-sat,supports,interviews,phase-3,,0.9,
                F2,st-sat,supports,interviews,phase-3,,,0.1
                """);
        assertEquals("data/findings.csv:2 [sensitivity]: sensitivity needs type_one_error too, or a test type ('0.9');"
                + " expected both sensitivity and type_one_error, or a test: hoop, smoking_gun, doubly_decisive or"
                + " straw_in_the_wind", r.rejects().get(0).toString());
        assertEquals("data/findings.csv:3 [type_one_error]: type_one_error needs sensitivity too, or a test type ('0.1');"
                + " expected both sensitivity and type_one_error, or a test: hoop, smoking_gun, doubly_decisive or"
                + " straw_in_the_wind", r.rejects().get(1).toString());
        assertEquals(2, r.rejects().size());
        assertEquals("data/findings.csv: 2 rows read = 0 accepted + 2 rejected", r.reconciliations().get(0).toString());
    }

    @Test
    void numbersOutsideZeroToOne_orNotNumbers_areRejected() {
        // 0 and 1 themselves are refused: a certain item would settle the claim for good.
        IngestResult r = ingestTests("""
                F1,st-sat,supports,interviews,phase-3,hoop,1,
                F2,st-sat,supports,interviews,phase-3,hoop,,0
                F3,st-sat,supports,interviews,phase-3,,1.2,-0.1
                F4,st-sat,supports,interviews,phase-3,hoop,high,
                F5,st-sat,supports,interviews,phase-3,hoop,,"0,05"
                """);
        assertEquals(List.of("sensitivity not strictly between 0 and 1", "type one error not strictly between 0 and 1",
                "sensitivity not strictly between 0 and 1", "type one error not strictly between 0 and 1", "not a number",
                "not a number"), r.rejects().stream().map(Reject::reason).toList());
        assertEquals(List.of("sensitivity", "type_one_error", "sensitivity", "type_one_error", "sensitivity",
                "type_one_error"), r.rejects().stream().map(Reject::column).toList());
        assertEquals("data/findings.csv:5 [sensitivity]: not a number ('high'); expected a probability P(E|H), such as"
                + " 0.95, strictly between 0 and 1", r.rejects().get(4).toString());
        assertEquals("data/findings.csv:3 [type_one_error]: type one error not strictly between 0 and 1 ('0'); expected a"
                + " probability P(E|not H), such as 0.05, strictly between 0 and 1", r.rejects().get(1).toString());
        assertEquals(0, r.findings().size());
    }

    @Test
    void anUnknownTestType_isRejected_evenWithBothNumbers() {
        IngestResult r = ingestTests("F1,st-sat,supports,interviews,phase-3,hoops,0.9,0.5\n");
        assertEquals("data/findings.csv:2 [test]: unknown test ('hoops'); expected hoop, smoking_gun, doubly_decisive"
                + " or straw_in_the_wind", r.rejects().get(0).toString());
        assertEquals(1, r.rejects().size());
    }

    @Test
    void appraisalCasesDatesRestatedIndicatorsAndAssumptions_areChecked() {
        IngestResult r = new TestProject(dir).toc(TestProject.TOC + """
                assumptions:
                  A: [Systems engage]
                """).evaluation("- { id: findings, type: findings, file: data/findings.csv }")
                .write("data/findings.csv", """
                        finding_id,node,direction,method,period,limitations,coherence,adequacy,relevance,concerns,cases,collected,restates,assumption
                        F1,st-sat,supports,interviews,phase-3,minor,,serious,none,,12,2024-06-15,svy-quality,
                        F2,,contradicts,interviews,phase-3,,,,,moderate,,,,A
                        F3,st-sat,supports,interviews,phase-3,bad,,,,,,,,
                        F4,st-sat,supports,interviews,phase-3,,,,,,0,,,
                        F5,st-sat,supports,interviews,phase-3,,,,,,,2025-02-01,,
                        F6,st-sat,supports,interviews,phase-3,,,,,,,,kpi-spend,
                        F7,,supports,interviews,phase-3,,,,,,,,,
                        F8,st-sat,supports,interviews,phase-3,,,,,,,,,Z
                        """).ingest();
        // F1: the worst of minor, serious and none is serious; F2: the overall concern given directly, about A only.
        assertEquals(2, r.findings().size(), r.rejects()::toString);
        Finding f1 = r.findings().get(0);
        assertEquals(Optional.of(org.evident.toc.Concern.SERIOUS), f1.concerns());
        assertEquals(java.util.OptionalInt.of(12), f1.cases());
        assertEquals(Optional.of(java.time.LocalDate.of(2024, 6, 15)), f1.collected());
        assertEquals(Optional.of("svy-quality"), f1.restates());
        assertEquals("", r.findings().get(1).node());
        assertEquals(Optional.of("A"), r.findings().get(1).assumption());
        assertEquals(List.of("unknown concern", "not a whole number of 1 or more", "after the reporting date 2025-01-13",
                "the indicator is on out, not on st-sat", "no node", "unknown assumption"),
                r.rejects().stream().map(Reject::reason).toList());
    }
}
