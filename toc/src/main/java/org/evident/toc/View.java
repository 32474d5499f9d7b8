package org.evident.toc;

import java.util.Objects;
import java.util.Set;

/** A named subset of the theory of change, e.g. the full one or the delivery contract's. */
public record View(String id, String label, Set<String> nodes) {
    public View {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        nodes = Set.copyOf(nodes);
    }
}
