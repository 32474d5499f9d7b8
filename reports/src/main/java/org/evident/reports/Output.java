package org.evident.reports;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a run's outputs that can be asked for on their own ({@code evident run --only}). The
 * tables (the CSV files of tables/, rejects.csv, personal_data.csv and data_gaps.txt) are always
 * written: every other part is made from them, and a run without them would publish nothing to check.
 */
public enum Output {
    /** tables/*.csv, rejects.csv, personal_data.csv, data_gaps.txt: always written. */
    TABLES,
    /** evidence.xlsx. */
    WORKBOOK,
    /** report.pdf, report.docx, report.html and the charts/ they show. */
    REPORT,
    /**
     * report.html alone (its charts inside it): the report as a browser shows it, without laying
     * out the PDF or writing the Word file, for a quick look while editing (with {@code run --watch}).
     */
    HTML,
    /** toc.svg, toc.png, toc.html and one toc-VIEW.svg per view. */
    DIAGRAM;

    /** Every part: a run without {@code --only}. */
    public static Set<Output> all() {
        return EnumSet.allOf(Output.class);
    }

    /** {@code parts} with the tables, which are always written. */
    public static Set<Output> withTables(Set<Output> parts) {
        EnumSet<Output> with = EnumSet.of(TABLES);
        with.addAll(parts);
        return with;
    }
}
