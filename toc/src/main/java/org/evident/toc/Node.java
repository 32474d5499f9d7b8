package org.evident.toc;

import java.util.Objects;
import java.util.Optional;

/**
 * A box in the theory of change: an input, activity, output, outcome or impact.
 *
 * @param group       who the node belongs to, e.g. "local systems" or "national"; may be empty
 * @param description longer text; may be empty
 */
public record Node(String id, String label, Stage stage, Optional<String> group, Optional<String> description) {
    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(description, "description");
    }
}
