package org.evident.toc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated theory of change: nodes in stages, causal links with their assumption and risk
 * keys, indicators, evaluation questions, methods and views. Immutable; every query returns
 * results in the order the file declares them.
 */
public final class TheoryOfChange {
    /** Guard against asking for every path in a dense graph, which grows exponentially. */
    static final long MAX_PATHS = 100_000;

    private final Map<String, Node> nodes;
    private final List<Link> links;
    private final Map<String, AssumptionKey> keys;
    private final List<Indicator> indicators;
    private final List<Method> methods;
    private final List<EvaluationQuestion> questions;
    private final Map<String, View> views;
    private final List<Problem> warnings;

    TheoryOfChange(Collection<Node> nodes, List<Link> links, Collection<AssumptionKey> keys,
                   List<Indicator> indicators, List<Method> methods, List<EvaluationQuestion> questions,
                   Collection<View> views, List<Problem> warnings) {
        this.nodes = indexed(nodes, Node::id);
        this.links = List.copyOf(links);
        this.keys = indexed(keys, AssumptionKey::key);
        this.indicators = List.copyOf(indicators);
        this.methods = List.copyOf(methods);
        this.questions = List.copyOf(questions);
        this.views = indexed(views, View::id);
        this.warnings = List.copyOf(warnings);
    }

    private static <T> Map<String, T> indexed(Collection<T> values, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(id.apply(v), v));
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Reads and validates a {@code toc.yaml}.
     *
     * @throws InvalidProjectException with every error (and warning) found, if there is an error
     */
    public static TheoryOfChange read(Path file) {
        return parse(file.toString(), readText(file));
    }

    /** Parses and validates YAML text; {@code fileName} is used in problem locations. */
    public static TheoryOfChange parse(String fileName, String yaml) {
        List<Problem> problems = new ArrayList<>();
        Optional<TheoryOfChange> toc = TocReader.read(YamlFile.parse(fileName, yaml, problems));
        if (toc.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidProjectException(sorted(problems));
        }
        return toc.get().withWarnings(sorted(problems));
    }

    static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return copy;
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private TheoryOfChange withWarnings(List<Problem> found) {
        return new TheoryOfChange(nodes.values(), links, keys.values(), indicators, methods, questions,
                views.values(), found);
    }

    /** Warnings found when the file was read: orphan nodes, outcomes without indicators. */
    public List<Problem> warnings() {
        return warnings;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The node with this id; for ids the caller knows exist. */
    public Node requireNode(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node '" + id + "' in the theory of change");
        }
        return node;
    }

    public List<Node> nodes(Stage stage) {
        return nodes.values().stream().filter(n -> n.stage() == stage).collect(Collectors.toList());
    }

    public List<Link> links() {
        return links;
    }

    public List<AssumptionKey> assumptionKeys() {
        return List.copyOf(keys.values());
    }

