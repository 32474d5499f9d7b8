package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook whose compressed sheet data is damaged (cut short or altered in transit): found by
 * ReadersPropertyTest's random edits, where it failed the run as an unreadable file (exit 1)
 * instead of naming the file as invalid input (exit 3).
 */
class DamagedXlsxTest {
    @TempDir
    Path dir;

    @Test
    void damagedCompressedSheet_isAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("data/tracker.xlsx");
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Tracker");
            String[] header = {"project_id", "offer", "stage", "local_system", "region"};
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 3000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("P" + r);
                row.createCell(1).setCellValue(r % 2 == 0 ? "local" : "universal");
                row.createCell(2).setCellValue("completed");
                row.createCell(3).setCellValue("System " + (r % 97));
                row.createCell(4).setCellValue("North West");
            }
            workbook.write(out);
        }
        byte[] original = Files.readAllBytes(file);
        // Eight bytes of the sheet's compressed data overwritten, at 45 places from its start, with
        // 0x00 and with 0xFF: each either still reads (the damage fell in literal text, and the rows
        // are checked as usual) or stops with an error naming the file; never an unreadable-file
        // failure. At 534 bytes from the entry's name, zeros make a back-reference the inflater
        // cannot follow ("invalid distance too far back", as the property test found).
        int name = indexOf(original, "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.US_ASCII));
        int damaged = 0;
        for (int at = name + 40; at < name + 1200; at += 26) {
            for (int pattern : new int[] {0x00, 0xFF}) {
                byte[] bytes = original.clone();
                for (int i = 0; i < 8; i++) {
                    bytes[at + i] = (byte) pattern;
                }
                Files.write(file, bytes);
                new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx }");
                try {
                    new TestProject(dir).ingest();
                } catch (InvalidProjectException e) {
                    assertEquals(1, e.problems().size(), e.problems().toString());
                    Problem p = e.problems().get(0);
                    assertTrue(p.file().endsWith("data/tracker.xlsx"), p.toString());
                    if (p.message().startsWith("is damaged: its compressed data cannot be unpacked")) {
                        damaged++;
                    }
                }
            }
        }
        assertTrue(damaged >= 1, "at least one of the edits (534 bytes in, zeros) damages the compressed data itself");
    }

    private static int indexOf(byte[] b, byte[] what) {
        return indexOf(b, what, 0);
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return b.length;
    }
}
