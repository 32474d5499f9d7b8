package org.evident.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import org.evident.analysis.PublishedTable;

/**
 * Writes published tables as CSV that is the same byte for byte on every machine: UTF-8 without
 * a BOM, `\n` line endings, quotes only where needed, blank for a missing value, and numbers in
 * plain notation rounded to six decimal places with no trailing zeros (never the locale's
 * format, never scientific notation: {@link PublishedTable.Cell#csv()}).
 *
 * <p>CSV injection (OWASP's guidance): a text cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, and is not a plain number, is written with a single quote
 * in front ({@code '=1+2}), so a spreadsheet opening the file shows it as text instead of running
 * it as a formula. Numbers, counts, months and grades are never touched, negative numbers included;
 * the workbook needs none of this (its text cells are never formulas).
 */
public final class CsvTables {
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private CsvTables() {
    }

    /** A text cell as CSV writes it: quoted with {@code '} when a spreadsheet would take it for a formula. */
    static String text(String value) {
        if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** Writes each table as {@code <table name>.csv} in {@code folder}, creating the folder. */
    public static List<Path> write(List<PublishedTable> tables, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (PublishedTable table : tables) {
            Path file = folder.resolve(table.name() + ".csv");
            // RFC 4180, quoting only where a cell needs it, with \n line ends.
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8)) {
                csv.writeRecord(table.columnNames());
                List<String> cells = new ArrayList<>();
                for (List<PublishedTable.Cell> row : table.rows()) {
                    cells.clear();
                    for (PublishedTable.Cell cell : row) {
                        cells.add(cell instanceof PublishedTable.Text text ? text(text.value()) : cell.csv());
                    }
                    csv.writeRecord(cells);
                }
            }
            written.add(file);
        }
        return written;
    }
}
