package org.evident.ingest;

import java.util.Objects;
import java.util.Optional;

import org.evident.toc.EvidenceDirection;

/**
 * One coded qualitative finding: what it says about which node, from which method, when.
 *
 * @param direction supports, contradicts or mixed ({@link EvidenceDirection#OF_FINDINGS})
 * @param test what the finding is worth as a test of the claim in contribution tracing, when the
 *             evaluator recorded one; empty means the finding makes no Bayesian contribution
 */
public record Finding(String id, String node, EvidenceDirection direction, String method, String period, String strength,
                      String quote, String sourceRef, Optional<ProcessTracingTest> test) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        if (!EvidenceDirection.OF_FINDINGS.contains(direction)) {
            throw new IllegalArgumentException("a finding's direction is one of " + EvidenceDirection.OF_FINDINGS + ", not "
                    + direction);
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(test, "test");
    }
}
