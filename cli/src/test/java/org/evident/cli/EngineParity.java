package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.ingest.RecordEngine;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.reports.CsvTables;
import org.evident.toc.EvaluationProject;

/** Runs a project through either engine and compares what comes out, byte for byte. */
final class EngineParity {
    private EngineParity() {
    }

    /** What one engine gave: the analysis tables written as CSV into {@code folder}, and the ingest's accounting. */
    record Tables(Path folder, List<Reject> rejects, List<Reconciliation> reconciliations) {
        long rowsRead() {
            return reconciliations.stream().mapToLong(Reconciliation::read).sum();
        }

        long rejectedRows() {
            return reconciliations.stream().mapToLong(Reconciliation::rejected).sum();
        }
    }

    /** Copies a project without what runs leave in it (history, stored aggregates). */
    static Path copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path relative = from.relativize(p);
                if (relative.startsWith("history") || relative.startsWith("aggregates")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(relative.toString()));
                } else {
                    Files.copy(p, to.resolve(relative.toString()));
                }
            }
        }
        return to;
    }

    /** `evident run` in this JVM; returns what it printed on standard error, failing unless it exits 0. */
    static String run(Path project, Path out, String... options) {
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(Stream.of("run", project.toString(), "--out", out.toString()), Stream.of(options))
                .toArray(String[]::new);
        int code = Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return err.toString();
    }

    /** Reads and analyses a project with {@code engine}, writing the analysis tables as CSV. */
    static Tables tables(Path project, RecordEngine engine, Path folder) throws IOException {
        EvaluationProject opened = EvaluationProject.open(project);
        IngestResult data = Ingest.read(opened, Pseudonymiser.withKey("engine parity test key"), line -> { }, engine);
        AnalysisResult analysis = Analysis.run(opened, data);
        CsvTables.write(analysis.publishedTables(), folder.resolve("tables"));
        return new Tables(folder, data.rejects(), data.reconciliations());
    }

    /** Removes the stored aggregates and evidence history, so the next run starts as the first did. */
    static void forgetStoredAggregates(Path project) throws IOException {
        for (String folder : List.of("aggregates", "history")) {
            Path p = project.resolve(folder);
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
    }

    /** Points the project's record-level source at another folder (the same rows in another format). */
    static void readRecordsFrom(Path project, String folder) throws IOException {
        Path yaml = project.resolve("evaluation.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("file: data/discharges\\b", "file: " + folder);
        assertEquals(false, changed.equals(text), "evaluation.yaml names data/discharges");
        Files.writeString(yaml, changed, StandardCharsets.UTF_8);
    }

    /** The CSV tables, rejects.csv and data_gaps.txt of two output folders are the same files with the same bytes. */
    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        List<Path> names = compared(expected);
        assertEquals(names, compared(actual));
        for (Path name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name.toString())), Files.readAllBytes(actual.resolve(name.toString())),
                    name + " differs between " + expected + " and " + actual);
        }
    }

    private static List<Path> compared(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize)
                    .filter(p -> p.startsWith("tables") || p.toString().equals("rejects.csv") || p.toString().equals("data_gaps.txt"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
