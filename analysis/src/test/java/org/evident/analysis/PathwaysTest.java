package org.evident.analysis;

import static org.evident.toc.Grade.LIMITED;
import static org.evident.toc.Grade.SOME;
import static org.evident.toc.Grade.STRONGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.evident.toc.CausalPath;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.evident.toc.Node;
import org.evident.toc.TheoryOfChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pathways on small hand-built theories of change, read from real files, and on the worked
 * example. Every expected value is worked out by hand in the comments.
 */
class PathwaysTest {
    private static final String EVALUATION = """
            programme: Test programme
            reporting_date: 2025-01-13
            periods:
              phases:
                - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
            sources:
              - { id: tracker, type: tracker, file: data/tracker.csv }
            """;

    @TempDir
    Path dir;

    private TheoryOfChange toc(String yaml) throws IOException {
        Files.writeString(dir.resolve("evaluation.yaml"), EVALUATION);
        Files.writeString(dir.resolve("toc.yaml"), yaml);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/tracker.csv"), "id\n");
        return EvaluationProject.open(dir).theoryOfChange();
    }

    private static Map<String, Pathway> byNode(List<Pathway> pathways) {
        return pathways.stream().collect(Collectors.toMap(Pathway::node, Function.identity()));
    }

    @Test
    void singleChain_itsWeakestGradeDecides() throws IOException {
        TheoryOfChange toc = toc("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: act, label: Deliver, stage: activity }
                  - { id: out, label: Support delivered, stage: output }
                  - { id: st-a, label: Satisfaction, stage: short_term_outcome }
                  - { id: st-b, label: Action taken, stage: short_term_outcome }
                  - { id: mt-c, label: Better plans, stage: medium_term_outcome }
                  - { id: im-d, label: Better care, stage: impact }
                links:
                  - { from: in, to: act }
                  - { from: act, to: out }
                  - { from: out, to: st-a }
                  - { from: st-a, to: st-b }
                  - { from: st-b, to: mt-c }
                  - { from: mt-c, to: im-d }
                """);
        // st-a Strongest, st-b Some, mt-c Strongest: the chain is Some, held down by st-b.
        List<Pathway> pathways = Pathways.of(toc, Map.of("st-a", STRONGEST, "st-b", SOME, "mt-c", STRONGEST));

        // Outcomes and impacts only, in file order.
        assertEquals(List.of("st-a", "st-b", "mt-c", "im-d"), pathways.stream().map(Pathway::node).toList());
        List<String> chain = List.of("in", "act", "out", "st-a", "st-b", "mt-c", "im-d");
        assertEquals(new Pathway("im-d", 1, Optional.of(SOME), Optional.of(chain), Optional.empty(),
                Optional.of("st-b"), List.of()), pathways.get(3));
        // Up to st-a only st-a is graded: Strongest, and st-a is its own weakest link.
        assertEquals(new Pathway("st-a", 1, Optional.of(STRONGEST), Optional.of(chain.subList(0, 4)),
                Optional.empty(), Optional.of("st-a"), List.of()), pathways.get(0));
        // mt-c: min(Strongest, Some, Strongest) = Some, as for the impact beyond it.
        assertEquals(Optional.of(SOME), pathways.get(2).strongestPath());

        assertEquals("1 path; the best is Some evidence, via st-a → st-b → mt-c; its weakest link is st-b (Some evidence)",
                Pathways.describe(pathways.get(3), toc));
        assertEquals("1 path; the best is Strongest evidence; its weakest link is st-a (Strongest evidence)",
                Pathways.describe(pathways.get(0), toc));
    }

    @Test
    void parallelPaths_theBetterIsChosen_andTiesGoToTheFirstListed() throws IOException {
        TheoryOfChange toc = toc("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: out, label: Support delivered, stage: output }
                  - { id: st-weak, label: Confidence, stage: short_term_outcome }
                  - { id: st-strong, label: Buy-in, stage: short_term_outcome }
                  - { id: st-s1, label: Understanding, stage: short_term_outcome }
                  - { id: st-s2, label: Presence, stage: short_term_outcome }
                  - { id: mt, label: Aligned plans, stage: medium_term_outcome }
                  - { id: mt-tie, label: Knowledge, stage: medium_term_outcome }
                links:
                  - { from: in, to: out }
                  - { from: out, to: st-weak }
                  - { from: out, to: st-strong }
                  - { from: out, to: st-s1 }
                  - { from: out, to: st-s2 }
                  - { from: st-weak, to: mt }
                  - { from: st-strong, to: mt }
                  - { from: st-s1, to: mt-tie }
                  - { from: st-s2, to: mt-tie }
                """);
        Map<String, Grade> grades = Map.of("st-weak", LIMITED, "st-strong", STRONGEST, "st-s1", SOME, "st-s2", SOME,
                "mt", SOME, "mt-tie", STRONGEST);
        Map<String, Pathway> p = byNode(Pathways.of(toc, grades));

        // Paths to mt, in the order causalPaths lists them (links into mt in file order):
        //   in, out, st-weak, mt   -> min(Limited, Some)    = Limited
        //   in, out, st-strong, mt -> min(Strongest, Some)  = Some   <- best, although listed second
        Pathway mt = p.get("mt");
        assertEquals(2, mt.paths());
        assertEquals(Optional.of(SOME), mt.strongestPath());
        assertEquals(Optional.of(List.of("in", "out", "st-strong", "mt")), mt.bestPath());
        // The Limited st-weak is on the other path, so the best one does not break.
        assertEquals(Optional.empty(), mt.missingMiddle());
        assertEquals(Optional.of("mt"), mt.weakestLink());

        // Paths to mt-tie: via st-s1 min(Some, Strongest) = Some; via st-s2 also Some. Tie: st-s1, listed first.
        Pathway tie = p.get("mt-tie");
        assertEquals(Optional.of(SOME), tie.strongestPath());
        assertEquals(Optional.of(List.of("in", "out", "st-s1", "mt-tie")), tie.bestPath());
        assertEquals(Optional.of("st-s1"), tie.weakestLink());
        assertEquals("2 paths; the best is Some evidence, via st-strong; its weakest link is mt (Some evidence)",
                Pathways.describe(mt, toc));
    }

