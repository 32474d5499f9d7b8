package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evident run --watch} as a user runs it: a JVM of its own watching a project in a temporary
 * folder, whose files this test changes for real (no mocks of the file system or of the clock).
 */
class WatchTest {
    @TempDir
    Path tmp;

    private static final String EVALUATION = """
            programme: Small programme
            reporting_date: 2025-04-13
            periods:
              quarters: { from: 2023-24 Q1, to: 2024-25 Q4 }
            sources:
              - { id: kpis, type: kpi, file: data/kpi.csv }
            """;

    /** The lines the watching process has printed so far (standard output and error together). */
    private final List<String> lines = new ArrayList<>();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void watch_reRunsOnAChange_printsAnErrorAndGoesOn_ignoresItsOwnOutputs_andStopsCleanly() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("evaluation.yaml"), EVALUATION);
        Files.writeString(project.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Reports on time, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: on-time, node: st, label: Reports on time, source: kpi, measure: KPI-1, target: 0.9, unit: share }
                """);
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/kpi.csv"), "kpi,period,numerator,denominator\nKPI-1,2023-24 Q1,9,10\n");
        // The output folder inside the project: its writes (and the history's) must not set off a run.
        Path out = project.resolve("out");
        Process watch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.evident.cli.Evident", "run",
                project.toString(), "--out", out.toString(), "--watch")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            awaitLine("run 1: [0-9.]+ s \\(CPU [0-9.]+ s\\), exit code 0");
            assertTrue(Files.readString(out.resolve("report.html")).contains("Small programme"));

            Files.writeString(project.resolve("evaluation.yaml"), EVALUATION.replace("Small programme", "Renamed programme"));
            awaitLine("run 2: .*exit code 0 \\(changed: evaluation.yaml\\)");
            assertTrue(Files.readString(out.resolve("report.html")).contains("Renamed programme"));

            // An unclosed flow sequence: the run fails as invalid input (exit code 3), and the watch goes on.
            Files.writeString(project.resolve("evaluation.yaml"), "programme: [Broken\n");
            awaitLine("run 3: .*exit code 3 \\(changed: evaluation.yaml\\)");
            assertTrue(printed().stream().anyMatch(l -> l.contains("evaluation.yaml:") && l.contains("error")), printed().toString());
            assertTrue(watch.isAlive());

            Files.writeString(project.resolve("evaluation.yaml"), EVALUATION);
            awaitLine("run 4: .*exit code 0 \\(changed: evaluation.yaml\\)");
            // A data file in a subfolder: 5 of 10 = 0.5, as written here.
            Files.writeString(project.resolve("data/kpi.csv"), "kpi,period,numerator,denominator\nKPI-1,2023-24 Q1,5,10\n");
            awaitLine("run 5: .*exit code 0 \\(changed: data/kpi.csv\\)");
            assertTrue(Files.readString(out.resolve("tables/kpis.csv")).contains("on-time,KPI-1,,2023-24 Q1,,5,10,0.5,"),
                    Files.readString(out.resolve("tables/kpis.csv")));

            // The runs wrote out/ and history/ inside the project: well past the quiet period, no run 6.
            Thread.sleep(3 * ProjectWatch.QUIET_MS + 2000);
            assertFalse(printed().stream().anyMatch(l -> l.startsWith("run 6")), printed().toString());
        } finally {
            // SIGTERM, as Ctrl-C ends the JVM: the shutdown hook runs. Through the handle, as Process.destroy
            // would also close the process's output before its last line is read.
            watch.toHandle().destroy();
            assertTrue(watch.waitFor(60, TimeUnit.SECONDS), "the watch stops");
            reader.join(10_000);
        }
        assertTrue(printed().stream().anyMatch(l -> l.equals("evident: stopped watching after 5 runs")), printed().toString());
        assertFalse(printed().stream().anyMatch(l -> l.contains("\tat ") || l.contains("Exception")), printed().toString());
    }

    private List<String> printed() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits (up to 5 minutes: the machine may be busy) for a line matching {@code regex}. */
    private void awaitLine(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        synchronized (lines) {
            while (lines.stream().noneMatch(l -> pattern.matcher(l).matches())) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    fail("no line matching " + regex + " in:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }
}
