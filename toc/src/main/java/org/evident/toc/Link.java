package org.evident.toc;

import java.util.List;
import java.util.Objects;

/**
 * A causal claim: {@code from} contributes to {@code to}.
 *
 * @param feedback true for a link that closes a loop back to an earlier stage ("starting the
 *                 cycle again"); feedback links are drawn but are not followed as causal paths
 * @param keys     the assumption and risk keys (Table 9 letters) that hang on this link
 */
public record Link(String from, String to, boolean feedback, List<String> keys) {
    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        keys = List.copyOf(keys);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
