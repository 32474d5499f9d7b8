package org.evident.toc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML file read as a tree of positioned nodes, with helpers that record a {@link Problem}
 * (with line and column) instead of throwing, so that one pass reports everything.
 *
 * <p>SnakeYAML's compose step is used rather than Jackson's tree model because composed nodes
 * keep their start marks, and because composing never constructs objects from tags: the file
 * can only ever produce maps, lists and scalars.
 */
final class YamlFile {
    private final String name;
    private final List<Problem> problems;
    private final Node root;

    private YamlFile(String name, List<Problem> problems, Node root) {
        this.name = name;
        this.problems = problems;
        this.root = root;
    }

    /** Parses {@code text}; a syntax error becomes a problem and an empty root. */
    static YamlFile parse(String name, String text, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(20 * 1024 * 1024);
        Node root = null;
        try {
            // The composer alone, as Yaml.compose uses it: a Yaml object would also make a
            // constructor, whose TypeDescription asks for a System.Logger, and the JDK then looks
            // for a logging service in every jar of the class path (about 0.14 s of each start).
            root = new Composer(new ParserImpl(new StreamReader(new java.io.StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            problems.add(new Problem(Problem.Severity.ERROR, name,
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "YAML syntax: " + context + what));
        } catch (YAMLException e) {
            problems.add(new Problem(Problem.Severity.ERROR, name, 0, 0, "YAML: " + e.getMessage()));
        }
        if (root == null && problems.stream().noneMatch(p -> p.file().equals(name) && p.isError())) {
            problems.add(new Problem(Problem.Severity.ERROR, name, 0, 0, "the file is empty; expected a mapping"));
        }
        return new YamlFile(name, problems, root);
    }

    /** The list problems are recorded in, so that a file this one names can report into it too. */
    List<Problem> problems() {
        return problems;
    }

    String name() {
        return name;
    }

    Optional<Node> root() {
        return Optional.ofNullable(root);
    }

    void error(Node at, String message) {
        problems.add(problem(Problem.Severity.ERROR, at, message));
    }

    void warning(Node at, String message) {
        problems.add(problem(Problem.Severity.WARNING, at, message));
    }

    private Problem problem(Problem.Severity severity, Node at, String message) {
        Mark mark = at == null ? null : at.getStartMark();
        return new Problem(severity, name, mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1, message);
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /**
     * The fields of a mapping, after checking that it is one and that every key is among
     * {@code allowed}. Returns empty (with the problem recorded) if the node is not a mapping.
     */
    Optional<Fields> fields(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + ": expected a mapping (key: value lines), found " + kind(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                error(keyNode, what + ": expected a plain key, found " + kind(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            if (byKey.containsKey(key)) {
                error(keyNode, what + ": field '" + key + "' appears twice (first at line "
                        + line(byKey.get(key).getKeyNode()) + ")");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                error(keyNode, what + ": unknown field '" + key + "'; expected one of "
                        + String.join(", ", new TreeSet<>(allowed)));
                continue;
            }
            byKey.put(key, tuple);
        }
        return Optional.of(new Fields(what, node, byKey));
    }

    /** The items of a sequence; records a problem and returns none if it is not one. */
    List<Node> items(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        error(node, what + ": expected a list, found " + kind(node));
        return List.of();
    }

    /** A scalar's text; records a problem and returns empty for a list, mapping or blank. */
    Optional<String> text(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip();
            if (value.isEmpty() || (scalar.getTag().getValue().endsWith(":null"))) {
                error(node, what + ": expected a value, found nothing");
                return Optional.empty();
            }
            return Optional.of(value);
        }
        error(node, what + ": expected a single value, found " + kind(node));
        return Optional.empty();
    }

    /** Parses a scalar with {@code parser}; a failure is a problem saying what was expected. */
    <T> Optional<T> value(Node node, String what, String expected, Function<String, T> parser) {
        return text(node, what).flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (RuntimeException e) {
                error(node, what + ": '" + text + "' is not " + expected);
                return Optional.empty();
            }
        });
    }

    /** A list of scalars (a single scalar is accepted as a list of one). */
    List<Scalar> texts(Node node, String what) {
        List<Node> nodes = node instanceof ScalarNode ? List.of(node) : items(node, what);
        List<Scalar> values = new ArrayList<>();
        for (Node item : nodes) {
            text(item, what).ifPresent(t -> values.add(new Scalar(t, item)));
        }
        return values;
    }

    private static String kind(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String value = ((ScalarNode) node).getValue();
        return value.isEmpty() ? "nothing" : "the value '" + value + "'";
    }

    /** A scalar value with the node it came from, for positions in later checks. */
    record Scalar(String value, Node node) {
    }

    /** The checked fields of one mapping. */
    final class Fields {
        private final String what;
        private final Node node;
        private final Map<String, NodeTuple> byKey;

        private Fields(String what, Node node, Map<String, NodeTuple> byKey) {
            this.what = what;
            this.node = node;
            this.byKey = byKey;
        }

        Node node() {
            return node;
        }

        Set<String> keys() {
            return byKey.keySet();
        }

        Optional<Node> get(String key) {
            return Optional.ofNullable(byKey.get(key)).map(NodeTuple::getValueNode);
        }

        Node keyNode(String key) {
            return byKey.get(key).getKeyNode();
        }

        Optional<Node> required(String key) {
            Optional<Node> value = get(key);
            if (value.isEmpty()) {
                error(node, what + ": missing required field '" + key + "'");
            }
            return value;
        }

        Optional<String> requiredText(String key) {
            return required(key).flatMap(v -> text(v, what + " " + key));
        }

        Optional<String> optionalText(String key) {
            return get(key).flatMap(v -> text(v, what + " " + key));
        }

        <T> Optional<T> requiredValue(String key, String expected, Function<String, T> parser) {
            return required(key).flatMap(v -> value(v, what + " " + key, expected, parser));
        }

        <T> Optional<T> optionalValue(String key, String expected, Function<String, T> parser) {
            return get(key).flatMap(v -> value(v, what + " " + key, expected, parser));
        }

        List<Scalar> optionalTexts(String key) {
            return get(key).map(v -> texts(v, what + " " + key)).orElse(List.of());
        }

        boolean flag(String key) {
            return optionalValue(key, "true or false", YamlFile::parseBoolean).orElse(false);
        }
    }

    static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
