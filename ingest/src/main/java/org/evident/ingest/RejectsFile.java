package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes rejects as {@code rejects.csv}: one line per problem, in the order the rows were read. */
public final class RejectsFile {
    static final String[] HEADER = {"source", "file", "row", "column", "value", "reason", "expected"};

    private RejectsFile() {
    }

    /** Writes UTF-8 CSV with {@code \n} line ends, a header row even when there are no rejects. */
    public static void write(List<Reject> rejects, Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Reject r : rejects) {
                printer.printRecord(r.source(), r.file(), r.row(), r.column(), r.value(), r.reason(), r.expected());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
