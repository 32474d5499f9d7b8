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
 */
public final class CsvTables {
    private CsvTables() {
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
                        cells.add(cell.csv());
                    }
                    csv.writeRecord(cells);
                }
            }
            written.add(file);
        }
        return written;
    }
}
