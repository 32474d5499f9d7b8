package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file formats: encodings, separators, header matching, XLSX, and files that cannot be read. */
class ReadersTest {
    private static final String TRACKER_SOURCE = "- { id: tracker, type: tracker, file: data/tracker.csv }";

    @TempDir
    Path dir;

    private TestProject project() {
        return new TestProject(dir).evaluation(TRACKER_SOURCE);
    }

    private static TrackerProject only(IngestResult result) {
        assertEquals(List.of(), result.rejects());
        assertEquals(1, result.projects().size());
        return result.projects().get(0);
    }

    @Test
    void utf8WithByteOrderMark_findsTheFirstColumn() {
        byte[] text = "project_id,offer,stage,local_system,region\nP1,local,active,Wirral,North West\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        TrackerProject p = only(project().bytes("data/tracker.csv", withBom).ingest());
        assertEquals("P1", p.projectId());
    }

    @Test
    void windows1252AsExcelSavesIt_isDecodedRight() {
        TrackerProject p = only(project().write("data/tracker.csv",
                "project_id,offer,stage,local_system,region,support_type\nP1,local,active,Wirral,North West,Café réview – phase 2\n",
                Charset.forName("windows-1252")).ingest());
        assertEquals(Optional.of("Café réview – phase 2"), p.supportType());
    }

    @Test
    void semicolonSeparated_withDecimalsAndQuotes() {
        TrackerProject p = only(project().write("data/tracker.csv",
                "project_id;offer;stage;local_system;region;support_type\nP1;local;active;\"Bath; NE Somerset\";South West;Review\n").ingest());
        assertEquals(Optional.of("Bath; NE Somerset"), p.localSystem());
    }

    @Test
    void headersMatchByNameIgnoringCaseSpacesAndOrder_andAliasesFromEvaluationYaml() {
        IngestResult result = new TestProject(dir).evaluation("""
                - id: tracker
                  type: tracker
                  file: data/tracker.csv
                  columns:
                    project_id: [Project ref]
                """).write("data/tracker.csv", "Region, STAGE ,Local-System,Offer,Project Ref\nNorth West,Active,Wirral,Local,P9\n").ingest();
        TrackerProject p = only(result);
        assertEquals("P9", p.projectId());
        assertEquals(TrackerProject.Stage.ACTIVE, p.stage());
        assertEquals(Optional.of("North West"), p.region());
    }

