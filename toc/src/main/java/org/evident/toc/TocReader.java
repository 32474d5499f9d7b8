package org.evident.toc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.evident.toc.YamlFile.Fields;
import org.evident.toc.YamlFile.Scalar;

/**
 * Reads {@code toc.yaml} into a {@link TheoryOfChange}, recording every problem with its
 * position: first the shape of each entry, then the references between entries, then the
 * graph's own rules (stage order, cycles), then the warnings.
 */
final class TocReader {
    private static final Set<String> TOP = Set.of("nodes", "links", "assumptions", "risks", "indicators",
            "methods", "questions", "views");
    private static final Set<String> NODE = Set.of("id", "label", "stage", "group", "description");
    private static final Set<String> LINK = Set.of("from", "to", "feedback", "keys");
    private static final Set<String> INDICATOR = Set.of("id", "node", "label", "source", "measure", "target",
            "direction", "unit", "method", "basis", "cumulative", "rebase", "per", "rollup", "baseline_points", "to_date");
    private static final Set<String> METHOD = Set.of("id", "label");
    private static final Set<String> QUESTION = Set.of("id", "kind", "text", "nodes", "methods");
    private static final Set<String> VIEW = Set.of("id", "label", "include", "exclude");
    static final Set<String> UNITS = Set.of("share", "count", "days", "currency", "ratio", "score",
            Indicator.RATE);
    /** Units whose returns add up across units and periods: counts, and shares or rates of counts. */
    private static final Set<String> ADDITIVE_UNITS = Set.of("share", "count", Indicator.RATE);

    private final YamlFile yaml;
    private final Map<String, org.yaml.snakeyaml.nodes.Node> nodeAt = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<PlacedLink> links = new ArrayList<>();
    private final Map<String, List<String>> assumptions = new LinkedHashMap<>();
    private final Map<String, List<String>> risks = new LinkedHashMap<>();
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<Scalar> indicatorNodes = new ArrayList<>();
    private final List<Scalar> indicatorMethodRefs = new ArrayList<>();
    private final List<Method> methods = new ArrayList<>();
    private final List<EvaluationQuestion> questions = new ArrayList<>();
    private final List<Scalar> questionNodeRefs = new ArrayList<>();
    private final List<Scalar> questionMethodRefs = new ArrayList<>();
    private final List<View> views = new ArrayList<>();

    /** A link with the YAML nodes it came from, for positions in later checks. */
    private record PlacedLink(Link link, org.yaml.snakeyaml.nodes.Node at, Scalar from, Scalar to, List<Scalar> keys) {
    }

    private TocReader(YamlFile yaml) {
        this.yaml = yaml;
    }

    static Optional<TheoryOfChange> read(YamlFile yaml) {
        return yaml.root().flatMap(root -> new TocReader(yaml).readRoot(root));
    }

