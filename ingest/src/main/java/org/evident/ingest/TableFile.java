package org.evident.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CSV or XLSX file read as a header and a stream of rows, one row in memory at a time.
 * Row numbers are the ones a user sees: the header is row 1 of a CSV file and the sheet's own
 * row number in a workbook.
 */
interface TableFile extends AutoCloseable {

    /** Receives each data row. */
    @FunctionalInterface
    interface RowHandler {
        void row(long rowNumber, List<String> cells);
    }

    /** The header cells as written, in file order. */
    List<String> header();

    /** The row number of the header, for messages. */
    long headerRow();

    /** Streams every row after the header; blank rows are passed on too, so that none is lost. */
    void rows(RowHandler handler) throws IOException;

    /** What the reader noticed about the file as a whole that the user should know (a hidden sheet read, say). */
    default List<String> warnings() {
        return List.of();
    }

    @Override
    void close() throws IOException;

    static TableFile open(Path file, Optional<String> sheet) throws IOException {
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
            // A device such as /dev/zero would be read for ever.
            throw new DataFileException(file, 0, "is not a regular file (a device, pipe or socket); expected a data file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XlsxTableFile.open(file, sheet);
        }
        if (name.endsWith(".xls")) {
            throw new DataFileException(file, 0, "is an old .xls workbook; save it as .xlsx or .csv");
        }
        return CsvTableFile.open(file);
    }
}
