package org.evident.toc;

import java.util.Objects;

/** An evaluation method, one column of the evaluation's question-to-method table (Table 1). */
public record Method(String id, String label) {
    public Method {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
