package org.evident.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.toc.NeighbourLayout;
import org.evident.toc.Problem;
import org.evident.toc.Source;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a neighbours source: a JSON object from each area's code to the codes of its comparable
 * areas (the shape of the Office for Local Government's {@code NN.json}, whose lists include the
 * area itself), or a CSV file of one row per area and neighbour ({@code area}, {@code neighbour},
 * optionally {@code neighbour_name}), where a file listing one area's neighbours, as councils
 * publish their CIPFA groups, leaves out {@code area} and names the area with {@code of:}.
 */
final class NeighbourRules {
    static final Map<String, Boolean> COLUMNS = columns();
    static final Map<String, Boolean> NAME_COLUMNS = Map.of("area_code", true, "area_name", true);

    private final Source source;
    private final NeighbourLayout layout;
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Long> firstRow = new java.util.HashMap<>();

    NeighbourRules(Source source) {
        this.source = source;
        this.layout = source.neighbours().orElseThrow();
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("area", false);
        c.put("neighbour", true);
        c.put("neighbour_name", false);
        return c;
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /** Checks one CSV row; the neighbour is added to its area's list. */
    boolean check(Row row) {
        String area = row.text("area").strip();
        if (area.isEmpty()) {
            area = layout.of().orElse("");
        }
        String neighbour = row.text("neighbour").strip();
        if (area.isEmpty()) {
            row.reject("area", "", "no area", "the code of the area whose neighbour this row names (or 'of:' on the"
                    + " source in evaluation.yaml, for a file listing one area's neighbours)");
        }
        if (neighbour.isEmpty()) {
            row.reject("neighbour", "", "no neighbour", "the code of a comparable area");
        }
        if (!row.accepted()) {
            return false;
        }
        Long first = firstRow.putIfAbsent(area + "|" + neighbour, row.number());
        if (first != null) {
            row.reject("neighbour", neighbour, "listed twice as a neighbour of " + area + " (first at row " + first
                    + ", which is kept)", "each neighbour once per area");
            return false;
        }
        String name = row.text("neighbour_name").strip();
        if (!name.isEmpty()) {
            names.putIfAbsent(neighbour, name);
        }
        add(area, neighbour);
        return true;
    }

    private void add(String area, String neighbour) {
        Set<String> group = groups.computeIfAbsent(area, a -> new LinkedHashSet<>());
        // NN.json lists each council among its own neighbours; an area is never compared with itself.
        if (!neighbour.equals(area)) {
            group.add(neighbour);
        }
    }

    /**
     * Reads the JSON form, adding every problem (with its line and column) to {@code errors}.
     *
     * @return the number of areas read
     */
    long readJson(String shown, List<Problem> errors) throws IOException {
        Node root;
        try (Reader reader = Files.newBufferedReader(source.file(), StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            root = new Yaml(options).compose(reader);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            errors.add(new Problem(Problem.Severity.ERROR, shown, e.getProblemMark().getLine() + 1,
                    e.getProblemMark().getColumn() + 1, "is not valid JSON: " + e.getProblem()));
            return 0;
        }
        if (!(root instanceof MappingNode map)) {
            errors.add(error(shown, root, "expected a JSON object from each area's code to a list of its comparable"
                    + " areas' codes, e.g. {\"E06000001\": [\"E06000002\", \"E06000003\"]}"));
            return 0;
        }
        long areas = 0;
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue().isBlank()) {
                errors.add(error(shown, tuple.getKeyNode(), "expected an area code as the key"));
                continue;
            }
            if (groups.containsKey(key.getValue())) {
                errors.add(error(shown, key, "area " + key.getValue() + " is listed twice"));
                continue;
            }
            if (!(tuple.getValueNode() instanceof SequenceNode list)) {
                errors.add(error(shown, tuple.getValueNode(), "area " + key.getValue()
                        + ": expected a list of its comparable areas' codes"));
                continue;
            }
            groups.put(key.getValue(), new LinkedHashSet<>());
            for (Node item : list.getValue()) {
                if (!(item instanceof ScalarNode code) || code.getValue().isBlank()) {
                    errors.add(error(shown, item, "area " + key.getValue() + ": expected an area code"));
                    continue;
                }
                add(key.getValue(), code.getValue().strip());
            }
            areas++;
        }
        return areas;
    }

    private static Problem error(String shown, Node node, String message) {
        return new Problem(Problem.Severity.ERROR, shown, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                message);
    }

    /** Names from the source's names file: the first name of each code; rows without both are passed over. */
    void readNames(Path file) throws IOException {
        try (TableFile table = TableFile.open(file, Optional.empty())) {
            ColumnMap map = ColumnMap.resolve(file, table.headerRow(), table.header(), NAME_COLUMNS, source.columns());
            table.rows((number, cells) -> {
                Row row = new Row(source.id(), file.toString(), number, cells, map);
                String code = row.text("area_code").strip();
                String name = row.text("area_name").strip();
                if (!code.isEmpty() && !name.isEmpty()) {
                    names.putIfAbsent(code, name);
                }
            });
        }
    }

    ComparableAreas result(String shown) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        groups.forEach((area, group) -> lists.put(area, new ArrayList<>(group)));
        return new ComparableAreas(source.id(), shown, lists, names, layout.england(), layout.reported());
    }
}
