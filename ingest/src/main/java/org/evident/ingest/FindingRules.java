package org.evident.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks on one coded-finding row. */
final class FindingRules {
    static final Map<String, Boolean> COLUMNS = columns();

    private FindingRules() {
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("finding_id", true);
        c.put("node", true);
        c.put("direction", true);
        c.put("method", true);
        c.put("period", true);
        c.put("strength", false);
        c.put("quote", false);
        c.put("source_ref", false);
        return c;
    }

    static Optional<Finding> check(Row row, Set<String> nodes, Set<String> methods, Set<String> periods) {
        String id = row.text("finding_id");
        if (id.isEmpty()) {
            row.reject("finding_id", "", "no finding id", "a unique id for every finding");
        }
        String node = known(row, "node", nodes, "a node id of toc.yaml");
        Optional<Finding.Direction> direction = TrackerRules.choice(row, "direction", Finding.Direction.class,
                "supports, contradicts or mixed");
        String method = known(row, "method", methods, "a method id of toc.yaml: " + String.join(", ", methods));
        String period = known(row, "period", periods, "a period id of evaluation.yaml: " + String.join(", ", periods));
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(id, node, direction.get(), method, period, row.text("strength"), row.text("quote"),
                row.text("source_ref")));
    }

    private static String known(Row row, String column, Set<String> known, String expected) {
        String text = row.text(column);
        if (!known.contains(text)) {
            row.reject(column, text, text.isEmpty() ? "no " + column : "unknown " + column, expected);
        }
        return text;
    }
}
