package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.KpiRow;
import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.PublishedTable;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook of the worked example and of a small project, read back with POI and opened by LibreOffice. */
class EvidenceWorkbookTest {

    @TempDir
    Path dir;

    /** A small line chart, drawn the way the chart writer will: Java2D to PNG. */
    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x31, 0x82, 0xbd));
        g.setStroke(new BasicStroke(3));
        int[] ys = {200, 180, 190, 150, 160, 120, 90, 100};
        for (int i = 1; i < ys.length; i++) {
            g.drawLine(40 + (i - 1) * 70, ys[i - 1], 40 + i * 70, ys[i]);
        }
        g.setColor(Color.GRAY);
        g.drawLine(40, 150, width - 40, 150);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<ChartImage> charts() throws IOException {
        // Drawn at twice the size it is shown at, as charts are for sharpness.
        return List.of(new ChartImage("run-chart-test", "Systems rating support good or excellent: run chart", "<svg/>",
                png(1200, 600), 600, 300), new ChartImage("survey-test", "Not a run chart", "<svg/>", png(100, 50), 100, 50));
    }

    private static ReportInput bcf;

    /** The worked example with the test charts, read once: reading and drawing it takes seconds. */
    private static synchronized ReportInput bcf() throws IOException {
        if (bcf == null) {
            bcf = BcfInput.read(charts());
        }
        return bcf;
    }

    private static ReportInput withoutCharts(ReportInput in) {
        return new ReportInput(in.project(), in.analysis(), in.reconciliations(), in.rejects(), in.gaps(), in.tocSvg(),
                in.tocPng(), List.of());
    }

    private Path write(ReportInput input) {
        Path file = dir.resolve("evidence.xlsx");
        EvidenceWorkbook.write(input, file);
        return file;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Row rowStarting(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row starting '" + text + "' on " + sheet.getSheetName());
    }

    /** The workbook's own tables, besides one per published table (whose names are the CSV files'). */
    private static final List<String> OWN_TABLES = List.of("contents", "notes", "kpi_dashboard", "summary", "assessment_periods",
            "rows_read", "rejected_rows", "data_gaps");

    private static XSSFTable onlyTable(XSSFSheet sheet) {
        assertEquals(1, sheet.getTables().size(), sheet.getSheetName() + ": one table");
        return sheet.getTables().get(0);
    }

    private static int column(XSSFTable table, String header) {
        Row row = table.getXSSFSheet().getRow(table.getStartRowIndex());
        for (Cell cell : row) {
            if (cell.getStringCellValue().equals(header) || cell.getStringCellValue().startsWith(header + " [note")) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " on " + table.getSheetName());
    }

    private static boolean bold(Cell cell) {
        return ((XSSFCellStyle) cell.getCellStyle()).getFont().getBold();
    }

    /**
     * The structure the Analysis Function's guidance asks for: Cover, Contents and Notes first; a
     * title in A1 of every sheet; one named Excel table per data sheet with one header row, filter
     * buttons, the header frozen and printed on every page and no blank row inside it; no merged
     * cells anywhere; the Contents linking to every sheet; every [note N] in a header on the Notes sheet.
     */
    @Test
    void structure_coverContentsNotes_oneNamedTablePerSheet_noMergedCells() throws IOException {
        ReportInput input = bcf();
        try (XSSFWorkbook wb = open(write(input))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Cover", "Contents", "Notes", "Dashboard", "Summary"), names.subList(0, 5));
            Set<String> tableNames = new HashSet<>();
            Set<String> noteReferences = new HashSet<>();
            for (org.apache.poi.ss.usermodel.Sheet any : wb) {
                XSSFSheet sheet = (XSSFSheet) any;
                String name = sheet.getSheetName();
                assertEquals(0, sheet.getNumMergedRegions(), name + ": no merged cells");
                Cell a1 = sheet.getRow(0).getCell(0);
                assertTrue(bold(a1) && !a1.getStringCellValue().isBlank(), name + ": a title in A1");
                assertTrue(sheet.getPrintSetup().getLandscape() && sheet.getFitToPage(), name);
                for (Row row : sheet) {
                    assertTrue(row.getHeightInPoints() <= 200, name + " row " + (row.getRowNum() + 1) + " is "
                            + row.getHeightInPoints() + " pt tall");
                }
                if (name.equals("Cover") || name.equals("Run charts")) {
                    assertEquals(0, sheet.getTables().size(), name + " holds no table");
                    continue;
                }
                XSSFTable table = onlyTable(sheet);
                assertTrue(tableNames.add(table.getName()), "table names are unique: " + table.getName());
                assertEquals(table.getName(), table.getDisplayName());
                assertTrue(table.getCTTable().isSetAutoFilter(), name + ": filter buttons");
                assertEquals(1, table.getHeaderRowCount(), name);
                int header = table.getStartRowIndex();
                Row headerRow = sheet.getRow(header);
                for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                    String text = headerRow.getCell(c).getStringCellValue();
                    assertEquals(text, table.getColumns().get(c).getName(), name + ": the table's column is named as its header");
                    assertTrue(bold(headerRow.getCell(c)), name + ": bold header");
                    Matcher note = Pattern.compile("\\[note (\\d+)]").matcher(text);
                    while (note.find()) {
                        noteReferences.add("[note " + note.group(1) + "]");
                    }
                }
                assertEquals(0, table.getStartColIndex(), name + ": the table starts in column A");
                for (int r = header + 1; r <= table.getEndRowIndex(); r++) {
                    Row row = sheet.getRow(r);
                    assertNotNull(row, name + ": no blank row inside the table, row " + (r + 1));
                    boolean any2 = false;
                    for (Cell cell : row) {
                        any2 |= cell.getCellType() != CellType.BLANK;
                    }
                    assertTrue(any2, name + ": no blank row inside the table, row " + (r + 1));
                }
                PaneInformation pane = sheet.getPaneInformation();
                assertTrue(pane != null && pane.isFreezePane(), name + " has a frozen header");
                assertEquals(header + 1, pane.getHorizontalSplitPosition(), name + ": frozen below the header");
                assertEquals(header, sheet.getRepeatingRows().getFirstRow(), name + ": header printed on every page");
                for (int r = 0; r < header; r++) {
                    Row above = sheet.getRow(r);
                    assertTrue(above == null || above.getLastCellNum() <= 1, name + ": only column A above the table");
                }
            }
            // Every published table (its CSV file's name) and the workbook's own, except a comparison
            // without rows: the worked example has one survey wave, no change point and no comparable
            // areas, so no sheet for those; its funnel has rows.
            Set<String> comparisons = Set.of("survey_changes", "survey_group_differences", "funnel", "before_after", "neighbours");
            Set<String> expected = new HashSet<>(OWN_TABLES);
            input.tables().stream().filter(t -> !t.rows().isEmpty() || !comparisons.contains(t.name())).forEach(t -> expected.add(t.name()));
            assertTrue(expected.contains("funnel") && !expected.contains("neighbours"), "the worked example has a funnel, no neighbours");
            assertEquals(expected, tableNames);

            // The Contents links to every sheet but the Cover and itself, in order.
            XSSFSheet contents = wb.getSheet("Contents");
            XSSFTable listed = onlyTable(contents);
            List<String> linked = new ArrayList<>();
            for (int r = listed.getStartRowIndex() + 1; r <= listed.getEndRowIndex(); r++) {
                Cell cell = contents.getRow(r).getCell(0);
                Hyperlink link = cell.getHyperlink();
                assertNotNull(link, "a link on " + cell.getStringCellValue());
                assertEquals("'" + cell.getStringCellValue() + "'!A1", link.getAddress());
                assertNotNull(wb.getSheet(cell.getStringCellValue()), "the link's sheet exists");
                linked.add(cell.getStringCellValue());
            }
            assertEquals(names.subList(2, names.size()), linked);

            // Every note a header refers to is on the Notes sheet.
            XSSFSheet notes = wb.getSheet("Notes");
            XSSFTable noteTable = onlyTable(notes);
            Set<String> numbered = new HashSet<>();
            for (int r = noteTable.getStartRowIndex() + 1; r <= noteTable.getEndRowIndex(); r++) {
                numbered.add(notes.getRow(r).getCell(0).getStringCellValue());
                assertTrue(notes.getRow(r).getCell(1).getStringCellValue().length() > 20, "a note says something");
            }
            assertTrue(numbered.containsAll(noteReferences), noteReferences + " in " + numbered);
            assertTrue(noteReferences.size() >= 5, "headers refer to the notes: " + noteReferences);

            // The Cover explains the shorthand.
            List<String> cover = new ArrayList<>();
            wb.getSheet("Cover").forEach(r -> cover.add(r.getCell(0).getStringCellValue()));
            for (String mark : List.of("[x]", "[c]", "[z]")) {
                assertTrue(cover.stream().anyMatch(l -> l.startsWith(mark + " ")), mark + " explained on the Cover");
            }
            assertTrue(cover.contains("2025-01-13"), "the reporting date, from evaluation.yaml");
        }
    }

    /** A table another part of Evident publishes, unknown to the workbook, gets a sheet and a named table of its own. */
    @Test
    void anyPublishedTable_getsItsOwnSheet_andNamedTable() throws IOException {
        ReportInput in = bcf();
        PublishedTable funnel = new PublishedTable("funnel_test", "Areas against the funnel's limits", List.of(
                new PublishedTable.Column("area", "Area", PublishedTable.Type.TEXT),
                new PublishedTable.Column("share", "Share", PublishedTable.Type.NUMBER),
                new PublishedTable.Column("change", "Change", PublishedTable.Type.NUMBER),
                new PublishedTable.Column("cases", "Cases", PublishedTable.Type.COUNT)),
                List.of(List.of(new PublishedTable.Text("Leeds"), new PublishedTable.Number(0.5, PublishedTable.Format.SHARE),
                        new PublishedTable.Number(-0.031, PublishedTable.Format.POINTS), new PublishedTable.Count(1234)),
                        List.of(new PublishedTable.Text("York"), PublishedTable.Missing.BLANK, PublishedTable.Missing.BLANK,
                                new PublishedTable.Missing("*"))));
        List<PublishedTable> tables = new ArrayList<>(in.tables());
        tables.add(funnel);
        ReportInput input = new ReportInput(in.project(), in.analysis(), in.reconciliations(), in.rejects(), in.gaps(), in.tocSvg(),
                in.tocPng(), in.charts(), null, tables);
        try (XSSFWorkbook wb = open(write(input))) {
            XSSFSheet sheet = wb.getSheet("Funnel test");
            assertNotNull(sheet, "a sheet named from the table");
            XSSFTable table = onlyTable(sheet);
            assertEquals("funnel_test", table.getName());
            assertEquals("Areas against the funnel's limits", sheet.getRow(0).getCell(0).getStringCellValue());
            Row leeds = sheet.getRow(table.getStartRowIndex() + 1);
            assertEquals("0.0%", leeds.getCell(1).getCellStyle().getDataFormatString());
            assertEquals(0.5, leeds.getCell(1).getNumericCellValue());
            // -0.031 as a fraction is -3.1 percentage points.
            assertEquals(-3.1, leeds.getCell(2).getNumericCellValue(), 1e-9);
            assertEquals("-3.1 pp", new DataFormatter().formatCellValue(leeds.getCell(2)));
            assertEquals("1,234", new DataFormatter().formatCellValue(leeds.getCell(3)));
            Row york = sheet.getRow(table.getStartRowIndex() + 2);
            assertEquals(List.of("[x]", "[x]", "[c]"), List.of(york.getCell(1).getStringCellValue(),
                    york.getCell(2).getStringCellValue(), york.getCell(3).getStringCellValue()));
            assertTrue(table.getColumns().get(1).getName().matches("Share \\[note \\d+]"), "shorthand's note on the header");
            XSSFTable contents = onlyTable(wb.getSheet("Contents"));
            boolean listed = false;
            for (int r = contents.getStartRowIndex() + 1; r <= contents.getEndRowIndex(); r++) {
                listed |= wb.getSheet("Contents").getRow(r).getCell(0).getStringCellValue().equals("Funnel test");
            }
            assertTrue(listed, "the Contents lists it");
        }
    }

    @Test
    void kpiVerdictTotals_onTheSummaryAndDashboard_areTheReportsOwn_toDateOnePerIndicator() throws IOException {
        ReportInput input = bcf();
        Map<String, Long> summary = new LinkedHashMap<>();
        Map<String, Long> dashboard = new LinkedHashMap<>();
        try (XSSFWorkbook wb = open(write(input))) {
            XSSFSheet sheet = wb.getSheet("Summary");
            XSSFTable table = onlyTable(sheet);
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                Row row = sheet.getRow(r);
                if (row.getCell(0).getStringCellValue().equals("KPI verdicts (" + KpiVerdicts.WHAT + ")")) {
                    summary.put(row.getCell(1).getStringCellValue(), (long) row.getCell(2).getNumericCellValue());
                }
            }
            XSSFSheet board = wb.getSheet("Dashboard");
            XSSFTable kpis = onlyTable(board);
            int verdict = column(kpis, "Verdict");
            for (int r = kpis.getStartRowIndex() + 1; r <= kpis.getEndRowIndex(); r++) {
                dashboard.merge(board.getRow(r).getCell(verdict).getStringCellValue(), 1L, Long::sum);
            }
        }
        // The worked example, to date: KPI-1 53/65 met (census), KPI-2 36/48 inconclusive (sample),
        // KPI-3 50/65 not met, KPI-4 56/65 not met, HOME-65 not met, LOS-21 met: 2 met, 3 not, 1 inconclusive.
        assertEquals(Map.of("met", 2L, "not met", 3L, "inconclusive: too few answers to say", 1L, "All KPIs with a verdict", 6L),
                summary);
        assertEquals(2L, dashboard.get("met"));
        assertEquals(3L, dashboard.get("not met"));
        assertEquals(1L, dashboard.get("inconclusive: too few answers to say"));
        // The PDF's sentence counts the same.
        String sentence = Summary.sentences(input).stream().filter(t -> t.contains(KpiVerdicts.WHAT)).findFirst().orElseThrow();
        assertTrue(sentence.startsWith("Of 6 " + KpiVerdicts.WHAT), sentence);
        assertTrue(sentence.contains("2 met the target, 3 did not and 1 was inconclusive"), sentence);
    }

    @Test
    void delivery_table3_asNumbers_withABoldTotal() throws IOException {
        Map<String, long[]> table3 = new LinkedHashMap<>();
        table3.put("East Midlands", new long[] {3, 0, 0, 3});
        table3.put("East of England", new long[] {6, 0, 3, 9});
        table3.put("London", new long[] {3, 4, 2, 9});
        table3.put("North East", new long[] {2, 0, 2, 4});
        table3.put("North West", new long[] {17, 4, 3, 24});
        table3.put("South East", new long[] {12, 0, 4, 16});
        table3.put("South West", new long[] {11, 1, 3, 15});
        table3.put("West Midlands", new long[] {5, 1, 1, 7});
        table3.put("Yorkshire and Humber", new long[] {6, 0, 2, 8});
        table3.put("Total", new long[] {65, 10, 20, 95});
        try (XSSFWorkbook wb = open(write(bcf()))) {
            XSSFSheet sheet = wb.getSheet("Delivery by region");
            XSSFTable table = onlyTable(sheet);
            assertEquals("delivery_by_region", table.getName());
            int r = table.getStartRowIndex();
            assertEquals(List.of("Region", "Completed", "Active", "Pipeline", "Total"),
                    table.getColumns().stream().map(c -> c.getName()).toList());
            for (Map.Entry<String, long[]> e : table3.entrySet()) {
                Row row = sheet.getRow(++r);
                assertEquals(e.getKey(), row.getCell(0).getStringCellValue());
                for (int c = 0; c < 4; c++) {
                    Cell cell = row.getCell(c + 1);
                    assertEquals(CellType.NUMERIC, cell.getCellType(), e.getKey() + " column " + (c + 1));
                    assertEquals(e.getValue()[c], (long) cell.getNumericCellValue(), e.getKey() + " column " + (c + 1));
                    assertEquals("#,##0", cell.getCellStyle().getDataFormatString(), "a count, whole");
                }
            }
            assertEquals(r, table.getEndRowIndex(), "the total is the table's last row");
            assertTrue(bold(sheet.getRow(r).getCell(0)) && bold(sheet.getRow(r).getCell(4)));
            assertTrue(!bold(sheet.getRow(r - 1).getCell(0)), "only the Total row is bold");
            // The other delivery tables follow, each on a sheet of its own.
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            int at = names.indexOf("Delivery by region");
            assertEquals(List.of("Universal by stage", "Completions by month", "Referral routes", "Support types", "Closed offers",
                    "Regions reached"), names.subList(at + 1, at + 7));
        }
    }

    /**
     * Number formats by type: a share KPI as a percentage, its change in percentage points (the
     * cell holds 100 times the difference of the two periods' values beside it), days whole.
     */
    @Test
    void kpiFormats_sharesPercent_changesInPoints_daysWhole() throws IOException {
        try (XSSFWorkbook wb = open(write(bcf()))) {
            XSSFSheet sheet = wb.getSheet("KPIs");
            XSSFTable table = onlyTable(sheet);
            int kpi = column(table, "KPI");
            int unit = column(table, "Region or system");
            int period = column(table, "Period");
            int status = column(table, "Status");
            int value = column(table, "Value");
            int target = column(table, "Target");
            int change = column(table, "Change");
            int numerator = column(table, "Numerator");
            DataFormatter format = new DataFormatter();
            Double previous = null;
            int changes = 0;
            int days = 0;
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                Row row = sheet.getRow(r);
                String id = row.getCell(kpi).getStringCellValue();
                boolean programme = row.getCell(unit) == null || row.getCell(unit).getStringCellValue().isEmpty();
                String statusText = row.getCell(status) == null ? "" : row.getCell(status).getStringCellValue();
                if (id.equals("kpi-systems-good-excellent") && programme && !row.getCell(period).getStringCellValue().equals(KpiRow.TO_DATE)
                        && statusText.isEmpty()) {
                    Cell cell = row.getCell(value);
                    assertEquals("0.0%", cell.getCellStyle().getDataFormatString());
                    assertTrue(cell.getNumericCellValue() > 0 && cell.getNumericCellValue() <= 1, "a fraction, shown as %");
                    assertEquals(0.8, row.getCell(target).getNumericCellValue(), 1e-12, "target: 0.8 in toc.yaml");
                    if (previous != null) {
                        Cell points = row.getCell(change);
                        assertEquals("+0.0\" pp\";-0.0\" pp\";0.0\" pp\"", points.getCellStyle().getDataFormatString());
                        assertEquals(100 * (cell.getNumericCellValue() - previous), points.getNumericCellValue(), 1e-9);
                        assertTrue(format.formatCellValue(points).endsWith(" pp"));
                        changes++;
                    }
                    previous = cell.getNumericCellValue();
                }
                if (id.equals("bcf-mean-stay") && row.getCell(value).getCellType() == CellType.NUMERIC) {
                    // unit: days in toc.yaml
                    assertEquals("#,##0", row.getCell(value).getCellStyle().getDataFormatString());
                    days++;
                }
                Cell n = row.getCell(numerator);
                if (n != null && n.getCellType() == CellType.NUMERIC) {
                    assertEquals("#,##0", n.getCellStyle().getDataFormatString());
                }
            }
            assertTrue(changes >= 3, "changes between the share KPI's periods: " + changes);
            assertTrue(days > 0, "the days KPI");
        }
    }

    @Test
    void evidenceGrades_colouredByConditionalFormatting_withTheExplanation() throws IOException {
        ReportInput input = bcf();
        Map<String, Assessment> latest = new HashMap<>();
        input.analysis().latestEvidence().forEach(a -> latest.put(a.node(), a));
        try (XSSFWorkbook wb = open(write(input))) {
            XSSFSheet sheet = wb.getSheet("Evidence");
            XSSFTable table = onlyTable(sheet);
            assertEquals("evidence_by_period", table.getName());
            int header = table.getStartRowIndex();
            int change = table.getEndColIndex();
            assertTrue(sheet.getRow(header).getCell(change).getStringCellValue().equals("Change"));
            assertTrue(sheet.getRow(header).getCell(change - 1).getStringCellValue()
                    .startsWith("Phase 3 (November 2024 to January 2025) [note "));
            assertEquals(27, table.getEndRowIndex() - header, "one row per graded outcome (16) and impact (11)");
            for (int r = header + 1; r <= table.getEndRowIndex(); r++) {
                Row row = sheet.getRow(r);
                Assessment a = latest.get(row.getCell(0).getStringCellValue());
                Cell cell = row.getCell(change - 1);
                assertEquals(a.gradeLabel(), cell.getStringCellValue());
                assertEquals(a.explain().strip(), cell.getCellComment().getString().getString());
            }
            // Each grade's colour by a rule on the grade columns, so an edited grade takes its colour.
            XSSFSheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
            Map<String, String> fills = new HashMap<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                var f = formatting.getConditionalFormattingAt(i);
                XSSFConditionalFormattingRule rule = f.getRule(0);
                if (!f.getFormattingRanges()[0].isInRange(header + 1, change - 1)) {
                    continue;
                }
                assertTrue(f.getFormattingRanges()[0].isInRange(table.getEndRowIndex(), change - 1), "to the table's last row");
                fills.put(rule.getFormula1(), ((XSSFColor) rule.getPatternFormatting().getFillBackgroundColorColor()).getARGBHex()
                        .substring(2));
            }
            for (Grade g : Grade.values()) {
                assertEquals(GradeColours.fill(java.util.Optional.of(g)).substring(1).toUpperCase(), fills.get("\"" + g.label() + "\""),
                        g.label());
            }
            // Text on each fill reads at WCAG AA (4.5:1): the strongest grade's blue (#3182bd, relative luminance 0.203 by
            // WCAG's formula) gives 4.15:1 against white and 5.06:1 against black, so the workbook writes it in black.
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                XSSFConditionalFormattingRule rule = formatting.getConditionalFormattingAt(i).getRule(0);
                String fill = "#" + ((XSSFColor) rule.getPatternFormatting().getFillBackgroundColorColor()).getARGBHex().substring(2);
                String text = "#" + ((XSSFColor) rule.getFontFormatting().getFontColor()).getARGBHex().substring(2);
                assertTrue(WorkbookSheet.contrast(fill, text) >= 4.5, rule.getFormula1() + ": " + text + " on " + fill);
            }
            assertEquals(4.15, WorkbookSheet.contrast("#3182bd", "#ffffff"), 0.01);
            assertEquals(5.06, WorkbookSheet.contrast("#3182bd", "#000000"), 0.01);
            assertEquals(GradeColours.fill(java.util.Optional.empty()).substring(1).toUpperCase(),
                    fills.get("\"" + Grade.NOT_YET_ASSESSED + "\""));
        }
    }

    @Test
    void judgementsSheet_setsTheRuleBesideTheTeam_withEveryDisagreementsReasons() throws IOException {
        try (XSSFWorkbook wb = open(write(bcf()))) {
            XSSFSheet sheet = wb.getSheet("Judgements");
            XSSFTable table = onlyTable(sheet);
            List<String> above = new ArrayList<>();
            for (int r = 1; r < table.getStartRowIndex(); r++) {
                above.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            // 14 of 16 worked by hand in cli's RunTablesTest: the two disagreements are rows with Agree "no".
            assertTrue(String.join(" ", above).contains("The rule against the evaluation team's judgements: 14 of 16 (88%), linearly"
                    + " weighted kappa 0.76. Filter the Agree column for \"no\" to see the 2 disagreements"), above::toString);
            int agree = column(table, "Agree");
            int reason = column(table, "Judgement's reason");
            int rows = 0;
            List<String> differ = new ArrayList<>();
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                rows++;
                Row row = sheet.getRow(r);
                if (row.getCell(agree).getStringCellValue().equals("no")) {
                    differ.add(row.getCell(1).getStringCellValue() + ": " + row.getCell(reason).getStringCellValue());
                }
            }
            assertEquals(16, rows, "the 16 outcomes of Tables 6 and 7");
            assertEquals(2, differ.size(), differ::toString);
            assertTrue(differ.get(0).startsWith("Improved buy-in, relationships and collaborative working")
                    && differ.get(0).contains(": Noted consistently"), differ.get(0));
        }
    }

    /**
     * The run charts are native charts whose every series points at the Run chart data table:
     * the values the chart caches are those in the cells its range names.
     */
    @Test
    void runCharts_areNativeCharts_drawnFromTheRunChartTable() throws IOException {
        ReportInput input = bcf();
        try (XSSFWorkbook wb = open(write(input))) {
            XSSFSheet sheet = wb.getSheet("Run charts");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertEquals(Math.min(WorkbookCharts.MAX_RUN_CHARTS, input.analysis().kpiCharts().size()), charts.size());
            assertTrue(wb.getAllPictures().isEmpty(), "no pictures: the charts are Excel's own");
            XSSFTable data = onlyTable(wb.getSheet("Run chart data"));
            AreaReference tableArea = new AreaReference(data.getCTTable().getRef(), SpreadsheetVersion.EXCEL2007);
            for (XSSFChart chart : charts) {
                List<XDDFChartData> plots = chart.getChartSeries();
                assertEquals(1, plots.size());
                assertEquals(4, plots.get(0).getSeriesCount(), "value, centre line and two limits");
                for (int s = 0; s < 4; s++) {
                    XDDFNumericalDataSource<? extends Number> values = plots.get(0).getSeries(s).getValuesData();
                    AreaReference range = new AreaReference(values.getDataRangeReference(), SpreadsheetVersion.EXCEL2007);
                    assertEquals("Run chart data", range.getFirstCell().getSheetName());
                    assertTrue(range.getFirstCell().getRow() > tableArea.getFirstCell().getRow()
                            && range.getLastCell().getRow() <= tableArea.getLastCell().getRow(), "inside the table's rows");
                    CellReference[] cells = range.getAllReferencedCells();
                    assertEquals(cells.length, values.getPointCount());
                    for (int i = 0; i < cells.length; i++) {
                        double cell = wb.getSheet("Run chart data").getRow(cells[i].getRow()).getCell(cells[i].getCol())
                                .getNumericCellValue();
                        assertEquals(cell, values.getPointAt(i).doubleValue(), 1e-12, "cached value = cell value");
                    }
                }
            }
            // The dashboard's trends are native charts too, one per KPI with a programme-level run chart.
            assertTrue(wb.getSheet("Dashboard").getDrawingPatriarch().getCharts().size() >= 6);
        }
    }

    /** The native charts are drawn from the analysis, not from the PDF's pictures: without pictures they are all there. */
    @Test
    void runCharts_withoutThePdfsPictures_areStillDrawn() throws IOException {
        ReportInput input = withoutCharts(bcf());
        try (XSSFWorkbook wb = open(write(input))) {
            assertEquals(Math.min(WorkbookCharts.MAX_RUN_CHARTS, input.analysis().kpiCharts().size()),
                    wb.getSheet("Run charts").getDrawingPatriarch().getCharts().size());
        }
    }

    @Test
    void twoRuns_giveTheSameBytes_andTheDocumentIsDatedByTheReportingDate() throws IOException {
        ReportInput input = bcf();
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        EvidenceWorkbook.write(input, first);
        EvidenceWorkbook.write(input, second);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(second)), "the same bytes");
        try (XSSFWorkbook a = open(first)) {
            assertEquals(Instant.parse("2025-01-13T00:00:00Z"), a.getProperties().getCoreProperties().getCreated().toInstant());
            assertEquals(Instant.parse("2025-01-13T00:00:00Z"), a.getProperties().getCoreProperties().getModified().toInstant());
        }
    }

    /**
     * A national source's table, thousands of rows (153 areas x 8 quarters x 4 measures is 4,896;
     * here 5,400), is streamed: written as a named table with its formats, read back whole by POI,
     * and opened by LibreOffice, which exports its every row as CSV.
     */
    @Test
    void aLargeTable_isStreamed_asOneNamedTable_thatLibreOfficeOpens() throws IOException, InterruptedException {
        ReportInput in = bcf();
        List<List<PublishedTable.Cell>> rows = new ArrayList<>();
        for (int area = 0; area < 150; area++) {
            for (int quarter = 0; quarter < 9; quarter++) {
                for (int measure = 0; measure < 4; measure++) {
                    rows.add(List.of(new PublishedTable.Text("E0600" + String.format("%04d", area)),
                            new PublishedTable.Text("2023-Q" + (quarter % 4 + 1) + "-" + quarter),
                            new PublishedTable.Text("measure-" + measure), new PublishedTable.Count(1000L + area + quarter),
                            new PublishedTable.Number((area % 100) / 100.0, PublishedTable.Format.SHARE)));
                }
            }
        }
        PublishedTable areas = new PublishedTable("area_kpis", "KPIs by area and quarter", List.of(
                new PublishedTable.Column("area", "Area", PublishedTable.Type.TEXT),
                new PublishedTable.Column("quarter", "Quarter", PublishedTable.Type.TEXT),
                new PublishedTable.Column("measure", "Measure", PublishedTable.Type.TEXT),
                new PublishedTable.Column("cases", "Cases", PublishedTable.Type.COUNT),
                new PublishedTable.Column("share", "Share", PublishedTable.Type.NUMBER)), rows);
        List<PublishedTable> tables = new ArrayList<>(in.tables());
        tables.add(areas);
        ReportInput input = new ReportInput(in.project(), in.analysis(), in.reconciliations(), in.rejects(), in.gaps(), in.tocSvg(),
                in.tocPng(), in.charts(), null, tables);
        write(input);
        // Timed the second time, the classes loaded and compiled.
        long start = System.nanoTime();
        Path file = write(input);
        System.out.printf("the workbook with a 5,400-row table: written in %.2f s, %,d bytes%n", (System.nanoTime() - start) / 1e9,
                Files.size(file));
        int sheetIndex;
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet sheet = wb.getSheet("Area kpis");
            sheetIndex = wb.getSheetIndex(sheet);
            XSSFTable table = onlyTable(sheet);
            assertEquals("area_kpis", table.getName());
            assertEquals(5400, table.getEndRowIndex() - table.getStartRowIndex());
            assertEquals(List.of("Area", "Quarter", "Measure", "Cases", "Share"), table.getColumns().stream().map(c -> c.getName()).toList());
            Row last = sheet.getRow(table.getEndRowIndex());
            assertEquals("E06000149", last.getCell(0).getStringCellValue());
            assertEquals(1000 + 149 + 8, (long) last.getCell(3).getNumericCellValue());
            assertEquals("#,##0", last.getCell(3).getCellStyle().getDataFormatString());
            assertEquals("0.0%", last.getCell(4).getCellStyle().getDataFormatString());
            assertEquals(0.49, last.getCell(4).getNumericCellValue(), 1e-12);
        }
        // LibreOffice's CSV filter, the sheet by its number (1-based): every row, the title and description above it.
        Path out = dir.resolve("csv");
        run(List.of(soffice(), "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false," + (sheetIndex + 1), "--outdir",
                out.toString(), file.toString()));
        Path csv;
        try (var files = Files.list(out)) {
            csv = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow(() -> new AssertionError("no CSV"));
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.contains("Area,Quarter,Measure,Cases,Share"), "the header row");
        assertEquals("E06000149,2023-Q1-8,measure-3,1157,49%", lines.get(lines.size() - 1));
        assertEquals(5401, lines.size() - lines.indexOf("Area,Quarter,Measure,Cases,Share"), "every row");
    }

    /**
     * Answer labels are text from the project's files: a label such as "=1+2" must stay the text
     * "=1+2", never become a formula (spreadsheet formula injection) or a number.
     */
    @Test
    void formulaLookingText_fromInputFiles_staysText() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st-pick, label: "=SUM(1,2) outcome", stage: short_term_outcome }
                links:
                  - { from: in, to: st-pick }
                indicators:
                  - { id: svy-pick, node: st-pick, label: Chose =1+2, source: survey, measure: pick, target: 0.2, unit: share }
                """);
        Files.writeString(project.resolve("evaluation.yaml"), """
                programme: "=HYPERLINK(\\"http://example.org\\")"
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - id: wave
                    type: survey
                    file: data/survey.csv
                    period: phase-1
                    items:
                      - id: pick
                        type: single_choice
                        column: Pick one
                        options: ["=1+2", "@SUM(A1)", "+44 20", "-5"]
                        positive: ["=1+2"]
                """);
        Files.writeString(project.resolve("data/survey.csv"), """
                respondent_id,Pick one
                r1,=1+2
                r2,=1+2
                r3,@SUM(A1)
                r4,+44 20
                r5,-5
                r6,"=HYPERLINK(""http://example.org"")"
                """);
        EvaluationProject opened = EvaluationProject.open(project);
        IngestResult data = Ingest.read(opened, Pseudonymiser.withKey("a test key of at least sixteen bytes"), line -> { });
        AnalysisResult analysis = Analysis.run(opened, data);
        ReportInput input = new ReportInput(opened, analysis, data.reconciliations(), data.rejects(), data.gaps(), "<svg/>",
                new byte[0], List.of());
        try (XSSFWorkbook wb = open(write(input))) {
            XSSFSheet survey = wb.getSheet("Survey");
            XSSFTable table = survey.getTables().get(0);
            int answer = column(table, "Answer");
            List<String> answers = new ArrayList<>();
            for (Row row : survey) {
                Cell cell = row.getCell(answer);
                if (row.getRowNum() > table.getStartRowIndex()) {
                    assertEquals(CellType.STRING, cell.getCellType(), cell.getAddress().formatAsString());
                    answers.add(cell.getStringCellValue());
                }
            }
            assertEquals(List.of("=1+2", "@SUM(A1)", "+44 20", "-5", "=1+2"), answers, "four categories, then the positive row");
            Row reject = rowStarting(wb.getSheet("Rejected rows"), "data/survey.csv");
            for (Row row : wb.getSheet("Rejected rows")) {
                Cell value = row.getCell(3);
                if (value != null && value.toString().startsWith("=HYPERLINK")) {
                    reject = row;
                }
            }
            assertEquals(CellType.STRING, reject.getCell(3).getCellType());
            assertEquals("=HYPERLINK(\"http://example.org\")", reject.getCell(3).getStringCellValue());
            assertEquals("Evidence workbook: =HYPERLINK(\"http://example.org\")", wb.getSheet("Cover").getRow(0).getCell(0)
                    .getStringCellValue());
            XSSFSheet evidence = wb.getSheet("Evidence");
            assertEquals("=SUM(1,2) outcome", evidence.getRow(evidence.getTables().get(0).getStartRowIndex() + 1).getCell(1)
                    .getStringCellValue());
            // Nowhere in the workbook is there a formula.
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertTrue(cell.getCellType() != CellType.FORMULA, sheet.getSheetName() + "!" + cell.getAddress());
                    }
                }
            }
        }
    }

    private static String soffice() {
        return onPath("soffice").or(() -> onPath("libreoffice")).orElseThrow(() -> new AssertionError(
                "LibreOffice is needed to check that the workbook opens: install libreoffice-calc-nogui "
                        + "(apt-get install -y --no-install-recommends libreoffice-calc-nogui); .ci/run installs it"));
    }

    /** Runs LibreOffice, failing with its output when it fails or takes over 120 s. */
    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "soffice", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("LibreOffice did not finish within 120 s: " + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), Files.readString(log));
        assertTrue(!Files.readString(log).contains("Error"), Files.readString(log));
    }

    /**
     * The proof that the file opens in a spreadsheet program: LibreOffice converts it to PDF,
     * printing every sheet. Without LibreOffice the test fails rather than passing unchecked.
     */
    @Test
    void libreOfficeOpensTheWorkbook_andPrintsEverySheet() throws IOException, InterruptedException {
        Path file = write(bcf());
        Path out = dir.resolve("pdf");
        long start = System.nanoTime();
        // A fresh profile: a profile shared with a running LibreOffice would make this call hand
        // the file to that instance and return at once.
        run(List.of(soffice(), "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", out.toString(), file.toString()));
        System.out.printf("LibreOffice converted the workbook in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Path pdf = out.resolve("evidence.pdf");
        assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 0, "no PDF");
        // Kept for a person to look at after a build.
        Path preview = Path.of("target", "workbook-preview");
        Files.createDirectories(preview);
        Files.copy(file, preview.resolve("evidence.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pdf, preview.resolve("evidence.pdf"), StandardCopyOption.REPLACE_EXISTING);
        List<String> sheets = new ArrayList<>();
        try (XSSFWorkbook wb = open(file)) {
            wb.forEach(s -> sheets.add(s.getSheetName()));
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertTrue(document.getNumberOfPages() >= sheets.size(), "a page at least per sheet");
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Better Care Fund Support Programme 2023-25", "Yorkshire and Humber",
                    "Strongest evidence")) {
                assertTrue(text.contains(expected), "the PDF shows " + expected);
            }
            for (String sheet : sheets) {
                assertTrue(text.contains(sheet + ": page "), "the PDF prints the sheet " + sheet);
            }
        }
    }

    private static java.util.Optional<String> onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate.toString());
            }
        }
        return java.util.Optional.empty();
    }
}
