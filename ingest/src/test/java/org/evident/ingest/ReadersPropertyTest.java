package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;

/**
 * The CSV and XLSX readers under random and mutated input (the worked example's tracker, changed
 * byte by byte): every file either reads with rows read = accepted + rejected, each rejected row
 * with its reasons, or stops with errors that name the file; never another exception, never a
 * hang. 200 tries each in the build; more with {@code -Djqwik.tries.default=N} (README).
 */
class ReadersPropertyTest {
    private static final Path TRACKER = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme", "data",
            "tracker.csv");
    /** What breaks readers: separators, quotes, line ends, NUL, stray Latin-1 and UTF-8 bytes, formulas, odd numbers and dates. */
    private static final List<String> TOKENS = List.of(",", ";", "\"", "\n", "\r\n", "\r", "\0", "\u00e9", "=1+2", "1.5e308",
            "0x1p-1", "0.8d", "03/25/2024", "31/02/2024", "-1", "\uFEFF", "\t", "completed", "a".repeat(5000), "\"\"\"");

    private static byte[] seed() {
        try {
            return Files.readAllBytes(TRACKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} random edits of {@code bytes}: a byte changed, a token put in, a stretch cut, a line doubled, the end cut. */
    static byte[] mutate(byte[] bytes, long seed, int count) {
        Random random = new Random(seed);
        byte[] b = bytes;
        for (int i = 0; i < count && b.length > 0; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> {
                    b = b.clone();
                    b[at] = (byte) random.nextInt(256);
                }
                case 1, 2 -> {
                    byte[] token = TOKENS.get(random.nextInt(TOKENS.size()))
                            .getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                    b = splice(b, at, at, token);
                }
                case 3 -> b = splice(b, at, Math.min(b.length, at + random.nextInt(60)), new byte[0]);
                case 4 -> {
                    int start = lastNewline(b, at);
                    int end = nextNewline(b, at);
                    b = splice(b, end, end, java.util.Arrays.copyOfRange(b, start, end));
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    private static int lastNewline(byte[] b, int at) {
        while (at > 0 && b[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    private static int nextNewline(byte[] b, int at) {
        while (at < b.length && b[at] != '\n') {
            at++;
        }
        return Math.min(b.length, at + 1);
    }

    /**
     * Reads the project in {@code dir} (its tracker in {@code file}) and checks the promise: a
     * result in which no row is lost, or errors naming the file; within 20 seconds.
     */
    private static void readsOrNamesTheFile(Path dir, String file) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            IngestResult result;
            try {
                result = new TestProject(dir).ingest();
            } catch (InvalidProjectException e) {
                for (Problem p : e.problems()) {
                    assertTrue(p.file().endsWith(file), () -> "an error that does not name " + file + ": " + p);
                }
                return;
            }
            for (Reconciliation r : result.reconciliations()) {
                assertEquals(r.read(), r.accepted() + r.rejected(), r::toString);
                long rejectedRows = result.rejects().stream().filter(x -> x.file().equals(r.file()))
                        .map(Reject::row).collect(Collectors.toSet()).size();
                assertEquals(r.rejected(), rejectedRows, () -> "every rejected row has its reasons in rejects: " + r);
            }
        });
    }

    @Property
    void mutatedCsv_readsWithNoRowLost_orStopsNamingTheFile(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int edits)
            throws IOException {
        Path dir = Files.createTempDirectory("evident-property");
        try {
            new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.csv }")
                    .bytes("data/tracker.csv", mutate(seed(), seed, edits));
            readsOrNamesTheFile(dir, "data/tracker.csv");
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<String>> cells() {
        return Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("P1", "local", "universal", "completed", "active", "North West", "2024-05-10", "12"))
                .list().ofMaxSize(60);
    }

    @Property
    void randomXlsx_readsWithNoRowLost_orStopsNamingTheFile(@ForAll("cells") List<String> cells,
                                                            @ForAll @IntRange(min = 1, max = 8) int width,
                                                            @ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int edits)
            throws IOException {
        Path dir = Files.createTempDirectory("evident-property");
        try {
            Path file = dir.resolve("data/tracker.xlsx");
            Files.createDirectories(file.getParent());
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = workbook.createSheet("Tracker");
                String[] header = {"project_id", "offer", "stage", "local_system", "region", "completed_date", "notes", "x"};
                Row first = sheet.createRow(0);
                for (int c = 0; c < width; c++) {
                    first.createCell(c).setCellValue(header[c]);
                }
                for (int i = 0; i < cells.size(); i++) {
                    Row row = sheet.getRow(1 + i / width) != null ? sheet.getRow(1 + i / width) : sheet.createRow(1 + i / width);
                    // Characters XML cannot hold are not text a spreadsheet could have.
                    row.createCell(i % width).setCellValue(cells.get(i).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
                }
                workbook.write(out);
            }
            if (edits > 0) {
                Files.write(file, mutate(Files.readAllBytes(file), seed, edits));
            }
            new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx }");
            readsOrNamesTheFile(dir, "data/tracker.xlsx");
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
