package org.evident.ingest;

import java.util.Objects;

/**
 * Where personal data was found in a free-text cell and redacted: never the text itself, so the list
 * can be shared with the analyst who reviews it.
 *
 * @param file     the data file, relative to the project folder
 * @param row      the row number as the user sees it in the file (the header is row 1 of a CSV)
 * @param column   the column's header as written in the file
 * @param position where in the cell the match starts: 1 for its first character (counted in UTF-16 units,
 *                 as Java and Excel's LEN count)
 */
public record PersonalDataFound(String file, long row, String column, PersonalDataKind kind, int position) {
    public PersonalDataFound {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
    }
}
