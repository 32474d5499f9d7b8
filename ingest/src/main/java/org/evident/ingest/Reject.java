package org.evident.ingest;

import java.util.Objects;

/**
 * A row that was not accepted, and why: one reject per problem found, so a row with two bad
 * cells gives two rejects. Values from identifier columns are pseudonymised before they get here.
 *
 * @param row      the row number as the user sees it in the file (the header is row 1 of a CSV)
 * @param column   the column's header as written in the file, or empty for the row as a whole
 * @param expected what would have been accepted
 */
public record Reject(String source, String file, long row, String column, String value, String reason, String expected)
        implements java.io.Serializable {
    public Reject {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expected, "expected");
    }

    @Override
    public String toString() {
        return file + ":" + row + (column.isEmpty() ? "" : " [" + column + "]") + ": " + reason
                + (value.isEmpty() ? "" : " ('" + value + "')") + (expected.isEmpty() ? "" : "; expected " + expected);
    }
}
