package org.evident.analysis;

import java.util.Objects;

/**
 * One thing that changed for an outcome between two assessments: its grade went up or down, an
 * indicator's verdict flipped, or new evidence arrived.
 *
 * @param from    the earlier period, or "assessment of YYYY-MM-DD" for an earlier run's snapshot
 * @param change  "grade up", "grade down", "verdict changed" or "new evidence"
 */
public record EvidenceChange(String node, String label, String from, String to, String change, String before, String after,
                             String detail) {
    public EvidenceChange {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(detail, "detail");
    }
}
