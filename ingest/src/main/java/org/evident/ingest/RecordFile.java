package org.evident.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What one file of a records source gave: rows read and accepted, the rejects, and the
 * aggregates of what was accepted. The reading loop here is the one both engines run.
 */
final class RecordFile implements Serializable {
    private static final long serialVersionUID = 1L;

    final String file;
    long read;
    long accepted;
    final ArrayList<Reject> rejects = new ArrayList<>();
    /** What the reader noticed about the file as a whole (dates that look month-first). */
    final ArrayList<String> warnings = new ArrayList<>();
    final RecordAggregates aggregates;
    /** Parquet files up to this size are read into memory whole (two readers at once hold twice this). */
    private static final long PARQUET_IN_MEMORY = 64L << 20;

    /** The file as its reader read it (size, time, SHA-256 of the bytes parsed); null when the reader did not see every byte. */
    RecordStore.Fingerprint fingerprint;
    /** Why the file could not be read at all, with the row where that was found; null when it was read. */
    String error;
    long errorRow;
    /** The period of each date text accepted so far in this file, while it is read; see {@link RecordRules#check}. */
    private transient Map<String, Integer> periodOfDate;

    RecordFile(String file, RecordAggregates aggregates) {
        this.file = file;
        this.aggregates = aggregates;
    }

    Reconciliation reconciliation(String source) {
        return new Reconciliation(source, file, read, accepted, read - accepted);
    }

    /** The data files of a records source: the file itself, or the CSV and Parquet files directly in the folder, by name. */
    static List<Path> files(Path folderOrFile) throws IOException {
        if (Files.isRegularFile(folderOrFile)) {
            return List.of(folderOrFile);
        }
        if (!Files.isDirectory(folderOrFile)) {
            throw new java.nio.file.NoSuchFileException(folderOrFile.toString());
        }
        try (Stream<Path> children = Files.list(folderOrFile)) {
            // What is left out is named by the project check (a warning of evident validate and run).
            return children.filter(Files::isRegularFile).filter(org.evident.toc.RecordLayout::isDataFile)
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
    }

    static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Reads a CSV or Parquet file where this runs (in process, or in a Spark task); a file that
     * cannot be read at all comes back with {@link #error} set rather than as an exception, so that
     * either engine reports every such file, not only the first.
     */
    static RecordFile readOrExplain(RecordRules rules, Path path, String display, Map<String, List<String>> aliases)
            throws IOException {
        try {
            return read(rules, path, display, aliases);
        } catch (DataFileException e) {
            return failed(rules, display, e.getMessage(), e.row);
        } catch (java.nio.file.NoSuchFileException e) {
            return failed(rules, display, "does not exist", 0);
        }
    }

    private static RecordFile failed(RecordRules rules, String display, String error, long row) {
        RecordFile failed = new RecordFile(display, rules.newAggregates());
        failed.error = error;
        failed.errorRow = row;
        return failed;
    }

    private static RecordFile read(RecordRules rules, Path path, String display, Map<String, List<String>> aliases) throws IOException {
        if (isCsv(path) && Files.isRegularFile(path)) {
            RecordFile plain = PlainCsvRecords.read(rules, path, display, aliases);
            if (plain != null) {
                return plain;
            }
        }
        if (isParquet(path) && Files.isRegularFile(path) && Files.size(path) <= PARQUET_IN_MEMORY) {
            // Read whole, once: hashed for the store from these bytes, and decoded from memory.
            RecordStore.Hashing hashing = RecordStore.Fingerprint.hashing(path);
            byte[] bytes = Files.readAllBytes(path);
            hashing.update(bytes, 0, bytes.length);
            try (ParquetRows rows = ParquetRows.open(path, new ParquetRows.InMemory(bytes), rules.columns(), aliases)) {
                RecordFile result = aggregate(rules, display, rows.columns(), rows::forEach);
                result.fingerprint = hashing.done();
                return result;
            }
        }
        if (isParquet(path)) {
            try (ParquetRows rows = ParquetRows.open(path, rules.columns(), aliases)) {
                return aggregate(rules, display, rows.columns(), rows::forEach);
            }
        }
        return readTable(rules, path, display, aliases);
    }

    /** Reads a CSV (or other table) file through {@link TableFile}: any encoding, quoting and line ends. */
    static RecordFile readTable(RecordRules rules, Path path, String display, Map<String, List<String>> aliases)
            throws IOException {
        try (TableFile table = TableFile.open(path, Optional.empty())) {
            ColumnMap map = ColumnMap.resolve(path, table.headerRow(), table.header(), rules.columns(), aliases);
            RecordFile result = aggregate(rules, display, map, handler -> {
                try {
                    table.rows(handler);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (result.read == 0) {
                throw new DataFileException(path, table.headerRow(), "has a header row but no data rows");
            }
            result.warnings.addAll(map.warnings());
            result.warnings.addAll(table.warnings());
            return result;
        }
    }

    /** Checks every row that {@code rows} hands over. */
    static RecordFile aggregate(RecordRules rules, String display, ColumnMap map, Consumer<TableFile.RowHandler> rows) {
        RecordFile result = new RecordFile(display, rules.newAggregates());
        rows.accept((number, cells) -> result.accept(rules, map, number, cells));
        return result;
    }

    /** Checks one row of this file and counts it: the step both engines run for every record. */
    void accept(RecordRules rules, ColumnMap map, long number, List<String> cells) {
        Row row = new Row(rules.source(), file, number, cells, map);
        accept(rules, row, row.isBlank());
    }

    /** Checks {@code row}, which a reader has found {@code blank} or not. */
    void accept(RecordRules rules, Row row, boolean blank) {
        read++;
        boolean ok;
        if (blank) {
            row.reject("", "", "blank row", "a row with data, or no row");
            ok = false;
        } else {
            if (periodOfDate == null) {
                periodOfDate = new java.util.HashMap<>();
            }
            ok = rules.check(row, aggregates, periodOfDate);
        }
        if (ok) {
            accepted++;
        } else {
            rejects.addAll(row.rejects());
        }
    }
}
