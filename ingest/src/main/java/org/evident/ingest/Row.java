package org.evident.ingest;

import java.util.ArrayList;
import java.util.List;

/** One data row being checked: its cells by canonical column name, and the rejects found so far. */
final class Row {
    private final String source;
    private final String file;
    private final long number;
    private final List<String> cells;
    private final ColumnMap columns;
    /** Null for rows that hold no free text (record-level files). */
    private final Redactor redactor;
    /** Made on the first reject: most rows have none. */
    private List<Reject> rejects;
    /** Made on the first find: most rows have none. */
    private List<PersonalDataFound> personalData;
    private List<PersonalDataFound> rejectedPersonalData;

    Row(String source, String file, long number, List<String> cells, ColumnMap columns) {
        this(source, file, number, cells, columns, null);
    }

    Row(String source, String file, long number, List<String> cells, ColumnMap columns, Redactor redactor) {
        this.source = source;
        this.file = file;
        this.number = number;
        this.cells = cells;
        this.columns = columns;
        this.redactor = redactor;
    }

    long number() {
        return number;
    }

    String text(String column) {
        return columns.cell(cells, column);
    }

    /**
     * A free-text cell (a comment, a quote, a lesson) with its personal data redacted, each find recorded
     * with the cell's place: the one door through which free text enters, so no output can get the text
     * unredacted.
     */
    String freeText(String column) {
        String text = text(column);
        if (redactor == null || text.isEmpty()) {
            return text;
        }
        Redactor.Redacted redacted = redactor.redact(text);
        for (Redactor.Match m : redacted.matches()) {
            if (personalData == null) {
                personalData = new ArrayList<>(2);
            }
            personalData.add(new PersonalDataFound(file, number, columns.header(column), m.kind(), m.start() + 1));
        }
        return redacted.text();
    }

    /** Where personal data was found in this row's free-text cells, in the order they were read. */
    List<PersonalDataFound> personalData() {
        return personalData == null ? List.of() : personalData;
    }

    boolean has(String column) {
        return columns.has(column);
    }

    boolean isBlank() {
        // A loop, not a stream: this runs once per row of every file, tens of millions of times.
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    void reject(String column, String value, String reason, String expected) {
        // A value missing because its whole column is: said so, not left to read as a blank cell.
        String why = !column.isEmpty() && value.isEmpty() && !columns.has(column)
                ? reason + " (the file has no column '" + column + "')" : reason;
        String header = column.isEmpty() ? "" : columns.header(column);
        add(new Reject(source, file, number, header, redactedValue(header, value), why, expected));
    }

    /** A reject in a column that is not one of the canonical ones (survey option columns). */
    void rejectRaw(String header, String value, String reason, String expected) {
        add(new Reject(source, file, number, header, redactedValue(header, value), reason, expected));
    }

    /**
     * A rejected value as rejects.csv and the console show it: redacted as free text is, since an answer
     * typed in the wrong column ("ring me on ...") is published there; each find is recorded.
     */
    private String redactedValue(String header, String value) {
        if (redactor == null || value.isEmpty()) {
            return value;
        }
        Redactor.Redacted redacted = redactor.redact(value);
        for (Redactor.Match m : redacted.matches()) {
            if (rejectedPersonalData == null) {
                rejectedPersonalData = new ArrayList<>(1);
            }
            rejectedPersonalData.add(new PersonalDataFound(file, number, header, m.kind(), m.start() + 1));
        }
        return redacted.text();
    }

    /** Where personal data was found in the values of this row's rejects (shown in rejects.csv), in order. */
    List<PersonalDataFound> rejectedPersonalData() {
        return rejectedPersonalData == null ? List.of() : rejectedPersonalData;
    }

    private void add(Reject reject) {
        if (rejects == null) {
            rejects = new ArrayList<>(2);
        }
        rejects.add(reject);
    }

    List<Reject> rejects() {
        return rejects == null ? List.of() : rejects;
    }

    boolean accepted() {
        return rejects == null || rejects.isEmpty();
    }
}
