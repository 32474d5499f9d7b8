package org.evident.analysis;

import java.util.Objects;

/** A node's pathway with its label, stage and the plain-English summary the report and `explain` show. */
public record PathwayRow(String label, String stage, Pathway pathway, String summary) {
    public PathwayRow {
        Objects.requireNonNull(pathway, "pathway");
        Objects.requireNonNull(summary, "summary");
    }
}
