package org.evident.toc;

import java.util.List;
import java.util.Objects;

/**
 * The assumptions and risks grouped under one letter key, as in the evaluation's Table 9.
 * Either list may be empty (some keys carry risks only).
 */
public record AssumptionKey(String key, List<String> assumptions, List<String> risks) {
    public AssumptionKey {
        Objects.requireNonNull(key, "key");
        assumptions = List.copyOf(assumptions);
        risks = List.copyOf(risks);
    }
}