    private Optional<TheoryOfChange> readRoot(org.yaml.snakeyaml.nodes.Node root) {
        Optional<Fields> top = yaml.fields(root, "toc.yaml", TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = top.get();
        fields.required("nodes").ifPresent(this::readNodes);
        fields.get("links").ifPresent(this::readLinks);
        fields.get("assumptions").ifPresent(n -> readKeyed(n, "assumptions", assumptions));
        fields.get("risks").ifPresent(n -> readKeyed(n, "risks", risks));
        fields.get("indicators").ifPresent(this::readIndicators);
        fields.get("methods").ifPresent(this::readMethods);
        fields.get("questions").ifPresent(this::readQuestions);
        List<PlacedView> placedViews = fields.get("views").map(this::readViews).orElse(List.of());

        checkLinks();
        checkCycles();
        checkReferences(placedViews);
        warnOrphansAndUnmeasuredOutcomes();
        return Optional.of(new TheoryOfChange(nodes, links.stream().map(PlacedLink::link).toList(), keys(),
                indicators, methods, questions, views, List.of()));
    }

    private void readNodes(org.yaml.snakeyaml.nodes.Node list) {
        for (org.yaml.snakeyaml.nodes.Node item : yaml.items(list, "nodes")) {
            yaml.fields(item, "node", NODE).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                Optional<String> label = f.requiredText("label");
                Optional<Stage> stage = f.required("stage").flatMap(s -> yaml.text(s, "node stage").flatMap(name -> {
                    Optional<Stage> known = Stage.fromYaml(name);
                    if (known.isEmpty()) {
                        yaml.error(s, "node " + id.orElse("?") + ": unknown stage '" + name + "'; expected one of "
                                + Stage.yamlNames());
                    }
                    return known;
                }));
                Optional<String> group = f.optionalText("group");
                Optional<String> description = f.optionalText("description");
                if (id.isPresent() && unique(id.get(), "node", f, nodeAt) && label.isPresent() && stage.isPresent()) {
                    nodes.add(new Node(id.get(), label.get(), stage.get(), group, description));
                }
            });
        }
    }

    /** Records the id's position; reports a duplicate (with the first one's line) and says false. */
    private boolean unique(String id, String what, Fields f, Map<String, org.yaml.snakeyaml.nodes.Node> seen) {
        org.yaml.snakeyaml.nodes.Node idNode = f.get("id").orElseThrow();
        org.yaml.snakeyaml.nodes.Node first = seen.putIfAbsent(id, idNode);
        if (first != null) {
            yaml.error(idNode, "duplicate " + what + " id '" + id + "' (first defined at line "
                    + YamlFile.line(first) + ")");
            return false;
        }
        return true;
    }

    private void readLinks(org.yaml.snakeyaml.nodes.Node list) {
        for (org.yaml.snakeyaml.nodes.Node item : yaml.items(list, "links")) {
            yaml.fields(item, "link", LINK).ifPresent(f -> {
                Optional<Scalar> from = f.required("from").flatMap(n -> yaml.text(n, "link from").map(t -> new Scalar(t, n)));
                Optional<Scalar> to = f.required("to").flatMap(n -> yaml.text(n, "link to").map(t -> new Scalar(t, n)));
                boolean feedback = f.flag("feedback");
                List<Scalar> keys = f.optionalTexts("keys");
                if (from.isPresent() && to.isPresent()) {
                    Link link = new Link(from.get().value(), to.get().value(), feedback,
                            keys.stream().map(Scalar::value).distinct().toList());
                    links.add(new PlacedLink(link, item, from.get(), to.get(), keys));
                }
            });
        }
    }

    private void readKeyed(org.yaml.snakeyaml.nodes.Node map, String what, Map<String, List<String>> into) {
        yaml.fields(map, what, null).ifPresent(f -> {
            for (String key : f.keys()) {
                List<String> texts = yaml.texts(f.get(key).orElseThrow(), what + " " + key).stream()
                        .map(Scalar::value).toList();
                into.put(key, texts);
            }
        });
    }

    private List<AssumptionKey> keys() {
        Set<String> all = new TreeSet<>(assumptions.keySet());
        all.addAll(risks.keySet());
        return all.stream().map(k -> new AssumptionKey(k, assumptions.getOrDefault(k, List.of()),
                risks.getOrDefault(k, List.of()))).toList();
    }

    private void readIndicators(org.yaml.snakeyaml.nodes.Node list) {
        Map<String, org.yaml.snakeyaml.nodes.Node> seen = new HashMap<>();
        // source and measure -> the first indicator on them: a second one would count the measure twice.
        Map<String, String> measured = new HashMap<>();
        for (org.yaml.snakeyaml.nodes.Node item : yaml.items(list, "indicators")) {
            yaml.fields(item, "indicator", INDICATOR).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                String what = "indicator " + id.orElse("?");
                Optional<Scalar> node = f.required("node").flatMap(n -> yaml.text(n, what + " node").map(t -> new Scalar(t, n)));
                Optional<String> label = f.requiredText("label");
                Optional<Indicator.Source> source = f.requiredValue("source", "one of kpi | survey | tracker",
                        s -> Indicator.Source.valueOf(s.toUpperCase(Locale.ROOT)));
                Optional<String> measure = f.requiredText("measure");
                Optional<Double> target = f.optionalValue("target", "a number (shares as fractions, 0.80 for 80%)",
                        Decimal::parse);
                Optional<Indicator.Direction> direction = f.optionalValue("direction", "higher or lower",
                        s -> Indicator.Direction.valueOf(s.toUpperCase(Locale.ROOT)));
                Optional<String> unit = f.optionalValue("unit", "one of " + String.join(" | ", new TreeSet<>(UNITS)),
                        s -> {
                            if (!UNITS.contains(s)) {
                                throw new IllegalArgumentException(s);
                            }
                            return s;
                        });
                Optional<Indicator.Basis> basis = f.optionalValue("basis", "census or sample",
                        s -> Indicator.Basis.valueOf(s.toUpperCase(Locale.ROOT)));
                if (basis.filter(b -> b == Indicator.Basis.CENSUS).isPresent()
                        && source.filter(s -> s == Indicator.Source.SURVEY).isPresent()) {
                    yaml.error(f.get("basis").orElseThrow(), what + ": a survey's answers are judged as a sample (by their"
                            + " interval); where the respondents are most of a small population, declare the source's"
                            + " 'population:' instead of basis: census");
                }
                // A share's target written as a percentage without its % (80 for 0.80) would make
                // every value miss it, silently changing verdicts and grades.
                if (target.filter(t -> t < 0 || t > 1).isPresent() && unit.orElse("share").equals("share")) {
                    yaml.error(f.get("target").orElseThrow(), what + ": a share's target is a fraction between 0 and 1"
                            + " (0.80 for 80%), not " + f.get("target").flatMap(t -> yaml.text(t, what + " target")).orElse("")
                            + "; for a target that is not a share, declare its unit (count, ratio, ...)");
                }
                boolean cumulative = f.flag("cumulative");
                List<Period> rebase = new ArrayList<>();
                for (Scalar at : f.optionalTexts("rebase")) {
                    try {
                        rebase.add(Period.quarter(at.value()));
                    } catch (IllegalArgumentException e) {
                        yaml.error(at.node(), what + " rebase: " + e.getMessage());
                    }
                }
                Optional<Double> per = f.optionalValue("per", "a positive number, e.g. 1000 for a rate per 1,000", s -> {
                    double v = Double.parseDouble(s);
                    if (!(v > 0) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException(s);
                    }
                    return v;
                });
                boolean rate = unit.filter(Indicator.RATE::equals).isPresent();
                if (per.isPresent() && !rate) {
                    yaml.error(f.get("per").orElseThrow(), what + ": 'per' is for a rate (unit: rate), the exposure its"
                            + " value is per");
                }
                Optional<Indicator.Rollup> rollup = f.optionalValue("rollup", "sum",
                        s -> Indicator.Rollup.valueOf(s.toUpperCase(Locale.ROOT)));
                if (rollup.filter(r -> r == Indicator.Rollup.SUM).isPresent()
                        && (cumulative || !ADDITIVE_UNITS.contains(unit.orElse("share")))) {
                    yaml.error(f.get("rollup").orElseThrow(), what + ": rollup: sum adds the units' returns, which only"
                            + " counts and shares or rates of counts allow (unit: count, share or rate, not cumulative)");
                }
                if (rollup.isPresent() && source.filter(s -> s != Indicator.Source.KPI).isPresent()) {
                    yaml.error(f.get("rollup").orElseThrow(), what + ": rollup is for KPI returns (source: kpi)");
                }
                int baselinePoints = f.optionalValue("baseline_points", "a whole number of at least 2",
                        s -> atLeastTwo(s)).orElse(0);
                Optional<Indicator.ToDate> toDate = f.optionalValue("to_date", "pooled, latest or none",
                        s -> Indicator.ToDate.valueOf(s.toUpperCase(Locale.ROOT)));
                if (toDate.filter(t -> t == Indicator.ToDate.POOLED).isPresent()
                        && (cumulative || !ADDITIVE_UNITS.contains(unit.orElse("share")))) {
                    yaml.error(f.get("to_date").orElseThrow(), what + ": to_date: pooled adds the periods up, which only"
                            + " counts and shares or rates of counts allow; a running total is 'latest'");
                }
                Optional<Scalar> method = f.get("method").flatMap(m -> yaml.text(m, what + " method").map(t -> new Scalar(t, m)));
                method.ifPresent(indicatorMethodRefs::add);
                if (id.isPresent() && unique(id.get(), "indicator", f, seen) && node.isPresent() && label.isPresent()
                        && source.isPresent() && measure.isPresent()) {
                    indicatorNodes.add(node.get());
                    String first = measured.putIfAbsent(source.get().yamlName() + " " + measure.get(), id.get());
                    if (first != null) {
                        yaml.warning(f.get("measure").orElseThrow(), "indicators '" + first + "' and '" + id.get()
                                + "' both measure " + source.get().yamlName() + " '" + measure.get() + "': its verdicts"
                                + " would count twice as evidence and in the KPI totals; keep one");
                    }
                    indicators.add(new Indicator(id.get(), node.get().value(), label.get(), source.get(), measure.get(),
                            target.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                            direction.orElse(Indicator.Direction.HIGHER), unit.orElse("share"),
                            method.map(Scalar::value), basis.orElse(Indicator.Basis.defaultFor(source.get(), unit.orElse("share"))),
                            cumulative, rebase, per.orElse(1.0), rollup.orElse(Indicator.Rollup.NONE), baselinePoints, toDate));
                }
            });
        }
    }

    private static int atLeastTwo(String text) {
        int n = Integer.parseInt(text);
        if (n < 2) {
            throw new IllegalArgumentException(text);
        }
        return n;
    }

    private void readMethods(org.yaml.snakeyaml.nodes.Node list) {
        Map<String, org.yaml.snakeyaml.nodes.Node> seen = new HashMap<>();
        for (org.yaml.snakeyaml.nodes.Node item : yaml.items(list, "methods")) {
            yaml.fields(item, "method", METHOD).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                Optional<String> label = f.requiredText("label");
                if (id.isPresent() && unique(id.get(), "method", f, seen) && label.isPresent()) {
                    methods.add(new Method(id.get(), label.get()));
                }
            });
        }
    }

    private void readQuestions(org.yaml.snakeyaml.nodes.Node list) {
        Map<String, org.yaml.snakeyaml.nodes.Node> seen = new HashMap<>();
        for (org.yaml.snakeyaml.nodes.Node item : yaml.items(list, "questions")) {
            yaml.fields(item, "question", QUESTION).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                String what = "question " + id.orElse("?");
                Optional<EvaluationQuestion.Kind> kind = f.requiredValue("kind", "process or impact",
                        s -> EvaluationQuestion.Kind.valueOf(s.toUpperCase(Locale.ROOT)));
                Optional<String> text = f.requiredText("text");
                List<Scalar> nodeRefs = f.optionalTexts("nodes");
                Map<String, EvaluationQuestion.Role> roles = new LinkedHashMap<>();
                f.get("methods").flatMap(m -> yaml.fields(m, what + " methods", null)).ifPresent(mf -> {
                    for (String method : mf.keys()) {
                        questionMethodRefs.add(new Scalar(method, mf.keyNode(method)));
                        yaml.value(mf.get(method).orElseThrow(), what + " method " + method,
                                "main, supplementary or not_used",
                                s -> EvaluationQuestion.Role.valueOf(s.toUpperCase(Locale.ROOT)))
                                .ifPresent(role -> roles.put(method, role));
                    }
                });
                questionNodeRefs.addAll(nodeRefs);
                if (id.isPresent() && unique(id.get(), "question", f, seen) && kind.isPresent() && text.isPresent()) {
                    questions.add(new EvaluationQuestion(id.get(), kind.get(), text.get(),
                            nodeRefs.stream().map(Scalar::value).toList(), roles));
                }
            });
        }
    }

    private record PlacedView(String id, String label, List<Scalar> include, List<Scalar> exclude,
                              org.yaml.snakeyaml.nodes.Node at) {
    }

    private List<PlacedView> readViews(org.yaml.snakeyaml.nodes.Node list) {
        Map<String, org.yaml.snakeyaml.nodes.Node> seen = new HashMap<>();
        List<PlacedView> placed = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.Node item : yaml.items(list, "views")) {
            yaml.fields(item, "view", VIEW).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                Optional<String> label = f.optionalText("label");
                if (f.get("include").isPresent() && f.get("exclude").isPresent()) {
                    yaml.error(f.keyNode("exclude"), "view " + id.orElse("?")
                            + ": give either 'include' or 'exclude', not both");
                }
                List<Scalar> include = f.optionalTexts("include");
                List<Scalar> exclude = f.optionalTexts("exclude");
                if (id.isPresent() && unique(id.get(), "view", f, seen)) {
                    placed.add(new PlacedView(id.get(), label.orElse(id.get()), include, exclude, item));
                }
            });
        }
        return placed;
    }

    private boolean knownNode(Scalar ref, String what) {
        if (nodeAt.containsKey(ref.value())) {
            return true;
        }
        yaml.error(ref.node(), what + " names unknown node '" + ref.value() + "'" + suggestion(ref.value()));
        return false;
    }

    private String suggestion(String unknown) {
        return nodeAt.keySet().stream()
                .filter(id -> Similarity.distance(id, unknown) <= Math.max(2, unknown.length() / 4))
                .min(java.util.Comparator.comparingInt(id -> Similarity.distance(id, unknown)))
                .map(id -> "; did you mean '" + id + "'?").orElse("");
    }

    private Stage stageOf(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().map(Node::stage).orElse(null);
    }

    private void checkLinks() {
        Set<String> definedKeys = new TreeSet<>(assumptions.keySet());
        definedKeys.addAll(risks.keySet());
        Map<String, PlacedLink> seen = new HashMap<>();
        for (PlacedLink placed : links) {
            Link link = placed.link();
            boolean fromKnown = knownNode(placed.from(), "link " + link + ": 'from'");
            boolean toKnown = knownNode(placed.to(), "link " + link + ": 'to'");
            for (Scalar key : placed.keys()) {
                if (!definedKeys.contains(key.value())) {
                    yaml.error(key.node(), "link " + link + ": key '" + key.value()
                            + "' is not defined under 'assumptions' or 'risks' (defined: "
                            + (definedKeys.isEmpty() ? "none" : String.join(", ", definedKeys)) + ")");
                }
            }
            PlacedLink first = seen.putIfAbsent(link.from() + "\u0000" + link.to(), placed);
            if (first != null) {
                yaml.error(placed.at(), "link " + link + " appears twice (first at line "
                        + YamlFile.line(first.at()) + ")");
            }
            if (!fromKnown || !toKnown) {
                continue;
            }
            Stage from = stageOf(link.from());
            Stage to = stageOf(link.to());
            if (from == null || to == null) {
                continue; // the node itself was already reported as incomplete
            }
            if (link.from().equals(link.to())) {
                yaml.error(placed.at(), "link " + link + " links a node to itself");
            } else if (to.compareTo(from) < 0 && !link.feedback()) {
                yaml.error(placed.at(), "link '" + link + "' goes backwards (" + from.yamlName() + " -> "
                        + to.yamlName() + "); mark it 'feedback: true' if intended");
            } else if (to.compareTo(from) > 0 && link.feedback()) {
                yaml.warning(placed.at(), "link '" + link + "' is marked feedback but goes forward ("
                        + from.yamlName() + " -> " + to.yamlName() + "); it will not count as a causal link");
            }
        }
    }

    /** Reports each strongly connected group of non-feedback links once, printing one cycle in it. */
    private void checkCycles() {
        Map<String, List<PlacedLink>> out = new LinkedHashMap<>();
        for (PlacedLink placed : links) {
            Link link = placed.link();
            Stage from = stageOf(link.from());
            Stage to = stageOf(link.to());
            // A backward link is reported on its own; only same-stage and forward links can form a
            // cycle that has not been reported yet.
            if (!link.feedback() && from != null && to != null && to.compareTo(from) >= 0
                    && !link.from().equals(link.to())) {
                out.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(placed);
            }
        }
        for (List<String> component : Cycles.stronglyConnected(nodeAt.keySet(), id ->
                out.getOrDefault(id, List.of()).stream().map(p -> p.link().to()).toList())) {
            if (component.size() < 2) {
                continue;
            }
            Set<String> members = new HashSet<>(component);
            List<PlacedLink> cycle = findCycle(component.get(0), members, out);
            String printed = String.join(" -> ", cycle.stream().map(p -> p.link().from()).toList())
                    + " -> " + component.get(0);
            yaml.error(cycle.get(0).at(), "cycle of causal links: " + printed
                    + "; mark the link that closes the loop 'feedback: true'");
        }
    }

    private static List<PlacedLink> findCycle(String start, Set<String> members, Map<String, List<PlacedLink>> out) {
        // A depth-first walk inside one strongly connected component always gets back to start.
        Map<String, PlacedLink> cameBy = new LinkedHashMap<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>(List.of(start));
        Set<String> visited = new LinkedHashSet<>();
        while (!stack.isEmpty()) {
            String node = stack.pop();
            if (!visited.add(node)) {
                continue;
            }
            for (PlacedLink link : out.getOrDefault(node, List.of())) {
                String next = link.link().to();
                if (next.equals(start)) {
                    List<PlacedLink> cycle = new ArrayList<>(List.of(link));
                    for (String at = node; !at.equals(start); at = cameBy.get(at).link().from()) {
                        cycle.add(0, cameBy.get(at));
                    }
                    return cycle;
                }
                if (members.contains(next) && !visited.contains(next)) {
                    cameBy.putIfAbsent(next, link);
                    stack.push(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    private void knownMethod(Scalar ref, String what, Set<String> methodIds) {
        if (!methodIds.contains(ref.value())) {
            yaml.error(ref.node(), what + " names unknown method '" + ref.value() + "'; the methods are "
                    + (methodIds.isEmpty() ? "none (add a 'methods' list)" : String.join(", ", new TreeSet<>(methodIds))));
        }
    }

    private void checkReferences(List<PlacedView> placedViews) {
        for (Scalar ref : indicatorNodes) {
            knownNode(ref, "indicator");
        }
        for (Scalar ref : questionNodeRefs) {
            knownNode(ref, "question");
        }
        Set<String> methodIds = new HashSet<>();
        methods.forEach(m -> methodIds.add(m.id()));
        for (Scalar ref : questionMethodRefs) {
            knownMethod(ref, "question", methodIds);
        }
        for (Scalar ref : indicatorMethodRefs) {
            knownMethod(ref, "indicator", methodIds);
        }
        for (PlacedView view : placedViews) {
            Set<String> members = new LinkedHashSet<>();
            view.include().stream().filter(r -> knownNode(r, "view " + view.id())).forEach(r -> members.add(r.value()));
            Set<String> excluded = new HashSet<>();
            view.exclude().stream().filter(r -> knownNode(r, "view " + view.id())).forEach(r -> excluded.add(r.value()));
            if (view.include().isEmpty()) {
                nodes.stream().map(Node::id).filter(id -> !excluded.contains(id)).forEach(members::add);
            }
            views.add(new View(view.id(), view.label(), members));
        }
    }

    private void warnOrphansAndUnmeasuredOutcomes() {
        Set<String> linked = new HashSet<>();
        links.forEach(l -> {
            linked.add(l.link().from());
            linked.add(l.link().to());
        });
        // An outcome is planned for when an indicator measures it, or when an evaluation question
        // names it with a method in use: a theory-based evaluation evidences many outcomes by
        // coded findings only (interviews, case studies), by design. Only an outcome neither
        // plans evidence for is worth a warning.
        Set<String> measured = new HashSet<>();
        indicators.forEach(i -> measured.add(i.node()));
        questions.stream().filter(q -> q.methods().values().stream().anyMatch(r -> r != EvaluationQuestion.Role.NOT_USED))
                .forEach(q -> measured.addAll(q.nodes()));
        for (Node node : nodes) {
            if (!linked.contains(node.id())) {
                yaml.warning(nodeAt.get(node.id()), "node '" + node.id() + "' has no links (an orphan)");
            }
            if (node.stage().isOutcome() && !measured.contains(node.id())) {
                yaml.warning(nodeAt.get(node.id()), node.stage().yamlName().replace('_', '-') + " '" + node.id()
                        + "' has no indicator, and no evaluation question names it with a method in use;"
                        + " nothing plans evidence for it (add an indicator, or name it in a question's nodes)");
            }
        }
    }
}
