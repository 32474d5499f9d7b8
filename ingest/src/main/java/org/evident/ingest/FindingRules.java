package org.evident.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.evident.toc.EvidenceDirection;

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
        c.put("test", false);
        c.put("sensitivity", false);
        c.put("type_one_error", false);
        c.put(CodedText.THEMES_COLUMN, false);
        c.put(CodedText.REGION_COLUMN, false);
        return c;
    }

    static Optional<Finding> check(Row row, Set<String> nodes, Set<String> methods, Set<String> periods) {
        String id = row.text("finding_id");
        if (id.isEmpty()) {
            row.reject("finding_id", "", "no finding id", "a unique id for every finding");
        }
        String node = known(row, "node", nodes, "a node id of toc.yaml");
        Optional<EvidenceDirection> direction = TrackerRules.choice(row, "direction", EvidenceDirection.OF_FINDINGS,
                "supports, contradicts or mixed");
        String method = known(row, "method", methods, "a method id of toc.yaml: " + String.join(", ", methods));
        String period = known(row, "period", periods, "a period id of evaluation.yaml: " + String.join(", ", periods));
        Optional<ProcessTracingTest> test = test(row);
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(id, node, direction.get(), method, period, row.text("strength"), row.text("quote"),
                row.text("source_ref"), test));
    }

    /** The optional contribution-tracing test: a type, both numbers, or a type with numbers that override its defaults. */
    private static Optional<ProcessTracingTest> test(Row row) {
        Optional<ProcessTracingTest.Type> type = row.text("test").isEmpty() ? Optional.empty()
                : TrackerRules.choice(row, "test", ProcessTracingTest.Type.class, ProcessTracingTest.Type.EXPECTED);
        OptionalDouble sensitivity = probability(row, "sensitivity", "P(E|H), such as 0.95");
        OptionalDouble typeOneError = probability(row, "type_one_error", "P(E|not H), such as 0.05");
        if (row.text("test").isEmpty()) {
            // One number alone would need the other one guessed, and there is no type to take it from.
            lonely(row, "sensitivity", "type_one_error");
            lonely(row, "type_one_error", "sensitivity");
        }
        if (!row.accepted() || type.isEmpty() && (sensitivity.isEmpty() || typeOneError.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new ProcessTracingTest(type.map(ProcessTracingTest.Type::label),
                sensitivity.orElseGet(() -> type.get().sensitivity), typeOneError.orElseGet(() -> type.get().typeOneError)));
    }

    private static OptionalDouble probability(Row row, String column, String example) {
        String text = row.text(column);
        String expected = "a probability " + example + ", strictly between 0 and 1";
        try {
            OptionalDouble value = Values.number(text);
            if (value.isPresent() && !(value.getAsDouble() > 0 && value.getAsDouble() < 1)) {
                row.reject(column, text, column.replace('_', ' ') + " not strictly between 0 and 1", expected);
                return OptionalDouble.empty();
            }
            return value;
        } catch (NumberFormatException e) {
            row.reject(column, text, "not a number", expected);
            return OptionalDouble.empty();
        }
    }

    private static void lonely(Row row, String given, String other) {
        String text = row.text(given);
        if (!text.isEmpty() && row.text(other).isEmpty()) {
            row.reject(given, text, given + " needs " + other + " too, or a test type",
                    "both sensitivity and type_one_error, or a test: " + ProcessTracingTest.Type.EXPECTED);
        }
    }

    private static String known(Row row, String column, Set<String> known, String expected) {
        String text = row.text(column);
        if (!known.contains(text)) {
            row.reject(column, text, text.isEmpty() ? "no " + column : "unknown " + column, expected);
        }
        return text;
    }
}