    @Test
    void missingMiddle_isTheFirstLimitedNodeOnTheBestPath() throws IOException {
        TheoryOfChange toc = toc("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: out, label: Support delivered, stage: output }
                  - { id: st-a, label: Buy-in, stage: short_term_outcome }
                  - { id: st-c, label: Confidence, stage: short_term_outcome }
                  - { id: mt-b, label: Better plans, stage: medium_term_outcome }
                  - { id: mt-d, label: Prevention, stage: medium_term_outcome }
                  - { id: im, label: Joint planning, stage: impact }
                  - { id: im-2, label: Less long-term care, stage: impact }
                links:
                  - { from: in, to: out }
                  - { from: out, to: st-a }
                  - { from: out, to: st-c }
                  - { from: st-a, to: mt-b }
                  - { from: st-c, to: mt-d }
                  - { from: mt-b, to: im }
                  - { from: mt-d, to: im }
                  - { from: mt-d, to: im-2 }
                """);
        Map<String, Pathway> p = byNode(Pathways.of(toc,
                Map.of("st-a", STRONGEST, "st-c", LIMITED, "mt-b", LIMITED, "mt-d", LIMITED)));

        // im: via st-a, mt-b -> min(Strongest, Limited) = Limited; via st-c, mt-d -> Limited. Both break;
        // the tie goes to the first listed (mt-b's link into im comes first), which breaks at mt-b.
        Pathway im = p.get("im");
        assertEquals(2, im.paths());
        assertEquals(Optional.of(LIMITED), im.strongestPath());
        assertEquals(Optional.of(List.of("in", "out", "st-a", "mt-b", "im")), im.bestPath());
        assertEquals(Optional.of("mt-b"), im.missingMiddle());
        assertEquals(Optional.of("mt-b"), im.weakestLink());

        // im-2: one path, st-c and mt-d both Limited; walking from the input, st-c breaks first.
        Pathway im2 = p.get("im-2");
        assertEquals(Optional.of("st-c"), im2.missingMiddle());
        assertEquals(Optional.of("st-c"), im2.weakestLink());
        assertEquals("1 path; the best is Limited or no evidence, via st-c → mt-d; it breaks at st-c (Limited or no evidence)",
                Pathways.describe(im2, toc));
    }

    @Test
    void nodeWithNoGradedNodeUpstream_hasPathsButNoStrength() throws IOException {
        TheoryOfChange toc = toc("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: out, label: Support delivered, stage: output }
                  - { id: st-x, label: Not graded this period, stage: short_term_outcome }
                  - { id: im, label: Better care, stage: impact }
                  - { id: st-orphan, label: Nothing leads here, stage: short_term_outcome }
                links:
                  - { from: in, to: out }
                  - { from: out, to: st-x }
                  - { from: st-x, to: im }
                """);
        // No grades at all: in, out, st-x, im has no graded node, so no strength and no best path.
        Map<String, Pathway> p = byNode(Pathways.of(toc, Map.of()));
        assertEquals(new Pathway("im", 1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of()), p.get("im"));
        assertEquals("1 path; none passes through a graded outcome, so there is no evidence to weigh",
                Pathways.describe(p.get("im"), toc));
        // st-orphan: no input reaches it, so no path at all.
        assertEquals(0, p.get("st-orphan").paths());
        assertEquals(Optional.empty(), p.get("st-orphan").strongestPath());
        assertEquals("0 paths: no chain of causal links leads from an input to st-orphan",
                Pathways.describe(p.get("st-orphan"), toc));

        // A grade for a node the theory of change lacks is a typo, not a silent no-op.
        assertThrows(IllegalArgumentException.class, () -> Pathways.of(toc, Map.of("st-y", SOME)));
    }

