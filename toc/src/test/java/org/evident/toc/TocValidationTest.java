package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each validation rule, with a small broken toc.yaml, checking the line and column the message
 * points at. Lines and columns below are counted by hand in the text blocks (both from 1).
 */
class TocValidationTest {

    private static List<Problem> errorsOf(String yaml) {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> TheoryOfChange.parse("toc.yaml", yaml));
        return e.problems().stream().filter(Problem::isError).toList();
    }

    private static Problem onlyError(String yaml) {
        List<Problem> errors = errorsOf(yaml);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    private static void assertAt(Problem problem, int line, int column, String fragment) {
        assertEquals(line, problem.line(), () -> "line of " + problem);
        assertEquals(column, problem.column(), () -> "column of " + problem);
        assertTrue(problem.message().contains(fragment), () -> "'" + fragment + "' not in: " + problem.message());
        assertEquals("toc.yaml", problem.file());
    }

    @Test
    void validGraph_loadsWithNoProblems() {
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: act, label: Deliver support, stage: activity }
                  - { id: st, label: Satisfaction, stage: short_term_outcome }
                links:
                  - { from: in, to: act }
                  - { from: act, to: st }
                indicators:
                  - { id: sat, node: st, label: Satisfied, source: survey, measure: satisfied, target: 0.8 }
                """);
        assertEquals(3, toc.nodes().size());
        assertEquals(List.of(), toc.warnings());
    }

    @Test
    void linkToUnknownNode_isAnErrorAtTheUnknownId() {
        Problem p = onlyError("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: act, label: Deliver support, stage: activity }
                links:
                  - from: in
                    to: actt
                """);
        assertAt(p, 6, 9, "link in -> actt: 'to' names unknown node 'actt'; did you mean 'act'?");
    }

    @Test
    void duplicateNodeId_isAnErrorAtTheSecondWithTheFirstsLine() {
        List<Problem> errors = errorsOf("""
                nodes:
                  - id: in
                    label: Funding
                    stage: input
                  - id: in
                    label: Staff time
                    stage: input
                """);
        assertEquals(1, errors.size(), errors::toString);
        assertAt(errors.get(0), 5, 9, "duplicate node id 'in' (first defined at line 2)");
    }

    @Test
    void unknownStage_isAnErrorListingTheStages() {
        Problem p = onlyError("""
                nodes:
                  - id: in
                    label: Funding
                    stage: inputs
                """);
        assertAt(p, 4, 12, "unknown stage 'inputs'; expected one of input | activity | output | short_term_outcome"
                + " | medium_term_outcome | impact");
    }

    @Test
    void backwardLinkNotMarkedFeedback_isAnErrorAtTheLink() {
        Problem p = onlyError("""
                nodes:
                  - { id: out-reports, label: Reports, stage: output }
                  - { id: st-satisfaction, label: Satisfaction, stage: short_term_outcome }
                links:
                  - { from: out-reports, to: st-satisfaction }
                  - { from: st-satisfaction, to: out-reports }
                """);
        assertAt(p, 6, 5, "link 'st-satisfaction -> out-reports' goes backwards (short_term_outcome -> output);"
                + " mark it 'feedback: true' if intended");
    }

    @Test
    void backwardLinkMarkedFeedback_isAccepted() {
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", """
                nodes:
                  - { id: out-reports, label: Reports, stage: output }
                  - { id: st-satisfaction, label: Satisfaction, stage: short_term_outcome }
                links:
                  - { from: out-reports, to: st-satisfaction }
                  - { from: st-satisfaction, to: out-reports, feedback: true }
                """);
        assertEquals(2, toc.links().size());
        assertTrue(toc.links().get(1).feedback());
    }

    @Test
    void cycleOfNonFeedbackLinks_isAnErrorThatPrintsTheCycle() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: short_term_outcome }
                  - { id: b, label: B, stage: short_term_outcome }
                  - { id: c, label: C, stage: short_term_outcome }
                links:
                  - { from: a, to: b }
                  - { from: b, to: c }
                  - { from: c, to: a }
                """);
        assertAt(p, 6, 5, "cycle of causal links: a -> b -> c -> a");
    }

    @Test
    void assumptionKeyUsedButNotDefined_isAnErrorAtTheKey() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b, keys: [A, Z] }
                assumptions:
                  A: [Partners are clear]
                risks:
                  G: [Unequal spread across regions]
                """);
        assertAt(p, 5, 33, "key 'Z' is not defined under 'assumptions' or 'risks' (defined: A, G)");
    }

    @Test
    void indicatorOnMissingNode_isAnErrorAtTheNodeReference() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                  - id: kpi-1
                    node: st-satisfied
                    label: Rated good or excellent
                    source: kpi
                    measure: KPI-1
                """);
        assertAt(p, 8, 11, "indicator names unknown node 'st-satisfied'");
    }

    @Test
    void indicatorBasis_defaultsBySource_andAnUnknownBasisIsAnErrorAtTheValue() {
        String graph = """
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                """;
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", graph + """
                  - { id: k, node: b, label: K, source: kpi, measure: KPI-1 }
                  - { id: t, node: b, label: T, source: tracker, measure: offers-closed }
                  - { id: s, node: b, label: S, source: survey, measure: quality }
                  - { id: r, node: b, label: R, source: kpi, measure: KPI-2, basis: sample }
                """);
        assertEquals(List.of(Indicator.Basis.CENSUS, Indicator.Basis.CENSUS, Indicator.Basis.SAMPLE, Indicator.Basis.SAMPLE),
                toc.indicators().stream().map(Indicator::basis).toList());
        Problem p = onlyError(graph + """
                  - id: k
                    node: b
                    label: K
                    source: kpi
                    measure: KPI-1
                    basis: everyone
                """);
        assertAt(p, 12, 12, "census or sample");
    }

    @Test
    void twoIndicatorsOnTheSameMeasureAndSource_isAWarningNamingBoth() {
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", """
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                  - { id: kpi-eos, node: b, label: On time, source: kpi, measure: KPI-4 }
                  - { id: trk-eos, node: b, label: On time, source: tracker, measure: KPI-4 }
                  - { id: eos-again, node: b, label: On time again, source: kpi, measure: KPI-4 }
                """);
        assertEquals(1, toc.warnings().size(), toc.warnings()::toString);
        Problem w = toc.warnings().get(0);
        assertEquals(9, w.line());
        assertEquals(75, w.column());
        assertTrue(w.message().contains("indicators 'kpi-eos' and 'eos-again' both measure kpi 'KPI-4'"), w.message());
    }

    @Test
    void rebaseThatIsNotAQuarter_isAnErrorAtTheValue() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                  - { id: k, node: b, label: K, source: kpi, measure: KPI-1, rebase: [2024-25 Q2, next spring] }
                """);
        assertAt(p, 7, 83, "next spring");
    }

    @Test
    void rateRollupBaselineAndToDate_areReadWithTheirDefaults() {
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", """
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                  - { id: falls, node: b, label: Falls, source: kpi, measure: FALLS, unit: rate, per: 1000, rollup: sum, baseline_points: 12 }
                  - { id: regions, node: b, label: Regions, source: kpi, measure: KPI-6, unit: count, to_date: latest }
                """);
        Indicator falls = toc.indicators().get(0);
        assertTrue(falls.rate());
        assertEquals(1000.0, falls.per());
        assertEquals(Indicator.Rollup.SUM, falls.rollup());
        assertEquals(12, falls.baselinePoints());
        assertEquals(Indicator.Basis.SAMPLE, falls.basis(), "a rate is judged by its Poisson interval unless declared census");
        assertEquals(Indicator.ToDate.POOLED, falls.toDateRule());
        Indicator regions = toc.indicators().get(1);
        assertEquals(Indicator.ToDate.LATEST, regions.toDateRule());
        assertEquals(1.0, regions.per());
        assertEquals(Indicator.Rollup.NONE, regions.rollup());
        assertEquals(0, regions.baselinePoints());
    }

    @Test
    void perOffARate_rollupOfAMean_andPooledRatio_areErrors() {
        List<String> messages = errorsOf("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                  - { id: k1, node: b, label: K, source: kpi, measure: K1, unit: count, per: 1000 }
                  - { id: k2, node: b, label: K, source: kpi, measure: K2, unit: days, rollup: sum }
                  - { id: k3, node: b, label: K, source: kpi, measure: K3, unit: ratio, to_date: pooled }
                  - { id: k4, node: b, label: K, source: kpi, measure: K4, unit: count, baseline_points: 1 }
                """).stream().map(Problem::message).toList();
        assertEquals(4, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("'per' is for a rate"), messages::toString);
        assertTrue(messages.get(1).contains("rollup: sum adds the units' returns"), messages::toString);
        assertTrue(messages.get(2).contains("to_date: pooled adds the periods up"), messages::toString);
        assertTrue(messages.get(3).contains("at least 2"), messages::toString);
    }

    @Test
    void censusBasisOnASurveyIndicator_isAnErrorAtTheBasis() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                indicators:
                  - { id: s, node: b, label: S, source: survey, measure: quality, basis: census }
                """);
        assertAt(p, 7, 74, "declare the source's 'population:'");
    }

    @Test
    void indicatorNamingUnknownMethod_isAnErrorAtTheMethod() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                methods:
                  - { id: survey, label: Survey }
                indicators:
                  - id: kpi-1
                    node: b
                    label: Rated good or excellent
                    source: kpi
                    measure: KPI-1
                    method: kpi-data
                """);
        assertAt(p, 14, 13, "indicator names unknown method 'kpi-data'; the methods are survey");
    }

    @Test
    void viewNamingUnknownNodes_isAnErrorPerUnknownNode() {
        List<Problem> errors = errorsOf("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                links:
                  - { from: a, to: b }
                views:
                  - id: contract
                    exclude: [a, x, y]
                """);
        assertEquals(2, errors.size(), errors::toString);
        assertAt(errors.get(0), 8, 18, "view contract names unknown node 'x'");
        assertAt(errors.get(1), 8, 21, "view contract names unknown node 'y'");
    }

    @Test
    void yamlSyntaxError_isReportedWithItsPosition() {
        Problem p = onlyError("""
                nodes:
                  - { id: a, label: A, stage: input
                  - { id: b, label: B, stage: activity }
                """);
        assertEquals(3, p.line(), p::toString);
        assertTrue(p.message().startsWith("YAML syntax"), p::toString);
    }

    @Test
    void unknownField_isAnErrorNamingTheAllowedFields() {
        Problem p = onlyError("""
                nodes:
                  - id: a
                    lable: Funding
                    label: Funding
                    stage: input
                """);
        assertAt(p, 3, 5, "unknown field 'lable'; expected one of description, group, id, label, stage");
    }

    @Test
    void missingRequiredField_isAnErrorAtTheEntry() {
        Problem p = onlyError("""
                nodes:
                  - id: a
                    stage: input
                """);
        assertAt(p, 2, 5, "node: missing required field 'label'");
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        List<Problem> errors = errorsOf("""
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: a, label: A again, stage: input }
                  - { id: b, label: B, stage: outcome }
                links:
                  - { from: a, to: nowhere, keys: [Q] }
                indicators:
                  - { id: i, node: ghost, label: I, source: kpi, measure: K }
                views:
                  - { id: v, include: [phantom] }
                """);
        assertEquals(List.of(3, 4, 6, 6, 8, 10), errors.stream().map(Problem::line).toList(), errors::toString);
    }

    @Test
    void orphanNodesAndUnmeasuredOutcomes_areWarningsNotErrors() {
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", """
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: b, label: B, stage: activity }
                  - { id: lonely, label: Lonely, stage: output }
                  - { id: st, label: Outcome, stage: short_term_outcome }
                links:
                  - { from: a, to: b }
                  - { from: b, to: st }
                """);
        List<Problem> warnings = toc.warnings();
        assertEquals(2, warnings.size(), warnings::toString);
        assertAt(warnings.get(0), 4, 11, "node 'lonely' has no links (an orphan)");
        assertAt(warnings.get(1), 5, 11, "short-term-outcome 'st' has no indicator");
        assertTrue(warnings.stream().noneMatch(Problem::isError));
    }

    @Test
    void outcomeNamedByAQuestionWithAMethodInUse_isPlannedFor_notWarned() {
        TheoryOfChange toc = TheoryOfChange.parse("toc.yaml", """
                nodes:
                  - { id: a, label: A, stage: input }
                  - { id: st, label: Outcome, stage: short_term_outcome }
                  - { id: mt, label: Later, stage: medium_term_outcome }
                links:
                  - { from: a, to: st }
                  - { from: st, to: mt }
                methods:
                  - { id: interviews, label: Interviews }
                questions:
                  - { id: Q1, kind: impact, text: "Did it work?", nodes: [st], methods: { interviews: main } }
                  - { id: Q2, kind: impact, text: "And later?", nodes: [mt], methods: { interviews: not_used } }
                """);
        List<Problem> warnings = toc.warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        assertAt(warnings.get(0), 4, 11, "medium-term-outcome 'mt' has no indicator, and no evaluation question names it");
    }

    @Test
    void shareTargetWrittenAsAPercentage_isAnErrorAtTheTarget_aCountTargetIsNot() {
        String graph = """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Satisfaction, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                """;
        Problem p = onlyError(graph + """
                  - { id: sat, node: st, label: Satisfied, source: kpi, measure: k1, target: 80 }
                  - { id: n, node: st, label: Completed, source: kpi, measure: k2, target: 80, unit: count }
                """);
        assertAt(p, 7, 78, "a share's target is a fraction between 0 and 1 (0.80 for 80%), not 80");
    }

    @Test
    void javaOnlyNumberForms_areNotNumbers() {
        Problem p = onlyError("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Satisfaction, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: sat, node: st, label: Satisfied, source: kpi, measure: k1, target: 0x1p-1 }
                """);
        assertAt(p, 7, 78, "target");
    }

    @Test
    void problemPrintsLikeACompilerMessage() {
        Problem p = new Problem(Problem.Severity.ERROR, "toc.yaml", 42, 7, "link goes backwards");
        assertEquals("toc.yaml:42:7: error: link goes backwards", p.toString());
    }
}
