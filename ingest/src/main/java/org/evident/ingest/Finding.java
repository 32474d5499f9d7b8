package org.evident.ingest;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One coded qualitative finding: what it says about which node, from which method, when.
 *
 * @param test what the finding is worth as a test of the claim in contribution tracing, when the
 *             evaluator recorded one; empty means the finding makes no Bayesian contribution
 */
public record Finding(String id, String node, Direction direction, String method, String period, String strength,
                      String quote, String sourceRef, Optional<ProcessTracingTest> test) {

    /** Which way the finding points for the node's outcome. */
    public enum Direction {
        SUPPORTS, CONTRADICTS, MIXED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(test, "test");
    }
}