    public Optional<AssumptionKey> assumptionKey(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    /** The indicators that sit on one node. */
    public List<Indicator> indicators(String nodeId) {
        return indicators.stream().filter(i -> i.node().equals(nodeId)).collect(Collectors.toList());
    }

    public List<Method> methods() {
        return methods;
    }

    public List<EvaluationQuestion> questions() {
        return questions;
    }

    public List<View> views() {
        return List.copyOf(views.values());
    }

    /** Nodes with a causal path to {@code id} (feedback links not followed), nearest first. */
    public List<Node> upstream(String id) {
        return reachable(id, false);
    }

    /** Nodes that {@code id} has a causal path to (feedback links not followed), nearest first. */
    public List<Node> downstream(String id) {
        return reachable(id, true);
    }

    private List<Node> reachable(String id, boolean forward) {
        requireNode(id);
        Map<String, List<String>> next = adjacency(forward);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            for (String n : next.getOrDefault(queue.poll(), List.of())) {
                if (!n.equals(id) && seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen.stream().map(nodes::get).collect(Collectors.toList());
    }

    private Map<String, List<String>> adjacency(boolean forward) {
        Map<String, List<String>> next = new HashMap<>();
        for (Link link : causalLinks()) {
            String a = forward ? link.from() : link.to();
            String b = forward ? link.to() : link.from();
            next.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        }
        return next;
    }

    private List<Link> causalLinks() {
        return links.stream().filter(l -> !l.feedback()).collect(Collectors.toList());
    }

    /**
     * Every causal path from an input node to {@code id}, following links forward and never a
     * feedback link. An input asked about has the one path of itself.
     *
     * @throws IllegalArgumentException if the graph holds more than 100,000 such paths
     */
    public List<CausalPath> causalPaths(String id) {
        requireNode(id);
        Map<String, List<Link>> into = new HashMap<>();
        for (Link link : causalLinks()) {
            into.computeIfAbsent(link.to(), k -> new ArrayList<>()).add(link);
        }
        long count = countPaths(id, into, new HashMap<>());
        if (count > MAX_PATHS) {
            throw new IllegalArgumentException(count + " causal paths lead to '" + id
                    + "', more than the " + MAX_PATHS + " that can be listed; ask about a view or a nearer node");
        }
        List<CausalPath> paths = new ArrayList<>();
        walkBack(id, into, new ArrayDeque<>(), new ArrayDeque<>(), paths);
        return paths;
    }

    private long countPaths(String id, Map<String, List<Link>> into, Map<String, Long> memo) {
        Long known = memo.get(id);
        if (known != null) {
            return known;
        }
        long count = nodes.get(id).stage() == Stage.INPUT ? 1 : 0;
        for (Link link : into.getOrDefault(id, List.of())) {
            count = Math.min(Long.MAX_VALUE / 2, count + countPaths(link.from(), into, memo));
        }
        memo.put(id, count);
        return count;
    }

    private void walkBack(String id, Map<String, List<Link>> into, Deque<String> pathNodes,
                          Deque<Link> pathLinks, List<CausalPath> out) {
        pathNodes.push(id);
        if (nodes.get(id).stage() == Stage.INPUT) {
            out.add(new CausalPath(new ArrayList<>(pathNodes), new ArrayList<>(pathLinks)));
        }
        for (Link link : into.getOrDefault(id, List.of())) {
            pathLinks.push(link);
            walkBack(link.from(), into, pathNodes, pathLinks, out);
            pathLinks.pop();
        }
        pathNodes.pop();
    }

    /** The assumption and risk groups that hang on a path's links, in order of first appearance. */
    public List<AssumptionKey> assumptionsOn(CausalPath path) {
        return path.keys().stream().map(keys::get).collect(Collectors.toList());
    }

    /**
     * The view as a theory of change of its own: its nodes, the links between them, their
     * indicators, and the questions narrowed to its nodes.
     *
     * @throws IllegalArgumentException if there is no such view
     */
    public TheoryOfChange view(String viewId) {
        View view = views.get(viewId);
        if (view == null) {
            throw new IllegalArgumentException("no view '" + viewId + "'; the views are "
                    + String.join(", ", views.keySet()));
        }
        Set<String> keep = view.nodes();
        List<Node> keptNodes = nodes.values().stream().filter(n -> keep.contains(n.id())).collect(Collectors.toList());
        List<Link> keptLinks = links.stream().filter(l -> keep.contains(l.from()) && keep.contains(l.to()))
                .collect(Collectors.toList());
        List<Indicator> keptIndicators = indicators.stream().filter(i -> keep.contains(i.node()))
                .collect(Collectors.toList());
        List<EvaluationQuestion> keptQuestions = questions.stream()
                .map(q -> new EvaluationQuestion(q.id(), q.kind(), q.text(),
                        q.nodes().stream().filter(keep::contains).collect(Collectors.toList()), q.methods()))
                .collect(Collectors.toList());
        return new TheoryOfChange(keptNodes, keptLinks, keys.values(), keptIndicators, methods, keptQuestions,
                List.of(view), List.of());
    }
}
