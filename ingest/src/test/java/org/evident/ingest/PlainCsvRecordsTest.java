package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level reader of plain record files against the reference it replaces on them, the
 * FastCSV reader ({@link RecordFile#readTable}): the same rows read and accepted, the same rejects
 * (file, row, column, value, reason, expected) in the same order, the same aggregates and
 * warnings; and the fingerprint it makes while reading equals the one made by reading the file
 * again. Files that are not plain are left to the reference (read returns null).
 */
class PlainCsvRecordsTest {
    @TempDir
    Path dir;

    private RecordRules rules() {
        new TestProject(dir).toc(RecordsTest.TOC).evaluation(RecordsTest.SOURCE);
        EvaluationProject project = EvaluationProject.open(dir);
        Source source = project.evaluation().sources().stream().filter(s -> s.records().isPresent()).findFirst().orElseThrow();
        return new RecordRules(source, project.evaluation());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Reads {@code file} both ways and checks they agree; returns the byte-level result. */
    private static RecordFile sameAsReference(RecordRules rules, Path file) throws IOException {
        RecordFile plain = PlainCsvRecords.read(rules, file, "data/x.csv", Map.of());
        assertNotNull(plain, "read as plain: " + file);
        RecordFile reference = RecordFile.readTable(rules, file, "data/x.csv", Map.of());
        assertEquals(reference.read, plain.read);
        assertEquals(reference.accepted, plain.accepted);
        assertEquals(reference.rejects, plain.rejects);
        assertEquals(reference.warnings, plain.warnings);
        assertEquals(sorted(reference.aggregates), sorted(plain.aggregates));
        assertEquals(RecordStore.Fingerprint.of(file), plain.fingerprint);
        return plain;
    }

    private static List<RecordAggregates.Cell> sorted(RecordAggregates a) {
        return a.cells().stream().sorted(Comparator.comparing(RecordAggregates.Cell::toString)).toList();
    }

    @Test
    void plainFiles_giveTheReferencesRowsRejectsAndAggregates_withLfCrlfSemicolonsAndSpaces() throws IOException {
        RecordRules rules = rules();
        // RecordsTest.B: 9 rows, 2 accepted; rejected (hand-counted there) rows 3 (no area), 4 (Narnia), 5 (a 2023
        // date), 6 (age abc), 7 (a negative stay), 8 (no destination), 10 (after the reporting date).
        RecordFile b = sameAsReference(rules, write("b.csv", RecordsTest.B.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(9, b.read);
        assertEquals(2, b.accepted);
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 10L), b.rejects.stream().map(Reject::row).toList());
        sameAsReference(rules, write("crlf.csv", RecordsTest.B.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
        sameAsReference(rules, write("semi.csv", RecordsTest.B.replace(',', ';').getBytes(StandardCharsets.US_ASCII)));
        sameAsReference(rules, write("spaces.csv", RecordsTest.B.replace(",", " , ").getBytes(StandardCharsets.US_ASCII)));
        // No line end after the last row; a short row and a long one; a month-first date in a column the rules do not read.
        String odd = RecordsTest.A.strip() + "\n7,E1,North East\n8,E1,North East,2024-04-11,70,usual_residence,3,extra,cells"
                + "\n03/25/2024,E1,North East,2024-04-12,70,usual_residence,3";
        RecordFile o = sameAsReference(rules, write("odd.csv", odd.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, o.warnings.size(), o.warnings.toString());
        assertTrue(o.warnings.get(0).startsWith("column 'record_id': 1 date has a second field above 12"), o.warnings.get(0));
    }

    @Test
    void filesThatAreNotPlain_areLeftToTheFullReader() throws IOException {
        RecordRules rules = rules();
        String a = RecordsTest.A;
        for (String text : List.of(a.replace("E3,London", "\"E3\",London"), a.replace("usual_residence,1", "usual_résidence,1"),
                a.replace("\n4,", "\n\n4,"), a.replace("\n4,", "\n,,,,,,\n4,"), a.replace("\n4,", "\r4,"), "\uFEFF" + a,
                a.lines().findFirst().orElseThrow() + "\n", "", "record_id,area\n1,E1\n", a.replace("\n4,", "\n\0" + "4,"))) {
            Path file = write("n.csv", text.getBytes(StandardCharsets.UTF_8));
            assertNull(PlainCsvRecords.read(rules, file, "data/n.csv", Map.of()), text);
        }
        Path blank = write("blank.csv", a.replace("\n4,", "\n\n4,").getBytes(StandardCharsets.UTF_8));
        RecordFile full = RecordFile.readOrExplain(rules, blank, "data/blank.csv", Map.of());
        assertEquals("blank row", full.rejects.get(0).reason());
        assertNull(full.fingerprint, "the full reader leaves the hash to the store");
    }

    @Test
    void longFile_acrossManyBlocks_andLongLines_agreeWithTheReference() throws IOException {
        RecordRules rules = rules();
        StringBuilder b = new StringBuilder("record_id,area_code,region,discharge_date,age,destination,length_of_stay,note\n");
        Random random = new Random(7);
        for (int i = 0; i < 60_000; i++) {
            b.append(i).append(",E").append(random.nextInt(40)).append(random.nextInt(50) == 0 ? ",Narnia" : ",London")
                    .append(",2024-").append(String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .append(',').append(random.nextInt(100)).append(random.nextBoolean() ? ",usual_residence," : ",care_home,")
                    .append(random.nextInt(60)).append(',').append(i % 9_000 == 0 ? "x".repeat(3_000_000) : "n").append('\n');
        }
        RecordFile r = sameAsReference(rules, write("long.csv", b.toString().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(60_000, r.read);
        assertFalse(r.rejects.isEmpty());
    }

    /** Random plain files: cells drawn from values that pass and values each rule rejects. */
    @Property(tries = 100)
    void randomPlainFiles_agreeWithTheReference(@ForAll long seed) throws IOException {
        Path folder = Files.createTempDirectory("plain-csv");
        try {
            dir = folder;
            RecordRules rules = rules();
            Random random = new Random(seed);
            String[][] pool = {
                    {"1", "2", "x", " 3 ", ""},
                    {"E1", "E2", " E3", "", "E1 "},
                    {"North East", "London", "Narnia", "", " London"},
                    {"2024-04-10", "2024-13-01", "31/12/2024", "03/25/2024", "2023-01-01", "2025-05-16", "", "yesterday", "2024-4-1"},
                    {"70", "64", "65", "abc", "-1", "", "65.5", "1e3"},
                    {"usual_residence", "care_home", "", " usual_residence"},
                    {"0", "21", "2.5", "-2", "abc", "", "1e400", "NaN"}};
            StringBuilder text = new StringBuilder("record_id,area_code,region,discharge_date,age,destination,length_of_stay");
            String end = random.nextBoolean() ? "\n" : "\r\n";
            for (int row = 0, rows = 1 + random.nextInt(40); row < rows; row++) {
                text.append(end);
                int cells = random.nextInt(10) == 0 ? 1 + random.nextInt(9) : 7;
                for (int c = 0; c < cells; c++) {
                    String[] values = pool[Math.min(c, pool.length - 1)];
                    text.append(c == 0 ? "" : ",").append(c == 0 ? "r" + row : values[random.nextInt(values.length)]);
                }
            }
            if (random.nextBoolean()) {
                text.append(end);
            }
            sameAsReference(rules, write("random.csv", text.toString().getBytes(StandardCharsets.US_ASCII)));
        } finally {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
