package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.evident.toc.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 16 added to the grading, on small hand-built projects, every expected value worked by hand in the
 * comments: not yet assessed, items weighed by their appraisal and cases, mixed findings, indicators by their figure
 * to date, a finding that restates an indicator counted once, dates collected, impacts, and assumptions.
 */
class EvidenceStrengthTest {
    private static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: out, label: Support delivered, stage: output }
              - { id: st-a, label: Outcome A, stage: short_term_outcome }
              - { id: st-b, label: Outcome B, stage: short_term_outcome }
              - { id: mt-c, label: Outcome C, stage: medium_term_outcome }
              - { id: im, label: Impact, stage: impact }
            links:
              - { from: in, to: out, keys: [A] }
              - { from: out, to: st-a, keys: [A, B] }
              - { from: out, to: st-b }
              - { from: st-a, to: mt-c }
              - { from: st-b, to: mt-c }
              - { from: mt-c, to: im, keys: [B] }
            assumptions:
              A: [Systems are willing and have capacity to engage]
              B: [Support is designed with sustainability in mind]
            risks:
              C: [Underspend reduces future funding]
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
                      - { id: phase-3, label: Phase 3, from: 2025-01-01, to: 2025-03-31 }
                """;

    private AnalysisResult run(String findings, String kpis, String extra) throws IOException {
        return GradingProject.grade(dir, TOC, PHASES, findings, kpis, extra);
    }

    private static Assessment at(AnalysisResult r, String node, String period) {
        return GradingProject.at(r, node, period);
    }

    private static List<String> row(AnalysisResult r, String table, int i) {
        return PublishedTable.named(r.publishedTables(), table).orElseThrow().rows().get(i).stream()
                .map(PublishedTable.Cell::csv).toList();
    }

    @Test
    void notYetAssessed_isItsOwnState_notLimited_andItsFirstGradeIsNotAMoveUp() throws IOException {
        AnalysisResult r = run("""
                finding_id,node,direction,method,period
                F1,st-a,contradicts,interviews,phase-1
                F2,st-b,supports,interviews,phase-2
                """, null, "");
        // st-a at phase 1: one item against, nothing for: graded, Limited (no-support).
        assertEquals(Optional.of(Grade.LIMITED), at(r, "st-a", "phase-1").grade());
        // st-b at phase 1: no evidence at all: not yet assessed, no grade.
        Assessment b1 = at(r, "st-b", "phase-1");
        assertEquals(Optional.empty(), b1.grade());
        assertEquals("Not yet assessed", b1.gradeLabel());
        // Phase 2: st-b supported by one method: Some. That is its first grade, not a move up from Limited.
        assertEquals(Optional.of(Grade.SOME), at(r, "st-b", "phase-2").grade());
        assertTrue(r.evidenceChanges().stream().anyMatch(c -> c.node().equals("st-b") && c.change().equals("first assessed")
                && c.before().equals("Not yet assessed") && c.after().equals("Some evidence")), r.evidenceChanges()::toString);
        assertTrue(r.evidenceChanges().stream().noneMatch(c -> c.node().equals("st-b") && c.change().equals("grade up")));
        // The published tables say so in words (evidence.csv: node, label, stage, period, status, grade, rule, ...).
        PublishedTable evidence = PublishedTable.named(r.publishedTables(), "evidence").orElseThrow();
        int st = evidence.columnNames().indexOf("grade");
        assertEquals(List.of("Limited or no evidence", "Limited or no evidence", "Limited or no evidence", "Not yet assessed",
                        "Some evidence", "Some evidence"),
                evidence.rows().subList(0, 6).stream().map(x -> x.get(st).csv()).toList());
        // evidence_by_period: node, label, stage, phase-1, phase-2, phase-3, change (from phase 2 to phase 3: same).
        assertEquals(List.of("st-b", "Outcome B", "short_term_outcome", "Not yet assessed", "Some evidence", "Some evidence", "same"),
                row(r, "evidence_by_period", 1));
        assertEquals(List.of("im", "Impact", "impact", "Not yet assessed", "Not yet assessed", "Not yet assessed", "same"),
                row(r, "evidence_by_period", 3));
        // Phase 3 (1 January to 31 March 2025) has not ended by the reporting date, 13 January: 13 of 90 days.
        assertEquals("in progress: 13 of 90 days by the reporting date; graded on the evidence collected so far",
                at(r, "st-b", "phase-3").status());
        assertEquals("", at(r, "st-b", "phase-2").status());
    }

    @Test
    void appraisalAndCases_weighItems_andAWeakItemCannotAloneMakeAMethod() throws IOException {
        AnalysisResult r = run("""
                finding_id,node,direction,method,period,concerns,cases,limitations,coherence,adequacy
                F1,st-a,supports,interviews,phase-2,serious,,,,
                F2,st-a,supports,survey,phase-2,,,,,
                F3,st-b,supports,interviews,phase-2,,12,,,
                F4,st-b,contradicts,interviews,phase-2,,,,,
                F5,st-b,contradicts,survey,phase-2,,,,,
                F6,mt-c,supports,interviews,phase-2,,3,minor,none,moderate
                F7,mt-c,mixed,interviews,phase-2,,,,,
                """, null, "");
        // st-a: F1 serious concerns weighs 0.5, F2 weighs 1: 1.5 for. Interviews weigh 0.5 < 1, so only the survey
        // counts as a supporting method: one method, Some, not Strongest (two methods) as unweighted counts would give.
        Assessment a = at(r, "st-a", "phase-2");
        assertEquals(1.5, a.supporting());
        assertEquals(1, a.supportingMethods());
        assertEquals(Optional.of(Grade.SOME), a.grade());
        assertEquals("F1 supports (interviews), weight 0.5 (serious concerns ×0.5)", a.items().get(0).summary());
        // st-b: F3 rests on 12 cases (10 or more: ×2) against two single items: 2 for, 2 against, not outweighed:
        // Some. Without the cases it would be 1 for against 2: Limited.
        Assessment b = at(r, "st-b", "phase-2");
        assertEquals(2.0, b.supporting());
        assertEquals(2.0, b.contradicting());
        assertEquals(Optional.of(Grade.SOME), b.grade());
        // mt-c: F6's components minor, none, moderate: the worst is moderate (×0.75); 3 cases (2 to 9: ×1.5):
        // 0.75 × 1.5 = 1.125. F7 mixed, weight 1, counts half each way: 1.125 + 0.5 for, 0.5 against.
        Assessment c = at(r, "mt-c", "phase-2");
        assertEquals(1.125, c.items().get(0).weight());
        assertEquals(1.625, c.supporting());
        assertEquals(0.5, c.contradicting());

        // A project's own weights: serious concerns count nothing, mixed findings neither way.
        Files.writeString(dir.resolve("weights.yaml"), """
                name: Own weights
                weights: { serious: 0, mixed: neither }
                rules:
                  - { id: any, grade: some, text: Anything for it., when: { min_supporting: 1 } }
                  - { id: otherwise, grade: limited, text: Nothing for it. }
                """);
        AnalysisResult own = run("""
                finding_id,node,direction,method,period,concerns
                F1,st-a,supports,interviews,phase-2,serious
                F7,mt-c,mixed,interviews,phase-2,
                """, null, "rubric: weights.yaml\n");
        assertEquals(0.0, at(own, "st-a", "phase-2").supporting());
        assertEquals(Optional.of(Grade.LIMITED), at(own, "st-a", "phase-2").grade());
        assertEquals(0.0, at(own, "mt-c", "phase-2").supporting());
        assertEquals(0.0, at(own, "mt-c", "phase-2").contradicting());
    }

    @Test
    void aFindingAndAnIndicatorOnTheSameSource_countOnce() throws IOException {
        // KPI-1 2024-25 Q2: 15 of 19 against 0.8. Wilson 95%: centre (15 + 1.92) / 22.84 = 0.741, half-width
        // 1.96 × sqrt(15 × 4 / 19 + 0.96) / 22.84 = 0.170: 0.571 to 0.911 straddles 0.8: inconclusive.
        // F9 restates the same returns ("15 of 19 satisfied") from the KPI data: counted once, as the indicator,
        // so it is listed with weight 0. Without the restates column it would be a second method for st-b
        // (kpis beside interviews) and make it Strongest on the back of an inconclusive share.
        String kpis = "kpi,period,numerator,denominator\nKPI-1,2024-25 Q2,15,19\n";
        AnalysisResult r = run("""
                finding_id,node,direction,method,period,restates
                F3,st-b,supports,interviews,phase-2,
                F9,st-b,supports,kpis,phase-2,kpi-b
                """, kpis, "");
        Assessment b = at(r, "st-b", "phase-2");
        assertEquals(1.0, b.supporting());
        assertEquals(1, b.supportingMethods());
        assertEquals(Optional.of(Grade.SOME), b.grade());
        assertTrue(b.items().stream().anyMatch(i -> i.summary().equals(
                "F9 supports (kpis), weight 0 (restates kpi-b, counted once, as that indicator)")), b::explain);
        AnalysisResult twice = run("""
                finding_id,node,direction,method,period
                F3,st-b,supports,interviews,phase-2
                F9,st-b,supports,kpis,phase-2
                """, kpis, "");
        assertEquals(Optional.of(Grade.STRONGEST), at(twice, "st-b", "phase-2").grade());
    }

    @Test
    void anIndicator_countsByItsFigureToDate_notItsLatestQuarter() throws IOException {
        // Q1 5 of 19, Q2 19 of 19. Q2 alone is met (Wilson lower bound 19 / 22.84 = 0.832 > 0.8). Pooled to the end of
        // phase 2: 24 of 38 = 0.632; Wilson 95% upper bound (0.632 + 0.0505 + 1.96 × sqrt(0.632 × 0.368 / 38 + 0.000665))
        // / 1.101 = 0.766 < 0.8: not met, so KPI-1 contradicts st-b.
        AnalysisResult r = run("""
                finding_id,node,direction,method,period
                F3,st-b,supports,interviews,phase-2
                """, "kpi,period,numerator,denominator\nKPI-1,2024-25 Q1,5,19\nKPI-1,2024-25 Q2,19,19\n", "");
        Assessment b = at(r, "st-b", "phase-2");
        EvidenceItem kpi = b.items().stream().filter(i -> i.id().equals("kpi-b")).findFirst().orElseThrow();
        assertEquals("contradicts", kpi.direction().label());
        assertTrue(kpi.detail().startsWith("24 of 38"), kpi.detail());
        assertEquals(1.0, b.contradicting());
        // At phase 1 (to 31 July) only Q1 had ended: 5 of 19, not met, and no finding yet: Limited, not "not yet assessed".
        assertEquals(Optional.of(Grade.LIMITED), at(r, "st-b", "phase-1").grade());
    }

    @Test
    void aDateCollected_placesAFinding_beforeItsWriteUp() throws IOException {
        AnalysisResult r = run("""
                finding_id,node,direction,method,period,collected
                F1,st-a,supports,interviews,phase-2,2024-06-15
                F2,st-b,supports,interviews,phase-2,
                """, null, "");
        // F1 was written up in phase 2 but collected on 15 June 2024, in phase 1: it counts from phase 1.
        assertEquals(Optional.of(Grade.SOME), at(r, "st-a", "phase-1").grade());
        assertEquals("phase-1", at(r, "st-a", "phase-1").items().get(0).period());
        assertEquals(Optional.empty(), at(r, "st-b", "phase-1").grade());
    }

    @Test
    void impacts_areGradedOnTheirOwnEvidence_andCapTheirPathways() throws IOException {
        String outcomes = """
                finding_id,node,direction,method,period
                F1,st-a,supports,interviews,phase-2
                F2,st-a,supports,survey,phase-2
                F3,mt-c,supports,interviews,phase-2
                F4,mt-c,supports,survey,phase-2
                """;
        // No evidence about the impact: its pathway is not graded, whatever the outcomes before it (Strongest) show.
        AnalysisResult none = run(outcomes, null, "");
        PathwayRow im = none.pathways().stream().filter(p -> p.pathway().node().equals("im")).findFirst().orElseThrow();
        assertEquals(Optional.empty(), im.pathway().strongestPath());
        assertTrue(im.summary().startsWith("no evidence yet about the impact itself"), im.summary());
        // One item against the impact: Limited, and every path to it is capped at Limited.
        AnalysisResult against = run(outcomes + "F5,im,contradicts,interviews,phase-2\n", null, "");
        assertEquals(Optional.of(Grade.LIMITED), at(against, "im", "phase-2").grade());
        assertEquals(Optional.of(Grade.LIMITED), against.pathways().stream().filter(p -> p.pathway().node().equals("im"))
                .findFirst().orElseThrow().pathway().strongestPath());
        assertTrue(PublishedTable.named(against.publishedTables(), "evidence").orElseThrow().rows().stream()
                .anyMatch(x -> x.get(0).csv().equals("im") && x.get(2).csv().equals("impact")
                        && x.get(5).csv().equals("Limited or no evidence")));
    }

    @Test
    void assumptions_holdAreChallengedOrUntested_perPeriod() throws IOException {
        AnalysisResult r = run("""
                finding_id,node,direction,method,period,assumption,cases
                A1,,contradicts,interviews,phase-1,A,
                A2,,supports,interviews,phase-2,A,12
                B1,,contradicts,interviews,phase-2,B,
                B2,,mixed,survey,phase-2,B,
                """, null, "");
        // A at phase 1: A1 against only: challenged. At phase 2: A2 (12 cases, ×2) for, A1 against: 2 > 1: holds.
        // B at phase 2: B1 against (1) and B2 mixed (half each way): 0.5 for, 1.5 against: challenged. C: untested.
        // Rows: key by key, period by period; columns key, period, status, supporting, contradicting, items, links, ...
        assertEquals(List.of("A", "phase-1", "challenged", "0", "1"), row(r, "assumptions", 0).subList(0, 5));
        assertEquals(List.of("A", "phase-2", "holds", "2", "1"), row(r, "assumptions", 1).subList(0, 5));
        assertEquals(List.of("B", "phase-2", "challenged", "0.5", "1.5"), row(r, "assumptions", 4).subList(0, 5));
        assertEquals(List.of("C", "phase-2", "untested", "0", "0"), row(r, "assumptions", 7).subList(0, 5));
        // Links carrying the key: A on in->out and out->st-a; B on out->st-a and mt-c->im.
        assertEquals("2", row(r, "assumptions", 0).get(6));
        assertEquals("Systems are willing and have capacity to engage", row(r, "assumptions", 0).get(7));
        // A finding about an assumption only is no evidence about any node.
        assertTrue(r.evidence().stream().allMatch(a -> a.items().isEmpty()));
    }
}