    @Test
    void assumptions_areListedFromTheBestPathsLinkKeys_inPathOrder() throws IOException {
        TheoryOfChange toc = toc("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: act, label: Deliver, stage: activity }
                  - { id: out, label: Support delivered, stage: output }
                  - { id: st-weak, label: Confidence, stage: short_term_outcome }
                  - { id: st, label: Buy-in, stage: short_term_outcome }
                  - { id: mt, label: Better plans, stage: medium_term_outcome }
                links:
                  - { from: in, to: act, keys: [A] }
                  - { from: act, to: out, keys: [B] }
                  - { from: out, to: st-weak, keys: [D] }
                  - { from: out, to: st, keys: [A, C] }
                  - { from: st-weak, to: mt }
                  - { from: st, to: mt, keys: [B] }
                assumptions:
                  A:
                    - Partners brief clearly
                    - Systems know what they need
                  C:
                    - Systems have capacity to engage
                  D:
                    - Never on the best path
                risks:
                  A:
                    - Priorities spread too thinly
                  B:
                    - Dependence on external support
                """);
        Pathway mt = byNode(Pathways.of(toc, Map.of("st-weak", LIMITED, "st", SOME, "mt", SOME))).get("mt");
        // Best path: in -A-> act -B-> out -A,C-> st -B-> mt (Some; the st-weak path is Limited).
        // Keys in path order, each once: A, B, C (D is on the other path). Per key its assumptions,
        // then its risks; B has a risk only.
        assertEquals(Optional.of(List.of("in", "act", "out", "st", "mt")), mt.bestPath());
        assertEquals(List.of(
                "A: Partners brief clearly",
                "A: Systems know what they need",
                "A: Priorities spread too thinly",
                "B: Dependence on external support",
                "C: Systems have capacity to engage"), mt.assumptions());
    }

    /** A ladder of diamonds in the short-term stage: 2 routes through each, so 2^rungs paths. */
    private static String ladder(int rungs) {
        StringBuilder nodes = new StringBuilder("""
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: out, label: Support delivered, stage: output }
                """);
        StringBuilder links = new StringBuilder("""
                links:
                  - { from: in, to: out }
                  - { from: out, to: s0 }
                """);
        for (int i = 0; i <= rungs; i++) {
            nodes.append("  - { id: s").append(i).append(", label: Step ").append(i).append(", stage: short_term_outcome }\n");
            if (i < rungs) {
                for (String side : List.of("t", "u")) {
                    nodes.append("  - { id: ").append(side).append(i).append(", label: Side ").append(side).append(i)
                            .append(", stage: short_term_outcome }\n");
                    links.append("  - { from: s").append(i).append(", to: ").append(side).append(i).append(" }\n");
                    links.append("  - { from: ").append(side).append(i).append(", to: s").append(i + 1).append(" }\n");
                }
            }
        }
        nodes.append("  - { id: im, label: Better care, stage: impact }\n");
        links.append("  - { from: s").append(rungs).append(", to: im }\n");
        return nodes.append(links).toString();
    }

    /** t-sides Some, u-sides Strongest, except u3 Limited; the s steps are not graded. */
    private static Map<String, Grade> ladderGrades(int rungs) {
        Map<String, Grade> grades = new HashMap<>();
        for (int i = 0; i < rungs; i++) {
            grades.put("t" + i, SOME);
            grades.put("u" + i, i == 3 ? LIMITED : STRONGEST);
        }
        return grades;
    }

    @Test
    void tooManyPathsToList_bestPathFoundByDynamicProgramming() throws IOException {
        int rungs = 17;
        TheoryOfChange toc = toc(ladder(rungs));
        assertThrows(IllegalArgumentException.class, () -> toc.causalPaths("im"), "2^17 = 131,072 paths pass the guard");

        Pathway im = byNode(Pathways.of(toc, ladderGrades(rungs))).get("im");
        // 2 choices at each of 17 rungs: 131,072 paths.
        assertEquals(131_072, im.paths());
        // Rung 3 offers only t3 (Some) or u3 (Limited), so no path beats Some; every path avoiding u3
        // is Some. causalPaths would list first the path taking the first link into each step, t.
        assertEquals(Optional.of(SOME), im.strongestPath());
        List<String> expected = new ArrayList<>(List.of("in", "out"));
        for (int i = 0; i < rungs; i++) {
            expected.add("s" + i);
            expected.add("t" + i);
        }
        expected.add("s" + rungs);
        expected.add("im");
        assertEquals(Optional.of(expected), im.bestPath());
        assertEquals(Optional.empty(), im.missingMiddle());
        assertEquals(Optional.of("t0"), im.weakestLink());
    }

    @Test
    void dynamicProgramming_picksTheSamePathAsListing_onALadderSmallEnoughToList() throws IOException {
        int rungs = 10;
        TheoryOfChange toc = toc(ladder(rungs));
        Map<String, Grade> grades = ladderGrades(rungs);
        // With t5 Limited too: rung 3 must take t3 (Some, u3 Limited) and rung 5 must take u5
        // (Strongest, t5 Limited) to stay at Some. Every other rung is a tie at Some or better, which
        // goes to t, listed first. Best: t everywhere except u5.
        grades.put("t5", LIMITED);
        for (Node node : toc.nodes()) {
            assertSameBest(toc, grades, node.id());
        }
        Optional<CausalPath> best = Pathways.bestByDynamicProgramming(toc, grades, "im");
        assertTrue(best.orElseThrow().nodes().contains("u5"), best::toString);
        assertTrue(best.orElseThrow().nodes().containsAll(List.of("t3", "t4", "t6")), best::toString);
    }

    private static void assertSameBest(TheoryOfChange toc, Map<String, Grade> grades, String id) {
        Optional<CausalPath> listed = Optional.empty();
        Optional<Grade> listedStrength = Optional.empty();
        for (CausalPath path : toc.causalPaths(id)) {
            Optional<Grade> s = Pathways.strength(path, grades);
            if (s.isPresent() && (listedStrength.isEmpty() || s.get().compareTo(listedStrength.get()) > 0)) {
                listed = Optional.of(path);
                listedStrength = s;
            }
        }
        assertEquals(listed, Pathways.bestByDynamicProgramming(toc, grades, id), id);
    }

    /** Tables 6 and 7 of the evaluation (seed 001, "Outcomes"), row by row. */
    private static final Map<String, Grade> TABLES_6_AND_7 = Map.ofEntries(
            Map.entry("st-satisfaction", SOME),
            Map.entry("st-confidence", LIMITED),
            Map.entry("st-buy-in", STRONGEST),
            Map.entry("st-understanding", SOME),
            Map.entry("st-taken-action", SOME),
            Map.entry("st-monitor-progress", SOME),
            Map.entry("st-presence", SOME),
            Map.entry("st-universal-learning", SOME),
            Map.entry("mt-bcf-plans", LIMITED),
            Map.entry("mt-aligned-plans", LIMITED),
            Map.entry("mt-bcf-knowledge", SOME),
            Map.entry("mt-capacity-demand", SOME),
            Map.entry("mt-discharge", SOME),
            Map.entry("mt-prevention", LIMITED),
            Map.entry("mt-sharing", LIMITED),
            Map.entry("mt-follow-up", SOME));

    @Test
    void workedExample_tablesSixAndSeven() {
        TheoryOfChange toc = EvaluationProject.open(Path.of("..", "fixtures", "bcf-support-programme")).theoryOfChange();
        long start = System.nanoTime();
        List<Pathway> pathways = Pathways.of(toc, TABLES_6_AND_7);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "took " + millis + " ms");
        Map<String, Pathway> p = byNode(pathways);

        // 8 short-term + 8 medium-term outcomes + 11 impacts, every one reached from the inputs and
        // listed under the guard (a count at the guard would mean the fallback ran).
        assertEquals(27, pathways.size());
        assertTrue(pathways.stream().allMatch(w -> w.paths() > 0 && w.paths() <= 100_000), pathways::toString);
        // Every outcome is graded, and every impact has an outcome upstream: all have a strength.
        assertTrue(pathways.stream().allMatch(w -> w.strongestPath().isPresent()));

        // im-less-long-term-care has one link in, from mt-prevention (Limited): every path breaks.
        // The first listed path reaches st-taken-action by its first link in, from out-locally-owned,
        // so it passes no graded node before st-taken-action (Some), and breaks at mt-prevention.
        Pathway lessCare = p.get("im-less-long-term-care");
        assertEquals(Optional.of(LIMITED), lessCare.strongestPath());
        assertEquals(Optional.of("mt-prevention"), lessCare.missingMiddle());
        // Counts that follow from single links: im-less-long-term-care <- mt-prevention <- st-taken-action
        // only, so all three have the same paths; im-at-home <- mt-discharge and mt-prevention, each
        // fed only by st-taken-action, so twice that; im-learning-at-scale <- mt-sharing directly and
        // through im-evidence (itself fed only by mt-sharing), so twice mt-sharing's.
        int takenAction = p.get("st-taken-action").paths();
        assertEquals(takenAction, p.get("mt-prevention").paths());
        assertEquals(takenAction, lessCare.paths());
        assertEquals(2 * takenAction, p.get("im-at-home").paths());
        assertEquals(p.get("mt-sharing").paths(), p.get("im-evidence").paths());
        assertEquals(2 * p.get("mt-sharing").paths(), p.get("im-learning-at-scale").paths());
        assertEquals(takenAction + " paths; the best is Limited or no evidence, via st-taken-action → mt-prevention;"
                + " it breaks at mt-prevention (Limited or no evidence)", Pathways.describe(lessCare, toc));
        // im-evidence is fed only by mt-sharing (Limited), whose graded feeders are st-buy-in
        // (Strongest) and st-universal-learning (Some): whichever path is best, it breaks at mt-sharing.
        // im-learning-at-scale is fed by mt-sharing and im-evidence, so it too.
        for (String id : List.of("im-evidence", "im-learning-at-scale")) {
            assertEquals(Optional.of(LIMITED), p.get(id).strongestPath(), id);
            assertEquals(Optional.of("mt-sharing"), p.get(id).missingMiddle(), id);
            assertEquals(Optional.of("mt-sharing"), p.get(id).weakestLink(), id);
        }
        // im-joint-planning: from mt-bcf-plans (Limited), mt-aligned-plans (Limited) and
        // mt-capacity-demand (Some). The best chain is Some, through mt-capacity-demand.
        Pathway jointPlanning = p.get("im-joint-planning");
        assertEquals(Optional.of(SOME), jointPlanning.strongestPath());
        assertTrue(jointPlanning.bestPath().orElseThrow().contains("mt-capacity-demand"));
        assertEquals(Optional.empty(), jointPlanning.missingMiddle());
        // im-at-home: mt-discharge (Some) beats mt-prevention (Limited).
        assertEquals(Optional.of(SOME), p.get("im-at-home").strongestPath());
        assertTrue(p.get("im-at-home").bestPath().orElseThrow().contains("mt-discharge"));
        // st-buy-in is the only Strongest outcome and nothing graded lies before it.
        assertEquals(Optional.of(STRONGEST), p.get("st-buy-in").strongestPath());
        assertEquals(Optional.of("st-buy-in"), p.get("st-buy-in").weakestLink());
        // No chain to an impact is Strongest: each passes a Some or Limited medium-term outcome.
        assertTrue(pathways.stream().filter(w -> w.node().startsWith("im-"))
                .allMatch(w -> w.strongestPath().orElseThrow() != STRONGEST));
        // Assumptions: mt-sharing -> im-evidence carries F; F is on the best path, rendered as in Table 9.
        assertTrue(p.get("im-evidence").assumptions()
                .contains("F: Local systems are willing and have capacity to share good practice"));

        // The fallback agrees with listing on every node of the worked example.
        for (Node node : toc.nodes()) {
            assertSameBest(toc, TABLES_6_AND_7, node.id());
        }
    }
}
