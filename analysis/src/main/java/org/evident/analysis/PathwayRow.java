package org.evident.analysis;

import java.util.Objects;

import org.evident.toc.Stage;

/** A node's pathway with its label, stage and the plain-English summary the report and `explain` show. */
public record PathwayRow(String label, Stage stage, Pathway pathway, String summary) {
    public PathwayRow {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(pathway, "pathway");
        Objects.requireNonNull(summary, "summary");
    }
}
