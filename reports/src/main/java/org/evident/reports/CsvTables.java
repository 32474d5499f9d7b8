package org.evident.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumberColumn;

/**
 * Writes tables as CSV that is the same byte for byte on every machine: UTF-8 without a BOM,
 * `\n` line endings, quotes only where needed, blank for a missing value, and numbers in plain
 * notation rounded to six decimal places with no trailing zeros (never the locale's format,
 * never scientific notation).
 */
public final class CsvTables {
    /** Decimal places kept: enough for a share to 0.0001% and for a small p-value. */
    static final int DECIMALS = 6;

    private CsvTables() {
    }

    /** Writes each table as {@code <table name>.csv} in {@code folder}, creating the folder. */
    public static List<Path> write(List<Table> tables, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Table table : tables) {
            Path file = folder.resolve(table.name() + ".csv");
            // RFC 4180, quoting only where a cell needs it, with \n line ends.
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8)) {
                csv.writeRecord(table.columnNames());
                List<String> cells = new ArrayList<>();
                for (int row = 0; row < table.rowCount(); row++) {
                    cells.clear();
                    for (Column<?> column : table.columns()) {
                        cells.add(cell(column, row));
                    }
                    csv.writeRecord(cells);
                }
            }
            written.add(file);
        }
        return written;
    }

    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof NumberColumn<?, ?> number) {
            double value = number.getDouble(row);
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            String text = new BigDecimal(Double.toString(value)).setScale(DECIMALS, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
            return text.equals("-0") ? "0" : text;
        }
        return column.getString(row);
    }
}
