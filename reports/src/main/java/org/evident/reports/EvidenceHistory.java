package org.evident.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import org.evident.analysis.PublishedTable;

/**
 * Dated snapshots of the evidence table, one file per assessment date
 * ({@code evidence-YYYY-MM-DD.csv}), so that each run can say what changed since the last. An
 * earlier date's snapshot is never overwritten; running the same assessment date again replaces
 * only that date's file.
 */
public final class EvidenceHistory {
    private static final Pattern NAME = Pattern.compile("evidence-(\\d{4}-\\d{2}-\\d{2})\\.csv");

    /** An earlier snapshot: its date, and each node's grade in its latest period. */
    public record Snapshot(LocalDate date, Map<String, String> latestGrades) {
    }

    private EvidenceHistory() {
    }

    /** The most recent snapshot dated before {@code date}, if there is one. */
    public static Optional<Snapshot> before(Path folder, LocalDate date) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Optional<LocalDate> latest;
        try (Stream<Path> files = Files.list(folder)) {
            latest = files.map(p -> dateOf(p.getFileName().toString())).flatMap(Optional::stream).filter(d -> d.isBefore(date))
                    .max(LocalDate::compareTo);
        }
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> grades = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> rows = CsvReader.builder().ofNamedCsvRecord(folder.resolve(fileName(latest.get())),
                StandardCharsets.UTF_8)) {
            // Rows are in period order per node, so the last row of a node is its latest period.
            for (NamedCsvRecord row : rows) {
                grades.put(row.getField("node"), row.getField("grade"));
            }
        }
        return Optional.of(new Snapshot(latest.get(), grades));
    }

    /** Writes the snapshot for {@code date}, replacing only that date's file, atomically. */
    public static Path write(Path folder, LocalDate date, PublishedTable evidence) throws IOException {
        Files.createDirectories(folder);
        Path staging = Files.createTempDirectory(folder, ".snapshot-");
        try {
            Path written = CsvTables.write(List.of(new PublishedTable("evidence-" + date, evidence.title(), evidence.columns(),
                    evidence.rows())), staging).get(0);
            Path target = folder.resolve(fileName(date));
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(staging.resolve(fileName(date)));
            Files.deleteIfExists(staging);
        }
    }

    static String fileName(LocalDate date) {
        return "evidence-" + date + ".csv";
    }

    private static Optional<LocalDate> dateOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
