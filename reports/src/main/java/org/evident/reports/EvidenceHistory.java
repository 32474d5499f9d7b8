package org.evident.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import org.evident.analysis.Assessment;
import org.evident.toc.Grade;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;

/**
 * Dated snapshots of the evidence grades, one file per assessment date
 * ({@code evidence-YYYY-MM-DD.csv}), so that each run can say what changed since the last. An
 * earlier date's snapshot is never overwritten; running the same assessment date again replaces
 * only that date's file. A snapshot holds each grade by its file name (limited, some, strongest),
 * not its label, so rewording a label does not change what a stored snapshot says.
 */
public final class EvidenceHistory {
    private static final Pattern NAME = Pattern.compile("evidence-(\\d{4}-\\d{2}-\\d{2})\\.csv");

    /** A snapshot's columns: one row per outcome and assessment period, in period order per outcome. */
    static final List<String> COLUMNS = List.of("node", "period", "grade", "rule");

    /** How one kind of snapshot names its grades: its header, and the grade each name in its grade column stands for. */
    private record Format(List<String> header, Function<String, Optional<Optional<Grade>>> grade, String expected) {
    }

    /** A grade by its name, or "not-yet-assessed" (no grade): empty only for a name that is neither. */
    private static final Format BY_NAME = new Format(COLUMNS,
            name -> name.equals(Grade.NOT_YET_ASSESSED_FILE_NAME) ? Optional.of(Optional.<Grade>empty())
                    : Grade.fromFileName(name).map(Optional::of),
            Grade.fileNames(", ") + ", " + Grade.NOT_YET_ASSESSED_FILE_NAME);

    /**
     * A snapshot written before grades were stored by name: the evidence table itself, each grade
     * as its label then. The labels are fixed here, whatever {@link Grade#label()} says now.
     */
    private static final Format BY_LABEL = new Format(List.of("node", "label", "stage", "period", "grade", "rule", "supporting",
            "contradicting", "supporting_methods", "methods", "items", "posterior"),
            label -> Optional.ofNullable(Map.of("Limited or no evidence", Grade.LIMITED, "Some evidence", Grade.SOME,
                    "Strongest evidence", Grade.STRONGEST).get(label)).map(Optional::of),
            "a grade label of the evidence table: Limited or no evidence, Some evidence, Strongest evidence");

    /** An earlier snapshot: its date, and each node's grade in its latest period (empty: not yet assessed). */
    public record Snapshot(LocalDate date, Map<String, Optional<Grade>> latestGrades) {
        public Snapshot {
            latestGrades = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latestGrades));
        }
    }

    private EvidenceHistory() {
    }

    /**
     * The most recent snapshot dated before {@code date}, if there is one.
     *
     * @throws InvalidProjectException when that snapshot cannot be read as one: every problem, with its line
     */
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
        return Optional.of(new Snapshot(latest.get(), latestGrades(folder.resolve(fileName(latest.get())))));
    }

    /**
     * Each node's grade in its latest period (its last row) in one snapshot. A snapshot with the
     * evidence table's columns, as written before grades were stored by file name, is read by
     * its grade labels.
     *
     * @throws InvalidProjectException naming the file and line of every row that is not as written, such as an
     *                                 unknown grade or a missing cell; nothing is skipped
     */
    static Map<String, Optional<Grade>> latestGrades(Path file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Map<String, Optional<Grade>> grades = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> rows = csv.iterator();
            Optional<CsvRecord> first = rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
            List<String> header = first.map(CsvRecord::getFields).orElse(List.of());
            Optional<Format> format = Stream.of(BY_NAME, BY_LABEL).filter(f -> f.header().equals(header)).findFirst();
            if (header.isEmpty()) {
                problems.add(error(file, 0, "is empty; expected the header '" + String.join(",", COLUMNS) + "' and a row per"
                        + " outcome and period"));
            } else if (format.isEmpty()) {
                problems.add(error(file, line(first.get()), "the header is '" + String.join(",", header) + "'; expected '"
                        + String.join(",", COLUMNS) + "' (or the evidence table's header, in a snapshot written before"
                        + " grades were stored by name)"));
            }
            while (format.isPresent() && rows.hasNext()) {
                CsvRecord row = rows.next();
                int line = line(row);
                if (row.getFieldCount() != header.size()) {
                    problems.add(error(file, line, "has " + row.getFieldCount() + " cells; expected " + header.size() + " ("
                            + String.join(",", header) + ")"));
                    continue;
                }
                String node = row.getField(header.indexOf("node"));
                String text = row.getField(header.indexOf("grade"));
                Optional<Optional<Grade>> grade = format.get().grade().apply(text);
                if (node.isEmpty()) {
                    problems.add(error(file, line, "no node; expected a node id"));
                } else if (grade.isEmpty()) {
                    problems.add(error(file, line, (text.isEmpty() ? "no grade" : "unknown grade '" + text + "'")
                            + "; expected " + format.get().expected()));
                } else {
                    // Rows are in period order per node, so the last row of a node is its latest period.
                    grades.put(node, grade.get());
                }
            }
        } catch (CsvParseException e) {
            problems.add(error(file, 0, "cannot be read as CSV: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProjectException(problems);
        }
        return grades;
    }

    private static int line(CsvRecord row) {
        return (int) Math.min(row.getStartingLineNumber(), Integer.MAX_VALUE);
    }

    private static Problem error(Path file, int line, String message) {
        return new Problem(Problem.Severity.ERROR, file.toString(), line, 0, "evidence history: " + message);
    }

    /** Writes the snapshot of {@code evidence} for {@code date}, replacing only that date's file, atomically. */
    public static Path write(Path folder, LocalDate date, List<Assessment> evidence) throws IOException {
        Files.createDirectories(folder);
        Path staging = Files.createTempDirectory(folder, ".snapshot-");
        Path written = staging.resolve(fileName(date));
        try {
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(written, StandardCharsets.UTF_8)) {
                csv.writeRecord(COLUMNS);
                for (Assessment a : evidence) {
                    csv.writeRecord(a.node(), a.period(), a.grade().map(Grade::fileName).orElse(Grade.NOT_YET_ASSESSED_FILE_NAME),
                            a.rule().id());
                }
            }
            Path target = folder.resolve(fileName(date));
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(written);
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
