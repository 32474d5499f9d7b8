package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18's cases end to end: small projects that once crashed, lost data or wrote where they should not. */
class ReliabilityTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result evident(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Evident.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A project of one share KPI over eight quarters, from {@code rows} of kpi,period,numerator,denominator. */
    private Path kpiProject(String rows) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Small programme
                reporting_date: 2025-04-13
                periods:
                  quarters: { from: 2023-24 Q1, to: 2024-25 Q4 }
                sources:
                  - { id: kpis, type: kpi, file: data/kpi.csv }
                """);
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Reports on time, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: on-time, node: st, label: Reports on time, source: kpi, measure: KPI-1, target: 1.0, unit: share }
                """);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/kpi.csv"), "kpi,period,numerator,denominator\n" + rows);
        return dir;
    }

    private static String everyQuarter(String numeratorAndDenominator) {
        StringBuilder rows = new StringBuilder();
        for (String year : new String[] {"2023-24", "2024-25"}) {
            for (int q = 1; q <= 4; q++) {
                rows.append("KPI-1,").append(year).append(" Q").append(q).append(',').append(numeratorAndDenominator).append('\n');
            }
        }
        return rows.toString();
    }

    @Test
    void kpiMetAtOneHundredPercentEveryQuarter_drawsItsRunChart_andTheRunSucceeds() throws IOException {
        Path out = tmp.resolve("out");
        Result r = evident("run", kpiProject(everyQuarter("12,12")).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String svg = Files.readString(out.resolve("charts/run-chart-on-time.svg"));
        assertFalse(svg.contains("NaN"), "no coordinate is NaN");
        assertTrue(Files.size(out.resolve("charts/run-chart-on-time.png")) > 0);
        assertTrue(Files.readString(out.resolve("tables/run_charts.csv")).contains("on-time"));
    }

    @Test
    void projectFolderThatIsNotThere_andFolderWithoutEvaluationYaml_areBothUsageErrors_missingTocIsInvalidInput()
            throws IOException {
        assertEquals(2, evident("validate", tmp.resolve("nowhere").toString()).code());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result noYaml = evident("run", empty.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, noYaml.code(), noYaml.err());
        assertTrue(noYaml.err().contains("is not an evaluation project: it has no evaluation.yaml"), noYaml.err());
        Path project = kpiProject(everyQuarter("12,12"));
        Files.delete(project.resolve("toc.yaml"));
        Result noToc = evident("validate", project.toString());
        assertEquals(3, noToc.code(), noToc.err());
        assertTrue(noToc.err().contains("toc.yaml: error: missing: every evaluation project needs toc.yaml"), noToc.err());
    }

    @Test
    void fileSystemErrorWithoutAReason_isGivenOne_permissionDeniedAmongThem() {
        assertEquals(": permission denied", Evident.reason(new java.nio.file.AccessDeniedException("/p/data/x.csv")));
        assertEquals(": no such file or folder", Evident.reason(new java.nio.file.NoSuchFileException("/p/data/x.csv")));
        assertEquals("", Evident.reason(new java.nio.file.FileSystemException("/p", null, "Read-only file system")),
                "a reason the system gave is already in the message");
    }

    @Test
    void outOfMemory_isAPlainMessageWithAdvice_notAStackTrace() throws Exception {
        Path out = tmp.resolve("oom-out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), "org.evident.cli.Evident", "run",
                Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme").toString(), "--out", out.toString(),
                "--state", tmp.resolve("state").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), err);
        assertTrue(err.contains("evident: out of memory (the Java heap is "), err);
        assertTrue(err.contains("EVIDENT_JAVA_OPTS=-Xmx4g"), err);
        assertFalse(err.contains("\tat "), err);
    }

    /** Every file under {@code dir} with its size and modification time, to see that nothing was written. */
    private static java.util.Map<String, String> listing(Path dir) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "folder"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    @Test
    void readOnlyProject_runsWithAStateFolder_andNothingIsWrittenIntoIt() throws IOException {
        Path project = tmp.resolve("bcf");
        Path fixture = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme");
        try (java.util.stream.Stream<Path> all = Files.walk(fixture)) {
            for (Path p : all.toList()) {
                String relative = fixture.relativize(p).toString();
                if (relative.startsWith("aggregates") || relative.startsWith("history")) {
                    continue;
                }
                Path to = project.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        java.util.Map<String, String> before = listing(project);
        // Read-only as far as the file system can make it; running as root ignores that, so the
        // test's real check is that the project's listing is unchanged.
        try (java.util.stream.Stream<Path> all = Files.walk(project)) {
            all.forEach(p -> p.toFile().setWritable(false, false));
        }
        try {
            Path state = tmp.resolve("state");
            Result r = evident("run", project.toString(), "--out", tmp.resolve("out").toString(), "--state", state.toString());
            assertEquals(0, r.code(), r.err());
            Result explain = evident("explain", project.toString(), "--node", "st-confidence", "--state", state.toString());
            assertEquals(before, listing(project), "the project is as it was");
            assertTrue(Files.isDirectory(state.resolve("aggregates/discharges")), "the record store is in the state folder");
            assertTrue(Files.isDirectory(state.resolve("history")), "so is the history of grades");
            assertEquals(0, explain.code(), explain.err());
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(project)) {
                all.forEach(p -> p.toFile().setWritable(true, false));
            }
        }
    }

    @Test
    void explainHelp_saysWhatItWrites() {
        Result r = evident("explain", "--help");
        assertTrue(r.out().contains("writes only\nthe aggregates of a records source"), r.out());
        assertTrue(r.out().contains("--state=DIR"), r.out());
        assertFalse(r.out().contains("writes nothing"), r.out());
    }

    @Test
    void graphOut_refusesAnExistingFile_unlessReplace_andNeverAFileTheProjectReads() throws IOException {
        Path project = kpiProject(everyQuarter("12,12"));
        Path letter = Files.writeString(tmp.resolve("letter.svg"), "not a diagram of ours");
        Result refused = evident("graph", project.toString(), "--out", letter.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("--out " + letter + ": exists; add --replace to replace it (nothing was written)"),
                refused.err());
        assertEquals("not a diagram of ours", Files.readString(letter));

        Result replaced = evident("graph", project.toString(), "--out", letter.toString(), "--replace");
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(Files.readString(letter).contains("<svg"));

        Path toc = project.resolve("toc.yaml");
        String tocText = Files.readString(toc);
        Result own = evident("graph", project.toString(), "--format", "dot", "--out", toc.toString(), "--replace");
        assertEquals(2, own.code(), own.err());
        assertTrue(own.err().contains("is a file the project is read from"), own.err());
        assertEquals(tocText, Files.readString(toc));
        assertEquals(2, evident("graph", project.toString(), "--out", tmp.toString(), "--replace").code(), "a folder");
    }

    @Test
    void dataWarnings_areWrittenToDataGaps_notOnlyPrinted() throws IOException {
        Path project = kpiProject(everyQuarter("12,12").replace(",12\n", ",12,0.9\n"));
        Files.writeString(project.resolve("data/kpi.csv"), Files.readString(project.resolve("data/kpi.csv"))
                .replace("denominator\n", "denominator,targets\n"));
        Path out = tmp.resolve("out");
        Result r = evident("run", project.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String warning = "data/kpi.csv:1:0: warning: column 'targets' is not one Evident reads, and the optional column"
                + " 'target' is missing";
        assertTrue(r.err().contains(warning), r.err());
        String gaps = Files.readString(out.resolve("data_gaps.txt"));
        assertTrue(gaps.contains("warnings about the data files:\n" + warning), gaps);
    }
}