    @Test
    void missingRequiredColumn_isAnErrorNamingTheFileAndTheColumnsThatAreThere() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project()
                .write("data/tracker.csv", "id,offer,stage\nP1,local,active\n").ingest());
        Problem p = e.problems().get(0);
        assertEquals("data/tracker.csv", p.file());
        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("has no column 'project_id'"), p.message());
        assertTrue(p.message().endsWith("the columns are 'id', 'offer', 'stage'"), p.message());
    }

    @Test
    void emptyFile_isAnError() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project().write("data/tracker.csv", "").ingest());
        assertEquals("data/tracker.csv: error: is empty; expected a header row and data rows", e.problems().get(0).toString());
    }

    @Test
    void headerOnlyFile_isAnError() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project()
                .write("data/tracker.csv", "project_id,offer,stage\n").ingest());
        assertEquals("data/tracker.csv:1:0: error: has a header row but no data rows", e.problems().get(0).toString());
    }

    @Test
    void missingFile_isAnErrorNamingTheSource() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project().ingest());
        assertEquals("data/tracker.csv: error: does not exist (source 'tracker' in evaluation.yaml)", e.problems().get(0).toString());
    }

    @Test
    void quotedLineBreak_keepsRowNumbersAsASpreadsheetShowsThem() {
        IngestResult result = project().write("data/tracker.csv",
                "project_id,offer,stage,closure_reason\nP1,universal,closed,\"No capacity\nat all\"\nP2,universal,finished,\n").ingest();
        assertEquals(1, result.rejects().size());
        assertEquals(3, result.rejects().get(0).row());
    }

    @Test
    void quoteNeverClosed_isAnErrorRatherThanOneCellSwallowingTheRestOfTheFile() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project().write("data/tracker.csv",
                "project_id,offer,stage,local_system,region\nP1,local,active,\"Wirral,North West\nP2,local,active,Leeds,Yorkshire\n")
                .ingest());
        assertEquals("data/tracker.csv:2:0: error: has a quoted cell that is never closed: the quote opened in row 2 runs to"
                + " the end of the file", e.problems().get(0).toString());
    }

    @Test
    void textAfterAClosingQuote_isAnErrorNamingTheRow() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project().write("data/tracker.csv",
                "project_id,offer,stage,local_system,region\nP1,local,active,Wirral,North West\nP2,local,active,\"Leeds\"x,Yorkshire\n")
                .ingest());
        Problem p = e.problems().get(0);
        assertEquals(3, p.line());
        assertTrue(p.message().startsWith("cannot be read as CSV after row 2: "), p.message());
    }

    @Test
    void blankLinesAndEscapedQuotes_areKeptAsTheFileHasThem() {
        IngestResult result = project().write("data/tracker.csv",
                "project_id,offer,stage,local_system,region,support_type\n\nP1,local,active,Wirral,North West,\"The \"\"Home First\"\" model\"\n"
                        + ",,,,,\n").ingest();
        assertEquals(Optional.of("The \"Home First\" model"), result.projects().get(0).supportType());
        assertEquals(List.of("2: blank row", "4: blank row"), result.rejects().stream().map(r -> r.row() + ": " + r.reason()).toList(),
                "blank rows are rejected, not lost");
        assertEquals("data/tracker.csv: 3 rows read = 1 accepted + 2 rejected", result.reconciliations().get(0).toString());
    }

    @Test
    void xlsx_isStreamed_withDateCellsAndNumbers_andFoundByName() throws IOException {
        Path file = dir.resolve("data/tracker.xlsx");
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("read me");
            Sheet sheet = workbook.createSheet("Tracker");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(2);
            String[] names = {"Project ID", "Offer", "Stage", "Local system", "Region", "Started date", "Completed date"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue(1001);
            row.createCell(1).setCellValue("local");
            row.createCell(2).setCellValue("completed");
            row.createCell(3).setCellValue("Wirral");
            row.createCell(4).setCellValue("North West");
            row.createCell(5).setCellValue(LocalDate.of(2024, 2, 1));
            row.getCell(5).setCellStyle(dateStyle);
            row.createCell(6).setCellValue(LocalDate.of(2024, 3, 28));
            row.getCell(6).setCellStyle(dateStyle);
            Row bad = sheet.createRow(4);
            bad.createCell(0).setCellValue(1002);
            bad.createCell(1).setCellValue("local");
            bad.createCell(2).setCellValue("done");
            workbook.write(out);
        }
        IngestResult result = new TestProject(dir)
                .evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx, sheet: Tracker }").ingest();
        assertEquals(1, result.projects().size());
        TrackerProject p = result.projects().get(0);
        assertEquals("1001", p.projectId(), "whole numbers are read without a decimal point");
        assertEquals(Optional.of(LocalDate.of(2024, 3, 28)), p.completed());
        assertEquals(5, result.rejects().stream().filter(r -> r.column().equals("Stage")).findFirst().orElseThrow().row(),
                "sheet row numbers, 1-based, as Excel shows them");
        assertEquals("data/tracker.xlsx: 2 rows read = 1 accepted + 1 rejected", result.reconciliations().get(0).toString());
    }

    @Test
    void xlsx_unknownSheet_isAnErrorListingTheSheets() throws IOException {
        Path file = dir.resolve("data/tracker.xlsx");
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Q3 return").createRow(0).createCell(0).setCellValue("project_id");
            workbook.write(out);
        }
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> new TestProject(dir)
                .evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx, sheet: Tracker }").ingest());
        assertTrue(e.problems().get(0).message().contains("has no sheet 'Tracker'; its sheets are Q3 return"));
    }

    /** A workbook whose first sheet, "Old", is hidden and holds a stale row; "Tracker" is visible. */
    private void workbookWithAHiddenFirstSheet() throws IOException {
        Path file = dir.resolve("data/tracker.xlsx");
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (String[] sheet : new String[][] {{"Old", "P-stale"}, {"Tracker", "P1"}}) {
                Sheet s = workbook.createSheet(sheet[0]);
                String[] header = {"project_id", "offer", "stage", "local_system", "region"};
                String[] values = {sheet[1], "local", "active", "Wirral", "North West"};
                Row h = s.createRow(0);
                Row r = s.createRow(1);
                for (int i = 0; i < header.length; i++) {
                    h.createCell(i).setCellValue(header[i]);
                    r.createCell(i).setCellValue(values[i]);
                }
            }
            workbook.setSheetHidden(0, true);
            workbook.setActiveSheet(1);
            workbook.write(out);
        }
    }

    @Test
    void xlsx_hiddenFirstSheet_isPassedOver_forTheFirstVisibleSheet() throws IOException {
        workbookWithAHiddenFirstSheet();
        IngestResult result = new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx }").ingest();
        assertEquals("P1", only(result).projectId());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void xlsx_hiddenSheetNamedBySheet_isReadWithAWarning() throws IOException {
        workbookWithAHiddenFirstSheet();
        IngestResult result = new TestProject(dir)
                .evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx, sheet: Old }").ingest();
        assertEquals("P-stale", only(result).projectId());
        assertEquals(List.of("data/tracker.xlsx: warning: sheet 'Old' is hidden in Excel; it is read because 'sheet:' names it"),
                result.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void utf8WithAStrayLatin1Byte_isAnErrorNamingTheLine_notMojibake() {
        byte[] good = "project_id,offer,stage,local_system,region,support_type\nP1,local,active,Wirral,North West,Café\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] stray = "P2,local,active,Halton,North West,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = java.util.Arrays.copyOf(good, good.length + stray.length);
        System.arraycopy(stray, 0, file, good.length, stray.length);
        InvalidProjectException e = assertThrows(InvalidProjectException.class,
                () -> project().bytes("data/tracker.csv", file).ingest());
        assertEquals("data/tracker.csv:3:0: error: is UTF-8 (1 accented or other non-ASCII characters) except for 1 byte"
                + " that is not, in line 3 (byte 0xE9); probably typed or pasted in another program. Correct those characters"
                + " and save the file as UTF-8 (no row is read until then: read either way, some of its text would be wrong)",
                e.problems().get(0).toString());
    }

    @Test
    void utf16WithByteOrderMark_isRead() {
        String text = "project_id;offer;stage;local_system;region;support_type\nP1;local;active;Wirral;North West;\"Café\"\n";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] body = text.getBytes(charset);
            byte[] mark = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] file = java.util.Arrays.copyOf(mark, 2 + body.length);
            System.arraycopy(body, 0, file, 2, body.length);
            TrackerProject p = only(project().bytes("data/tracker.csv", file).ingest());
            assertEquals(Optional.of("Café"), p.supportType(), charset.name());
        }
    }

    @Test
    void utf16WithoutByteOrderMark_isAnErrorSayingSo() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project().write("data/tracker.csv",
                "project_id,offer,stage,local_system,region\nP1,local,active,Wirral,North West\n", StandardCharsets.UTF_16LE)
                .ingest());
        assertTrue(e.problems().get(0).toString().startsWith("data/tracker.csv:1:0: error: has a NUL byte in line 1: it is"
                + " UTF-16 without a byte-order mark"), e.problems().get(0).toString());
    }

    @Test
    void monthFirstDates_giveAWarningNamingTheFileAndColumn() {
        IngestResult result = project().write("data/tracker.csv", """
                project_id,offer,stage,local_system,region,completed_date
                P1,local,completed,Wirral,North West,03/25/2024
                P2,local,completed,Halton,North West,04/05/2024
                P3,local,completed,Bury,North West,12/28/2024
                """).ingest();
        assertEquals(List.of("data/tracker.csv: warning: column 'completed_date': 2 dates have a second field above 12"
                        + " (first '03/25/2024' in row 2), so the column looks month-first (mm/dd/yyyy); Evident reads"
                        + " dd/mm/yyyy, so those are rejected and the column's other slash dates may have their day and month"
                        + " swapped: write the dates as 2024-03-25 or 25/03/2024"),
                result.warnings().stream().map(Problem::toString).toList());
        assertEquals(2, result.rejects().size());
    }

    @Test
    void dayFirstDates_giveNoWarning() {
        IngestResult result = project().write("data/tracker.csv", """
                project_id,offer,stage,local_system,region,completed_date
                P1,local,completed,Wirral,North West,25/03/2024
                P2,local,completed,Halton,North West,04/05/2024
                """).ingest();
        assertEquals(List.of(), result.warnings());
    }

    /** Writes {@code rows} (the first is the header) as the only sheet of data/tracker.xlsx, every cell as text. */
    private Path workbook(String[]... rows) throws IOException {
        Path file = dir.resolve("data/tracker.xlsx");
        Files.createDirectories(file.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Tracker");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void xlsx_monthFirstDatesTypedAsText_giveTheWarningACsvFileGives() throws IOException {
        workbook(new String[] {"project_id", "offer", "stage", "local_system", "region", "completed_date"},
                new String[] {"P1", "local", "completed", "Wirral", "North West", "03/25/2024"},
                new String[] {"P2", "local", "completed", "Halton", "North West", "04/05/2024"});
        IngestResult result = new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx }").ingest();
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).toString().startsWith("data/tracker.xlsx: warning: column 'completed_date': 1 date has"
                + " a second field above 12 (first '03/25/2024' in row 2), so the column looks month-first"),
                result.warnings().get(0).toString());
    }

    @Test
    void xlsx_cellsWithoutTheOptionalReferenceAttribute_areReadInTheirOrder() throws IOException {
        Path file = workbook(new String[] {"project_id", "offer", "stage", "local_system", "region"},
                new String[] {"P1", "local", "active", "Wirral", "North West"});
        // The file format makes r= optional on rows and cells; some generators leave it out.
        Path bare = dir.resolve("bare.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bare))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String stripped = xml.replaceAll("(<c[^>]*?) r=\"[A-Z]+[0-9]+\"", "$1")
                            .replaceAll("(<row[^>]*?) r=\"[0-9]+\"", "$1");
                    assertTrue(!stripped.contains(" r=\""), stripped);
                    bytes = stripped.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        Files.move(bare, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IngestResult result = new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.xlsx }").ingest();
        TrackerProject p = only(result);
        assertEquals("P1", p.projectId());
        assertEquals(Optional.of("North West"), p.region());
        assertEquals(2, result.reconciliations().get(0).read() + 1, "one data row after the header");
    }

    @Test
    void renamedOptionalColumn_isAWarningNamingBoth_andTheRejectsSayTheColumnIsMissing() {
        IngestResult result = project().write("data/tracker.csv", """
                project_id,offer,stage,local_system,region,completed_on,notes
                P1,local,completed,Wirral,North West,2024-05-10,fine
                P2,local,active,Halton,North West,,
                """).ingest();
        assertEquals(List.of("data/tracker.csv:1:0: warning: column 'completed_on' is not one Evident reads, and the optional"
                + " column 'completed_date' is missing: if it holds completed date, rename it or declare it under 'columns:' in"
                + " evaluation.yaml (completed_date: [\"completed_on\"])"),
                result.warnings().stream().map(Problem::toString).toList());
        assertEquals("a completed project has no completed date (the file has no column 'completed_date')",
                result.rejects().get(0).reason());
        assertEquals(1, result.rejects().size());
    }
}
