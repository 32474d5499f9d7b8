package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/** Writes rejects as {@code rejects.csv}: one line per problem, in the order the rows were read. */
public final class RejectsFile {
    static final String[] HEADER = {"source", "file", "row", "column", "value", "reason", "expected"};

    private RejectsFile() {
    }

    /** Writes UTF-8 CSV with {@code \n} line ends, a header row even when there are no rejects. */
    public static void write(List<Reject> rejects, Path file) {
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8)) {
            csv.writeRecord(HEADER);
            for (Reject r : rejects) {
                csv.writeRecord(r.source(), r.file(), Long.toString(r.row()), r.column(), r.value(), r.reason(), r.expected());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
