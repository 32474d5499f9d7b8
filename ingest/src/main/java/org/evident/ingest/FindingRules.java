package org.evident.ingest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import org.evident.toc.Concern;
import org.evident.toc.EvidenceDirection;

/** The checks on one coded-finding row. */
final class FindingRules {
    /** GRADE-CERQual's four components, each appraised as none, minor, moderate or serious concerns. */
    static final List<String> CERQUAL = List.of("limitations", "coherence", "adequacy", "relevance");
    static final Map<String, Boolean> COLUMNS = columns();

    private FindingRules() {
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("finding_id", true);
        c.put("node", false);
        c.put("direction", true);
        c.put("method", true);
        c.put("period", true);
        c.put("strength", false);
        c.put("quote", false);
        c.put("source_ref", false);
        c.put("test", false);
        c.put("sensitivity", false);
        c.put("type_one_error", false);
        c.put("collected", false);
        for (String component : CERQUAL) {
            c.put(component, false);
        }
        c.put("concerns", false);
        c.put("cases", false);
        c.put("restates", false);
        c.put("assumption", false);
        c.put(CodedText.THEMES_COLUMN, false);
        c.put(CodedText.REGION_COLUMN, false);
        return c;
    }

    /**
     * @param indicators the indicator ids, each with its node: a finding restates an indicator of its own node
     * @param keys       the assumption and risk keys of toc.yaml
     */
    static Optional<Finding> check(Row row, Set<String> nodes, Set<String> methods, Set<String> periods,
                                   Map<String, String> indicators, Set<String> keys, LocalDate reportingDate) {
        String id = row.text("finding_id");
        if (id.isEmpty()) {
            row.reject("finding_id", "", "no finding id", "a unique id for every finding");
        }
        Optional<String> assumption = Optional.of(row.text("assumption")).filter(s -> !s.isEmpty());
        assumption.ifPresent(k -> known(row, "assumption", keys, "an assumption or risk key of toc.yaml: " + String.join(", ", keys)));
        // A finding about an assumption alone names no node; any other finding must.
        String node = assumption.isPresent() && row.text("node").isEmpty() ? ""
                : known(row, "node", nodes, "a node id of toc.yaml");
        Optional<EvidenceDirection> direction = TrackerRules.choice(row, "direction", EvidenceDirection.OF_FINDINGS,
                "supports, contradicts or mixed");
        String method = known(row, "method", methods, "a method id of toc.yaml: " + String.join(", ", methods));
        String period = known(row, "period", periods, "a period id of evaluation.yaml: " + String.join(", ", periods));
        Optional<ProcessTracingTest> test = test(row);
        Optional<LocalDate> collected = collected(row, reportingDate);
        Optional<Concern> concerns = concerns(row);
        OptionalInt cases = cases(row);
        Optional<String> restates = Optional.of(row.text("restates")).filter(s -> !s.isEmpty());
        restates.ifPresent(indicator -> {
            if (!indicators.containsKey(indicator)) {
                row.reject("restates", indicator, "unknown indicator", "the id of an indicator of toc.yaml");
            } else if (!indicators.get(indicator).equals(node)) {
                row.reject("restates", indicator, "the indicator is on " + indicators.get(indicator) + ", not on " + node,
                        "an indicator of the finding's own node");
            }
        });
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(id, node, direction.get(), method, period, row.freeText("strength"), row.freeText("quote"),
                row.freeText("source_ref"), test, collected, concerns, cases, restates, assumption));
    }

    private static Optional<LocalDate> collected(Row row, LocalDate reportingDate) {
        String text = row.text("collected");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> date;
        try {
            date = Values.date(text);
        } catch (RuntimeException e) {
            date = Optional.empty();
        }
        if (date.isEmpty()) {
            row.reject("collected", text, "not a date", Values.DATE_FORMS);
        } else if (date.get().isAfter(reportingDate)) {
            row.reject("collected", text, "after the reporting date " + reportingDate,
                    "the date the finding's evidence was collected, by the reporting date");
            return Optional.empty();
        }
        return date;
    }

    /** The overall concern: the {@code concerns} column, else the worst of the CERQual components given. */
    private static Optional<Concern> concerns(Row row) {
        Optional<Concern> worst = Optional.empty();
        for (String column : CERQUAL) {
            Optional<Concern> c = concern(row, column);
            if (c.isPresent() && (worst.isEmpty() || c.get().compareTo(worst.get()) > 0)) {
                worst = c;
            }
        }
        Optional<Concern> overall = concern(row, "concerns");
        return overall.isPresent() ? overall : worst;
    }

    private static Optional<Concern> concern(Row row, String column) {
        String text = row.text(column);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Concern> c = Concern.fromFileName(text);
        if (c.isEmpty()) {
            row.reject(column, text, "unknown concern", Concern.fileNames());
        }
        return c;
    }

    private static OptionalInt cases(Row row) {
        String text = row.text("cases");
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // rejected below
        }
        row.reject("cases", text, "not a whole number of 1 or more", "how many cases or sources the finding rests on");
        return OptionalInt.empty();
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
            row.reject(column, text, Values.reason(e, "not a number"), expected);
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
