package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes {@code personal_data.csv}: one line per piece of personal data found in free text and redacted, in
 * the order read, saying where it was (file, row, column, position in the cell) and what kind it was, never
 * what it said, so an analyst can open the input at that place and review it.
 */
public final class PersonalDataFile {
    static final String[] HEADER = {"file", "row", "column", "kind", "position"};

    private PersonalDataFile() {
    }

    /** Writes UTF-8 CSV with {@code \n} line ends, a header row even when nothing was found. */
    public static void write(List<PersonalDataFound> found, Path file) {
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8)) {
            csv.writeRecord(HEADER);
            for (PersonalDataFound f : found) {
                csv.writeRecord(f.file(), Long.toString(f.row()), f.column(), f.kind().csvName(), Integer.toString(f.position()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
