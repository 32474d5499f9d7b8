package org.evident.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.evident.toc.AssumptionKey;
import org.evident.toc.CausalPath;
import org.evident.toc.Grade;
import org.evident.toc.Link;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/**
 * Contribution analysis along the theory of change: for each outcome and impact, the causal
 * chain from the inputs that the evidence supports best, read the way Mayne reads a chain:
 * confidence in it is no higher than its weakest link.
 *
 * <p>A path's strength is the weakest grade among the graded nodes on it. Only nodes in the
 * grade map count: the rubric grades outcomes and impacts, so inputs, activities and outputs (and
 * anything not yet assessed) are skipped rather than treated as weak or strong. A path that passes
 * through no graded node has no strength and is never the best path, because there is no
 * evidence on it to weigh.
 */
public final class Pathways {
    private Pathways() {
    }

    /**
     * One pathway for each short-term outcome, medium-term outcome and impact, in the theory of
     * change's node order.
     *
     * <p>The paths are listed with {@link TheoryOfChange#causalPaths}. When a node has more paths
     * than that will list, the best path is found by dynamic programming over the graph instead
     * (see {@link #bestByDynamicProgramming}), which gives the same path without listing the rest.
     *
     * @param grades the evidence grade of each graded node, in one period
     * @throws IllegalArgumentException if {@code grades} names a node the theory of change lacks
     */
    public static List<Pathway> of(TheoryOfChange toc, Map<String, Grade> grades) {
        Objects.requireNonNull(toc, "toc");
        Objects.requireNonNull(grades, "grades");
        // A misspelt id would otherwise silently leave its outcome ungraded.
        grades.keySet().forEach(toc::requireNode);
        return toc.nodes().stream()
                .filter(n -> n.stage().isOutcome() || n.stage() == Stage.IMPACT)
                .map(n -> pathway(toc, grades, n.id()))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * One sentence for a reader, e.g. "889 paths; the best is Some evidence, via st-understanding →
     * mt-bcf-knowledge; its weakest link is st-understanding (Some evidence)". The "via" part names
     * the outcomes on the best path before the node itself, the steps the evidence speaks to; the
     * toc tells which nodes those are.
     */
    public static String describe(Pathway p, TheoryOfChange toc) {
        return describe(p, toc, id -> id);
    }

    /**
     * The same sentence with each node named by {@code name} (a report names them by their labels,
     * the CSV and {@code explain} by their ids).
     */
    public static String describe(Pathway p, TheoryOfChange toc, java.util.function.UnaryOperator<String> name) {
        String count = p.paths() == 1 ? "1 path" : p.paths() + " paths";
        if (p.paths() == 0) {
            return "0 paths: no chain of causal links leads from an input to " + name.apply(p.node());
        }
        if (p.strongestPath().isEmpty() || p.bestPath().isEmpty()) {
            return count + "; none passes through a graded outcome, so there is no evidence to weigh";
        }
        Grade best = p.strongestPath().get();
        List<String> via = p.bestPath().get().stream()
                .filter(id -> !id.equals(p.node()))
                .filter(id -> toc.node(id).map(n -> n.stage().isOutcome()).orElse(false))
                .map(name)
                .collect(Collectors.toList());
        StringBuilder s = new StringBuilder(count).append("; the best is ").append(best.label());
        if (!via.isEmpty()) {
            s.append(", via ").append(String.join(" → ", via));
        }
        if (p.missingMiddle().isPresent()) {
            s.append("; it breaks at ").append(name.apply(p.missingMiddle().get())).append(" (").append(Grade.LIMITED.label()).append(')');
        } else {
            // The weakest link's grade is the path's strength, by definition of strength.
            p.weakestLink().ifPresent(w -> s.append("; its weakest link is ").append(name.apply(w))
                    .append(" (").append(best.label()).append(')'));
        }
        return s.toString();
    }

    private static Pathway pathway(TheoryOfChange toc, Map<String, Grade> grades, String id) {
        List<CausalPath> paths;
        try {
            paths = toc.causalPaths(id);
        } catch (IllegalArgumentException tooMany) {
            // The node exists (it came from toc.nodes()), so this is the 100,000-path guard.
            return pathway(toc, grades, id, countPaths(toc, id), bestByDynamicProgramming(toc, grades, id));
        }
        CausalPath best = null;
        Grade bestStrength = null;
        for (CausalPath path : paths) {
            Optional<Grade> s = strength(path, grades);
            // Strictly greater, so that the first of equally strong paths is kept.
            if (s.isPresent() && (bestStrength == null || s.get().compareTo(bestStrength) > 0)) {
                best = path;
                bestStrength = s.get();
            }
        }
        return pathway(toc, grades, id, paths.size(), Optional.ofNullable(best));
    }

    private static Pathway pathway(TheoryOfChange toc, Map<String, Grade> grades, String id, int count,
                                   Optional<CausalPath> best) {
        if (best.isEmpty()) {
            return new Pathway(id, count, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of());
        }
        CausalPath path = best.get();
        Optional<Grade> strength = strength(path, grades);
        List<String> graded = path.nodes().stream().filter(grades::containsKey).collect(Collectors.toList());
        Optional<String> missingMiddle = graded.stream().filter(n -> grades.get(n) == Grade.LIMITED).findFirst();
        Optional<String> weakest = graded.stream().filter(n -> grades.get(n) == strength.orElseThrow()).findFirst();
        return new Pathway(id, count, strength, Optional.of(path.nodes()), missingMiddle, weakest,
                assumptions(toc, path));
    }

    /** The weakest grade on the path; empty when no node on it is graded. */
    static Optional<Grade> strength(CausalPath path, Map<String, Grade> grades) {
        return path.nodes().stream().map(grades::get).filter(Objects::nonNull).min(Grade::compareTo);
    }

    private static List<String> assumptions(TheoryOfChange toc, CausalPath path) {
        List<String> out = new ArrayList<>();
        for (AssumptionKey key : toc.assumptionsOn(path)) {
            key.assumptions().forEach(text -> out.add(key.key() + ": " + text));
            key.risks().forEach(text -> out.add(key.key() + ": " + text));
        }
        return out.stream().distinct().collect(Collectors.toList());
    }

    /**
     * The path {@link TheoryOfChange#causalPaths} would list first among the strongest, found
     * without listing any path: used when there are too many paths to list.
     *
     * <p>For each floor, strongest first, {@link Reach} asks whether some path keeps every graded
     * node at or above the floor and passes through at least one graded node; the first floor
     * that succeeds is the best strength (the max over paths of the min grade). The path is then
     * walked back from the node, at each step taking the first incoming link (in file order)
     * whose source can still complete such a path, and stopping at an input when nothing more is
     * needed. That is the order in which {@code causalPaths} lists paths, so ties resolve the same
     * way. Each floor costs one pass over the links.
     */
    static Optional<CausalPath> bestByDynamicProgramming(TheoryOfChange toc, Map<String, Grade> grades, String id) {
        toc.requireNode(id);
        Map<String, List<Link>> into = into(toc);
        for (int g = Grade.values().length - 1; g >= 0; g--) {
            Reach reach = new Reach(toc, grades, into, Grade.values()[g]);
            if (!reach.reaches(id, true)) {
                continue;
            }
            List<String> nodes = new ArrayList<>();
            List<Link> links = new ArrayList<>();
            String at = id;
            boolean needGraded = true;
            while (true) {
                nodes.add(at);
                needGraded = needGraded && !grades.containsKey(at);
                if (reach.isInput(at) && !needGraded) {
                    break;
                }
                boolean need = needGraded;
                Link next = into.getOrDefault(at, List.of()).stream()
                        .filter(l -> reach.reaches(l.from(), need)).findFirst().orElseThrow();
                links.add(next);
                at = next.from();
            }
            Collections.reverse(nodes);
            Collections.reverse(links);
            return Optional.of(new CausalPath(nodes, links));
        }
        return Optional.empty();
    }

    /** Whether a path from an input can reach a node with every graded node at or above a floor. */
    private static final class Reach {
        private final TheoryOfChange toc;
        private final Map<String, Grade> grades;
        private final Map<String, List<Link>> into;
        private final Grade floor;
        private final Map<String, Boolean> memo = new HashMap<>();

        Reach(TheoryOfChange toc, Map<String, Grade> grades, Map<String, List<Link>> into, Grade floor) {
            this.toc = toc;
            this.grades = grades;
            this.into = into;
            this.floor = floor;
        }

        boolean isInput(String id) {
            return toc.requireNode(id).stage() == Stage.INPUT;
        }

        /** @param needGraded whether the path must still pass through a graded node */
        boolean reaches(String id, boolean needGraded) {
            String key = id + (needGraded ? "\u0000graded" : "\u0000any");
            Boolean known = memo.get(key);
            if (known != null) {
                return known;
            }
            Grade g = grades.get(id);
            boolean result;
            if (g != null && g.compareTo(floor) < 0) {
                result = false;
            } else {
                boolean need = needGraded && g == null;
                result = (isInput(id) && !need)
                        || into.getOrDefault(id, List.of()).stream().anyMatch(l -> reaches(l.from(), need));
            }
            memo.put(key, result);
            return result;
        }
    }

    /** The number of causal paths to {@code id}, saturating rather than overflowing. */
    private static int countPaths(TheoryOfChange toc, String id) {
        return (int) Math.min(Integer.MAX_VALUE, count(id, toc, into(toc), new HashMap<>()));
    }

    private static long count(String id, TheoryOfChange toc, Map<String, List<Link>> into, Map<String, Long> memo) {
        Long known = memo.get(id);
        if (known != null) {
            return known;
        }
        long n = toc.requireNode(id).stage() == Stage.INPUT ? 1 : 0;
        for (Link link : into.getOrDefault(id, List.of())) {
            n = Math.min(Long.MAX_VALUE / 2, n + count(link.from(), toc, into, memo));
        }
        memo.put(id, n);
        return n;
    }

    /** Causal links by their target, in file order; feedback links close loops and are not followed. */
    private static Map<String, List<Link>> into(TheoryOfChange toc) {
        Map<String, List<Link>> into = new HashMap<>();
        for (Link link : toc.links()) {
            if (!link.feedback()) {
                into.computeIfAbsent(link.to(), k -> new ArrayList<>()).add(link);
            }
        }
        return into;
    }
}
