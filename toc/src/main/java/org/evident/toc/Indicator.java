package org.evident.toc;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A measure that speaks to a node: a KPI, a survey item or a tracker measure.
 *
 * @param measure the KPI code in the returns, the survey item id, or the tracker measure name
 * @param target  the threshold to meet, if any; shares are fractions (0.80 for 80%)
 * @param method  the evaluation method (a `methods` id) this indicator belongs to, so that evidence
 *                from it is not counted as a second, independent method beside the findings of
 *                that method; without it, the indicator counts as a method of its own
 */
public record Indicator(String id, String node, String label, Source source, String measure,
                        OptionalDouble target, Direction direction, String unit, java.util.Optional<String> method) {

    /** Where an indicator's numbers come from. */
    public enum Source {
        KPI, SURVEY, TRACKER;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which way is better. */
    public enum Direction {
        HIGHER, LOWER;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(method, "method");
    }
}
