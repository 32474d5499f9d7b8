package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.evident.toc.Grade;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each branch of the default rubric, and a rubric of the project's own, on small hand-built projects. */
class EvidenceGradingTest {
    private static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: out, label: Support delivered, stage: output }
              - { id: st-a, label: Outcome A, stage: short_term_outcome }
              - { id: st-b, label: Outcome B, stage: short_term_outcome }
              - { id: mt-c, label: Outcome C, stage: medium_term_outcome }
              - { id: im, label: Impact, stage: impact }
            links:
              - { from: in, to: out }
              - { from: out, to: st-a }
              - { from: out, to: st-b }
              - { from: st-a, to: mt-c }
              - { from: st-b, to: mt-c }
              - { from: mt-c, to: im }
            methods:
              - { id: interviews, label: Case study interviews }
              - { id: survey, label: Survey }
              - { id: kpis, label: Management and KPI data }
            indicators:
              - { id: kpi-b, node: st-b, label: Share satisfied, source: kpi, measure: KPI-1, target: 0.8, method: kpis, basis: sample }
            """;

    @TempDir
    Path dir;

    /** The phases of the project's evaluation.yaml. */
    private static final String PHASES = """
                      - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                      - { id: phase-2, label: Phase 2, from: 2024-08-01, to: 2024-12-31 }
                """;

    private AnalysisResult grade(String findings, String kpis, String extra) throws IOException {
        return GradingProject.grade(dir, TOC, PHASES, findings, kpis, extra);
    }

    private static Assessment at(AnalysisResult r, String node, String period) {
        return GradingProject.at(r, node, period);
    }

    private static final String NO_KPIS = null;

    @Test
    void eachBranchOfTheDefaultRubric() throws IOException {
        AnalysisResult r = grade("""
                finding_id,node,direction,method,period
                F1,st-a,supports,interviews,phase-1
                F2,st-a,supports,survey,phase-2
                F3,st-b,supports,interviews,phase-2
                F4,st-b,supports,interviews,phase-2
                F5,mt-c,supports,interviews,phase-2
                F6,mt-c,contradicts,interviews,phase-2
                F7,mt-c,contradicts,survey,phase-2
                F8,mt-c,mixed,survey,phase-2
                """, NO_KPIS, "");
        // st-a at phase 2: F1 (interviews) and F2 (survey) support, nothing against: two methods.
        Assessment a = at(r, "st-a", "phase-2");
        assertEquals(Optional.of(Grade.STRONGEST), a.grade());
        assertEquals("triangulated", a.rule().id());
        assertEquals(2, a.supportingMethods());
        // At phase 1 only F1 had come in: one method.
        assertEquals(Optional.of(Grade.SOME), at(r, "st-a", "phase-1").grade());
        assertEquals("supported", at(r, "st-a", "phase-1").rule().id());
        // st-b: two findings, one method (interviews): some, not strongest.
        assertEquals(Optional.of(Grade.SOME), at(r, "st-b", "phase-2").grade());
        assertEquals(1, at(r, "st-b", "phase-2").supportingMethods());
        // mt-c: 1 for, 2 against, and the mixed one half each way (the default weights): 1.5 for, 2.5 against: outweighed.
        Assessment c = at(r, "mt-c", "phase-2");
        assertEquals(Optional.of(Grade.LIMITED), c.grade());
        assertEquals("outweighed", c.rule().id());
        assertEquals(1.5, c.supporting());
        assertEquals(2.5, c.contradicting());
        // mt-c at phase 1: nothing at all, so not yet assessed (no rule tried), not "limited".
        assertEquals("not-yet-assessed", at(r, "mt-c", "phase-1").rule().id());
        assertEquals(Optional.empty(), at(r, "mt-c", "phase-1").grade());
        // Outcomes and impacts are graded (the impact has no evidence: not yet assessed); outputs are not.
        assertTrue(r.evidence().stream().anyMatch(x -> x.node().equals("im") && !x.assessed()));
        assertTrue(r.evidence().stream().noneMatch(x -> x.node().equals("out")));
        // What changed: st-a went up from phase 1 to phase 2, with F2 as new evidence.
        assertTrue(r.evidenceChanges().stream().anyMatch(x -> x.node().equals("st-a") && x.change().equals("grade up")
                && x.before().equals("Some evidence") && x.after().equals("Strongest evidence")));
        assertTrue(r.evidenceChanges().stream().anyMatch(x -> x.node().equals("st-a") && x.change().equals("new evidence")
                && x.detail().equals("F2 supports (survey)")));
        String explained = a.explain();
        assertTrue(explained.contains("rule 'triangulated' (min_supporting_methods 2, max_contradicting 0)"), explained);
        assertTrue(explained.contains("F2 supports (survey), phase-2"), explained);
    }

    @Test
    void leaveOneOut_flagsEachItemWithoutWhichTheGradeFalls_andOnlyThose() throws IOException {
        AnalysisResult r = grade("""
                finding_id,node,direction,method,period
                F1,st-a,supports,interviews,phase-2
                F2,st-a,supports,interviews,phase-2
                F3,st-a,supports,survey,phase-2
                F4,st-b,supports,interviews,phase-2
                F5,st-b,supports,interviews,phase-2
                F6,mt-c,supports,interviews,phase-2
                F7,mt-c,mixed,survey,phase-2
                F8,mt-c,contradicts,kpis,phase-2
                """, NO_KPIS, "");
        // st-a: two methods, Strongest. Without F3 only interviews are left (Some); without F1 or F2 the
        // other interview still stands beside the survey: F3 alone holds the grade up.
        Assessment a = at(r, "st-a", "phase-2");
        assertEquals(Optional.of(Grade.STRONGEST), a.grade());
        assertEquals(List.of(new Assessment.Pivot(a.items().get(2), Optional.of(Grade.SOME))), a.restsOn());
        assertEquals("F3 (survey)", a.restsOnText());
        assertTrue(a.explain().contains("robustness: rests on F3 (survey) (without it, Some evidence)"), a.explain());
        // st-b: two interviews, Some; leaving out either keeps one: no single item holds it up.
        Assessment b = at(r, "st-b", "phase-2");
        assertEquals(Optional.of(Grade.SOME), b.grade());
        assertEquals(List.of(), b.restsOn());
        assertTrue(b.explain().contains("robustness: no single item holds the grade up"), b.explain());
        // mt-c: 1 for, 1 against, 1 mixed (half each way): 1.5 for, 1.5 against: Some (supported). Without F6,
        // 0.5 for and 1.5 against: Limited (outweighed). Leaving out the item against or the mixed one cannot lower it.
        Assessment c = at(r, "mt-c", "phase-2");
        assertEquals(Optional.of(Grade.SOME), c.grade());
        assertEquals(List.of("F6 (interviews)"), c.restsOn().stream().map(Assessment.Pivot::name).toList());
        assertEquals(Optional.of(Grade.LIMITED), c.restsOn().get(0).without());
        // Nothing to leave out at phase 1: not yet assessed.
        assertEquals(List.of(), at(r, "mt-c", "phase-1").restsOn());
        assertTrue(at(r, "mt-c", "phase-1").explain().contains("Not yet assessed"), at(r, "mt-c", "phase-1").explain());
        // A lone item is one the grade rests on: without it, the outcome would not be assessed at all.
        AnalysisResult lone = grade("""
                finding_id,node,direction,method,period
                F1,st-a,supports,interviews,phase-2
                """, NO_KPIS, "");
        assertEquals(List.of(new Assessment.Pivot(at(lone, "st-a", "phase-2").items().get(0), Optional.empty())),
                at(lone, "st-a", "phase-2").restsOn());
    }

    @Test
    void judgements_standBesideTheRule_withAgreementAndKappa() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/judgements.csv"), """
                node,period,grade,reason
                st-a,phase-2,strongest,Both methods agree
                st-b,phase-2,limited,Two interviews with the same person
                mt-c,phase-2,limited,The KPI outweighs the interview
                """);
        AnalysisResult r = grade("""
                finding_id,node,direction,method,period
                F1,st-a,supports,interviews,phase-2
                F2,st-a,supports,survey,phase-2
                F4,st-b,supports,interviews,phase-2
                F5,st-b,supports,interviews,phase-2
                F6,mt-c,supports,interviews,phase-2
                F8,mt-c,contradicts,kpis,phase-2
                """, NO_KPIS, "  - { id: judgements, type: judgements, file: data/judgements.csv }\n");
        assertEquals(List.of("st-a:true", "st-b:false", "mt-c:false"),
                r.judgements().stream().map(j -> j.assessment().node() + ":" + j.agree()).toList());
        // Rule (rows) against judgement (columns), L/S/St: st-a St/St, st-b S/L, mt-c S/L. Observed, weighted
        // (1 same, 1/2 one step, 0 two steps): (1 + 1/2 + 1/2) / 3 = 2/3. Margins: rule L 0, S 2, St 1; judged
        // L 2, S 0, St 1. Expected, sum of w * r_i * c_j over 9: (S,L) 1/2 * 2 * 2 = 2, (S,St) 1/2 * 2 * 1 = 1,
        // (St,St) 1 * 1 * 1 = 1, (St,L) 0: 4/9. kappa = (2/3 - 4/9) / (1 - 4/9) = (2/9) / (5/9) = 0.4.
        Agreement agreement = r.judgementAgreement();
        assertEquals(3, agreement.n());
        assertEquals(1, agreement.agreed());
        assertEquals(0.4, agreement.kappa().getAsDouble(), 1e-12);
        PublishedTable table = PublishedTable.named(r.publishedTables(), "judgements").orElseThrow();
        assertEquals(List.of("node", "label", "period", "rule_grade", "judged_grade", "agree", "rule", "rule_reason",
                "judgement_reason", "rests_on"), table.columnNames());
        assertEquals(List.of("st-b", "Outcome B", "phase-2", "Some evidence", "Limited or no evidence", "no", "supported",
                "Evidence supports the outcome, but from one method only, or with some evidence against it."
                        + " (2 for from 1 method, 0 against)",
                "Two interviews with the same person", ""),
                table.rows().get(1).stream().map(PublishedTable.Cell::csv).toList());
    }

    @Test
    void indicatorVerdicts_countAsEvidence_fromTheirMethod() throws IOException {
        // KPI-1 in 2024-25 Q2 (Jul-Sep, ended by phase 2's end): 19 of 19 against 0.8. Wilson 95%
        // lower bound 19 / (19 + 3.841459) = 0.8318 > 0.8: met, so it supports st-b from "kpis".
        AnalysisResult met = grade("""
                finding_id,node,direction,method,period
                F3,st-b,supports,interviews,phase-2
                """, "kpi,period,numerator,denominator\nKPI-1,2024-25 Q2,19,19\n", "");
        Assessment b = at(met, "st-b", "phase-2");
        assertEquals(Optional.of(Grade.STRONGEST), b.grade(), b::explain);
        assertEquals("interviews; kpis", b.methods());
        // 5 of 19 is not met (upper bound about 0.49): a contradiction, so not strongest, and 1 for
        // against 1 against is not outweighed: some.
        AnalysisResult notMet = grade("""
                finding_id,node,direction,method,period
                F3,st-b,supports,interviews,phase-2
                """, "kpi,period,numerator,denominator\nKPI-1,2024-25 Q2,5,19\n", "");
        assertEquals(Optional.of(Grade.SOME), at(notMet, "st-b", "phase-2").grade());
        assertEquals(1, at(notMet, "st-b", "phase-2").contradicting());
        // 15 of 19 is inconclusive against 0.8: listed, but neither for nor against.
        AnalysisResult inconclusive = grade("""
                finding_id,node,direction,method,period
                F3,st-b,supports,interviews,phase-2
                """, "kpi,period,numerator,denominator\nKPI-1,2024-25 Q2,15,19\n", "");
        Assessment i = at(inconclusive, "st-b", "phase-2");
        assertEquals(Optional.of(Grade.SOME), i.grade());
        assertEquals(2, i.items().size());
        assertEquals(0, i.contradicting());
        // At phase 1 (to 31 July) the Q2 return (to 30 September) had not come in, nor had F3.
        assertTrue(at(inconclusive, "st-b", "phase-1").items().isEmpty());
    }

    @Test
    void aRubricOfTheProjectsOwn_isApplied_andItsProblemsHaveLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("strict.yaml"), """
                name: Strict rubric
                rules:
                  - id: three-methods
                    grade: strongest
                    text: Three independent methods and nothing against.
                    when: { min_supporting_methods: 3, max_contradicting: 0 }
                  - id: otherwise
                    grade: limited
                    text: Anything less.
                """);
        AnalysisResult r = grade("""
                finding_id,node,direction,method,period
                F1,st-a,supports,interviews,phase-1
                F2,st-a,supports,survey,phase-2
                """, NO_KPIS, "rubric: strict.yaml\n");
        assertEquals(Optional.of(Grade.LIMITED), at(r, "st-a", "phase-2").grade());
        assertEquals("otherwise", at(r, "st-a", "phase-2").rule().id());

        Files.writeString(dir.resolve("strict.yaml"), """
                rules:
                  - id: bad
                    grade: best
                    text: A grade that does not exist.
                    when: { min_methods: 2 }
                """);
        InvalidProjectException e = assertThrows(InvalidProjectException.class,
                () -> grade("finding_id,node,direction,method,period\n", NO_KPIS, "rubric: strict.yaml\n"));
        List<String> printed = e.problems().stream().filter(Problem::isError).map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1)).toList();
        // "grade: best" is on line 3, the value at column 12; "min_methods" on line 5, column 13.
        assertEquals(List.of(
                "strict.yaml:3:12: error: rule grade: 'best' is not one of limited | some | strongest",
                "strict.yaml:5:13: error: rule when: unknown field 'min_methods'; expected one of contradicting_exceeds_supporting,"
                        + " max_contradicting, max_supporting, min_contradicting, min_supporting, min_supporting_methods"),
                printed);
    }

    @Test
    void contributionTracing_givesAPosterior_whenFindingsRecordTests() throws IOException {
        // One hoop test passed (Se 0.95, type I error 0.5) from the default prior 0.5:
        // 0.95 x 0.5 / (0.95 x 0.5 + 0.5 x 0.5) = 0.475 / 0.725 = 0.655172.
        AnalysisResult r = grade("""
                finding_id,node,direction,method,period,test
                F1,st-a,supports,interviews,phase-1,hoop
                F2,st-b,supports,interviews,phase-1,
                """, NO_KPIS, "");
        assertEquals(0.475 / 0.725, at(r, "st-a", "phase-1").posterior().getAsDouble(), 1e-9);
        assertTrue(at(r, "st-b", "phase-1").posterior().isEmpty(), "no test recorded, no posterior");
        assertTrue(at(r, "st-a", "phase-1").explain().contains("F1 supports: Se 0.950, type I error 0.500, likelihood ratio 1.900"),
                at(r, "st-a", "phase-1").explain());
    }
}
