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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.Verdict;
import org.evident.toc.Grade;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook of the worked example and of a small project, read back with POI and opened by LibreOffice. */
class EvidenceWorkbookTest {
    private static final List<String> TABLE_SHEETS = List.of("Evidence", "Judgements", "Evidence items", "Changes", "KPIs", "Run chart limits", "Survey", "Delivery", "Pathways",
            "Assumptions", "Themes", "Lessons", "Funnel", "Data quality");

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

    @Test
    void judgementsSheet_setsTheRuleBesideTheTeam_andListsEveryDisagreementWithBothReasons() throws IOException {
        try (XSSFWorkbook wb = open(write(bcf()))) {
            XSSFSheet sheet = wb.getSheet("Judgements");
            List<String> lines = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    lines.add(row.getCell(0).getStringCellValue());
                }
            }
            // Header and the 16 outcomes of Tables 6 and 7, then the agreement (14 of 16 worked by hand in
            // cli's RunTablesTest) and the two outcomes where the rule parts from the evaluators.
            assertEquals("Node", lines.get(0));
            assertEquals(16, lines.stream().filter(l -> l.startsWith("st-") || l.startsWith("mt-")).count());
            assertTrue(lines.contains("The rule against the evaluation team's judgements: 14 of 16 (88%), linearly weighted"
                    + " kappa 0.76."), lines::toString);
            List<String> differ = lines.stream().filter(l -> l.contains("; the rule gives ")).toList();
            assertEquals(2, differ.size(), differ::toString);
            assertTrue(differ.get(0).startsWith("Improved buy-in, relationships and collaborative working"), differ.get(0));
            assertTrue(differ.get(0).contains("judged Strongest evidence (Noted consistently")
                    && differ.get(0).contains("the rule gives Some evidence (supported: "), differ.get(0));
        }
    }

    @Test
    void sheetsInOrder_eachTableSheetWithFrozenHeaderFilterAndPrintSetup() throws IOException {
        try (XSSFWorkbook wb = open(write(bcf()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Evidence", "Judgements", "Evidence items", "Changes", "KPIs", "Run charts", "Run chart limits", "Survey",
                    "Survey comparisons", "Delivery", "Pathways", "Assumptions", "Themes", "Lessons", "Funnel plots", "Funnel", "Data quality"), names);
            for (String name : TABLE_SHEETS) {
                XSSFSheet sheet = wb.getSheet(name);
                PaneInformation pane = sheet.getPaneInformation();
                assertNotNull(pane, name + " has a frozen pane");
                assertTrue(pane.isFreezePane(), name);
                assertEquals(1, pane.getHorizontalSplitPosition(), name + ": the header row is frozen");
                assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), name + " has an autofilter");
                assertEquals("A1", sheet.getCTWorksheet().getAutoFilter().getRef().split(":")[0], name);
                assertTrue(bold(sheet.getRow(0).getCell(0)), name + ": bold header");
                assertEquals(0, sheet.getRepeatingRows().getFirstRow(), name + ": header printed on every page");
                assertEquals(0, sheet.getRepeatingRows().getLastRow(), name + ": header printed on every page");
            }
            for (org.apache.poi.ss.usermodel.Sheet any : wb) {
                XSSFSheet sheet = (XSSFSheet) any;
                String name = sheet.getSheetName();
                assertTrue(sheet.getPrintSetup().getLandscape(), name);
                assertTrue(sheet.getFitToPage(), name);
                assertEquals(1, sheet.getPrintSetup().getFitWidth(), name);
                assertEquals(name.equals("Summary") ? 1 : 0, sheet.getPrintSetup().getFitHeight(), name + ": as many pages long as it takes");
                for (int c = 0; c < 20; c++) {
                    assertTrue(sheet.getColumnWidth(c) <= (WorkbookSheet.MAX_WIDTH + 1) * 256, name + " column " + c);
                }
            }
            XSSFSheet summary = wb.getSheet("Summary");
            assertEquals("Better Care Fund Support Programme 2023-25", rowStarting(summary, "Programme").getCell(1)
                    .getStringCellValue());
            assertEquals("Evident default rubric", rowStarting(summary, "Rubric").getCell(1).getStringCellValue());
            assertEquals("2025-01-13", new DataFormatter().formatCellValue(rowStarting(summary, "Reporting date").getCell(1)));
            assertEquals(27, (long) rowStarting(summary, "Total").getCell(1).getNumericCellValue(),
                    "16 outcomes (Tables 6 and 7) and 11 impacts, graded or not yet assessed");
            Row survey = rowStarting(summary, "data/survey_leads_phase3.csv");
            assertEquals(CellType.NUMERIC, survey.getCell(1).getCellType());
            assertEquals(38, (long) survey.getCell(1).getNumericCellValue(), "38 respondents");
        }
    }

    @Test
    void kpiVerdictTotals_onTheSummarySheet_areTheReportsOwn_toDateOnePerIndicator() throws IOException {
        ReportInput input = bcf();
        KpiVerdicts totals = input.analysis().kpiVerdicts();
        Map<String, Long> sheet = new java.util.LinkedHashMap<>();
        try (XSSFWorkbook wb = open(write(input))) {
            boolean inKpis = false;
            for (Row row : wb.getSheet("Summary")) {
                Cell first = row.getCell(0);
                String text = first == null || first.getCellType() != CellType.STRING ? "" : first.getStringCellValue();
                if (text.startsWith("KPI verdicts (")) {
                    assertEquals("KPI verdicts (" + KpiVerdicts.WHAT + ")", text);
                    inKpis = true;
                } else if (inKpis && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.NUMERIC) {
                    sheet.put(text, (long) row.getCell(1).getNumericCellValue());
                    if (text.equals("Total")) {
                        break;
                    }
                }
            }
        }
        // The worked example, to date: KPI-1 53/65 met (census), KPI-2 36/48 inconclusive (sample),
        // KPI-3 50/65 not met, KPI-4 56/65 not met, HOME-65 not met, LOS-21 met: 2 met, 3 not, 1 inconclusive.
        assertEquals(Map.of("met", 2L, "not met", 3L, "inconclusive: too few answers to say", 1L, "Total", 6L), sheet);
        assertEquals(2, totals.count(Verdict.MET));
        assertEquals(3, totals.count(Verdict.NOT_MET));
        assertEquals(1, totals.count(Verdict.INCONCLUSIVE));
        String sentence = Summary.sentences(input).stream().filter(t -> t.contains(KpiVerdicts.WHAT)).findFirst().orElseThrow();
        assertTrue(sentence.startsWith("Of 6 " + KpiVerdicts.WHAT), sentence);
        assertTrue(sentence.contains("2 met the target, 3 did not and 1 was inconclusive"), sentence);
    }

    @Test
    void delivery_table3_asNumbers_withABoldTotal() throws IOException {
        Map<String, long[]> table3 = new java.util.LinkedHashMap<>();
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
            XSSFSheet sheet = wb.getSheet("Delivery");
            assertEquals(List.of("Region", "Completed", "Active", "Pipeline", "Total"), texts(sheet.getRow(0), 5));
            int r = 1;
            for (Map.Entry<String, long[]> e : table3.entrySet()) {
                Row row = sheet.getRow(r++);
                assertEquals(e.getKey(), row.getCell(0).getStringCellValue());
                for (int c = 0; c < 4; c++) {
                    Cell cell = row.getCell(c + 1);
                    assertEquals(CellType.NUMERIC, cell.getCellType(), e.getKey() + " column " + (c + 1));
                    assertEquals(e.getValue()[c], (long) cell.getNumericCellValue(), e.getKey() + " column " + (c + 1));
                    assertEquals("0", cell.getCellStyle().getDataFormatString());
                }
            }
            Row total = sheet.getRow(10);
            assertTrue(bold(total.getCell(0)));
            assertTrue(bold(total.getCell(4)));
            assertTrue(!bold(sheet.getRow(9).getCell(0)), "only the Total row is bold");
            // The other delivery tables follow, each under a bold title.
            for (String title : List.of("Universal support products by stage", "Local support projects completed by month",
                    "Referral routes of completed local projects", "Support types of completed local projects",
                    "Potential offers closed down, by reason", "Regions reached by the end of each quarter")) {
                assertTrue(bold(rowStarting(sheet, title).getCell(0)), title);
            }
        }
    }

    private static boolean bold(Cell cell) {
        return ((XSSFCellStyle) cell.getCellStyle()).getFont().getBold();
    }

    private static List<String> texts(Row row, int n) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            texts.add(row.getCell(c).getStringCellValue());
        }
        return texts;
    }

    private static int column(XSSFSheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " on " + sheet.getSheetName());
    }

    @Test
    void kpiShares_arePercentages_andCountsWholeNumbers() throws IOException {
        try (XSSFWorkbook wb = open(write(bcf()))) {
            XSSFSheet sheet = wb.getSheet("KPIs");
            int value = column(sheet, "Value");
            int target = column(sheet, "Target");
            int shares = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                // kpi-systems-good-excellent is a share in toc.yaml (unit: share).
                if (row.getCell(0).getStringCellValue().equals("kpi-systems-good-excellent")) {
                    Cell cell = row.getCell(value);
                    assertEquals(CellType.NUMERIC, cell.getCellType());
                    assertEquals("0.0%", cell.getCellStyle().getDataFormatString());
                    assertTrue(cell.getNumericCellValue() > 0 && cell.getNumericCellValue() <= 1, "a fraction, shown as %");
                    assertEquals(0.8, row.getCell(target).getNumericCellValue(), 1e-12);
                    shares++;
                }
            }
            assertTrue(shares > 0, "the KPI sheet has the share KPI");
        }
    }

    @Test
    void evidenceCells_carryTheirGradesColours_andTheExplanation() throws IOException {
        ReportInput input = bcf();
        Map<String, Assessment> latest = new HashMap<>();
        input.analysis().latestEvidence().forEach(a -> latest.put(a.node(), a));
        try (XSSFWorkbook wb = open(write(input))) {
            XSSFSheet sheet = wb.getSheet("Evidence");
            Row header = sheet.getRow(0);
            // The columns of tables/evidence_by_period.csv: node, label, stage, a grade per period, change.
            int change = header.getLastCellNum() - 1;
            assertEquals(List.of("Node", "Outcome or impact", "Stage"), texts(header, 3));
            assertEquals("Change", header.getCell(change).getStringCellValue());
            assertEquals("Phase 3 (November 2024 to January 2025)", header.getCell(change - 1).getStringCellValue());
            assertEquals(27, sheet.getLastRowNum(), "one row per graded outcome (16) and impact (11)");
            int graded = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Assessment a = latest.get(row.getCell(0).getStringCellValue());
                Cell cell = row.getCell(change - 1);
                assertEquals(a.gradeLabel(), cell.getStringCellValue());
                XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
                assertEquals(GradeColours.fill(a.grade()).substring(1).toUpperCase(),
                        style.getFillForegroundXSSFColor().getARGBHex().substring(2), a.node());
                assertEquals(GradeColours.text(a.grade()).substring(1).toUpperCase(),
                        style.getFont().getXSSFColor().getARGBHex().substring(2), a.node());
                assertEquals(a.explain().strip(), cell.getCellComment().getString().getString());
                // Every period's grade cell has its colour, not only the latest.
                for (int c = 3; c < change; c++) {
                    Cell earlier = row.getCell(c);
                    if (earlier != null && earlier.getCellType() == CellType.STRING) {
                        java.util.Optional<Grade> g = grade(earlier.getStringCellValue());
                        assertEquals(GradeColours.fill(g).substring(1).toUpperCase(),
                                ((XSSFCellStyle) earlier.getCellStyle()).getFillForegroundXSSFColor().getARGBHex().substring(2));
                        assertNotNull(earlier.getCellComment());
                        graded++;
                    }
                }
            }
            assertTrue(graded >= 16 * 4, "four periods of grades: " + graded);
        }
    }

    /** The grade a cell shows; empty for "Not yet assessed". */
    private static java.util.Optional<Grade> grade(String label) {
        if (label.equals(Grade.NOT_YET_ASSESSED)) {
            return java.util.Optional.empty();
        }
        for (Grade g : Grade.values()) {
            if (g.label().equals(label)) {
                return java.util.Optional.of(g);
            }
        }
        throw new AssertionError("not a grade: " + label);
    }

    @Test
    void runCharts_areEmbeddedPictures_underTheirTitles_andOnlyRunCharts() throws IOException {
        try (XSSFWorkbook wb = open(write(bcf()))) {
            XSSFSheet sheet = wb.getSheet("Run charts");
            assertEquals("Systems rating support good or excellent: run chart", sheet.getRow(0).getCell(0).getStringCellValue());
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            assertNotNull(drawing);
            List<XSSFPicture> pictures = drawing.getShapes().stream().filter(XSSFPicture.class::isInstance)
                    .map(XSSFPicture.class::cast).toList();
            assertEquals(1, pictures.size(), "the one run chart, not the other chart");
            XSSFPicture picture = pictures.get(0);
            assertEquals(1, picture.getClientAnchor().getRow1(), "under its title");
            assertEquals(1200, (int) picture.getImageDimension().getWidth(), "the PNG as given");
            // Shown at the chart's size, 600 x 300 pixels: 15 rows of the default 20 pixels.
            int rows = picture.getClientAnchor().getRow2() - picture.getClientAnchor().getRow1();
            assertTrue(rows >= 14 && rows <= 16, "rows spanned: " + rows);
        }
    }

    /**
     * The run charts' anchors from the PNG header are POI's own: resize(), getImageDimension()
     * and resize(scale), which decode the PNG, on the same sheet (columns of mixed widths, rows of
     * mixed heights), for PNGs of ours (Png), ImageIO's and one with a pHYs chunk (decoded).
     */
    @Test
    void runChartAnchors_fromThePngHeader_areThoseOfPoisResize() throws IOException {
        BufferedImage drawn = new BufferedImage(1801, 901, BufferedImage.TYPE_INT_RGB);
        List<ChartImage> charts = List.of(
                new ChartImage("a", "a", "<svg/>", png(1200, 600), 600, 300),
                new ChartImage("b", "b", "<svg/>", org.evident.diagram.Png.encode(drawn), 900, 450),
                new ChartImage("c", "c", "<svg/>", png(100, 50), 100, 50),
                new ChartImage("d", "d", "<svg/>", png(333, 77), 0, 0),
                new ChartImage("e", "e", "<svg/>", withDpi(png(1000, 500), 150), 500, 250));
        assertEquals(null, EvidenceWorkbook.pngSize(charts.get(4).png()), "a pHYs chunk: POI's way");
        assertEquals(List.of(1801, 901), java.util.Arrays.stream(EvidenceWorkbook.pngSize(charts.get(1).png())).boxed().toList());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet();
            int[] widths = {12, 60, 7, 33, 9, 41, 18, 25, 11, 50};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            for (int r = 0; r < 400; r += 3) {
                sheet.createRow(r).setHeightInPoints(11 + r % 17);
            }
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            int top = 0;
            for (ChartImage chart : charts) {
                for (int col : new int[] {0, 1, 3}) {
                    int index = wb.addPicture(chart.png(), org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
                    XSSFPicture poi = drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, col, top, col + 1, top + 1), index);
                    poi.resize();
                    double pixels = poi.getImageDimension().getWidth();
                    if (chart.width() > 0 && pixels > 0 && chart.width() != pixels) {
                        poi.resize(chart.width() / pixels);
                    }
                    XSSFPicture ours = drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, col, top, col + 1, top + 1), index);
                    EvidenceWorkbook.fitToChart(ours, chart);
                    var a = poi.getClientAnchor();
                    var b = ours.getClientAnchor();
                    String what = chart.name() + " at column " + col + ", row " + top;
                    assertEquals(List.of(a.getCol1(), a.getDx1(), a.getCol2(), a.getDx2(), a.getRow1(), a.getDy1(), a.getRow2(), a.getDy2()),
                            List.of(b.getCol1(), b.getDx1(), b.getCol2(), b.getDx2(), b.getRow1(), b.getDy1(), b.getRow2(), b.getDy2()), what);
                    var extA = poi.getCTPicture().getSpPr().getXfrm().getExt();
                    var extB = ours.getCTPicture().getSpPr().getXfrm().getExt();
                    assertEquals(List.of(extA.getCx(), extA.getCy()), List.of(extB.getCx(), extB.getCy()), what);
                    top += 7;
                }
            }
        }
    }

    /** The PNG with a pHYs chunk of the given dots per inch, as a program that records it writes. */
    private static byte[] withDpi(byte[] png, int dpi) throws IOException {
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        var writer = ImageIO.getImageWritersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(png)));
        BufferedImage image = reader.read(0);
        var type = javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image);
        var metadata = writer.getDefaultImageMetadata(type, null);
        var dimension = new javax.imageio.metadata.IIOMetadataNode("Dimension");
        for (String name : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
            var node = new javax.imageio.metadata.IIOMetadataNode(name);
            node.setAttribute("value", Double.toString(25.4 / dpi));
            dimension.appendChild(node);
        }
        var root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        metadata.mergeTree("javax_imageio_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new javax.imageio.IIOImage(image, null, metadata));
        }
        return out.toByteArray();
    }

    @Test
    void noRunCharts_saySo() throws IOException {
        try (XSSFWorkbook wb = open(write(withoutCharts(bcf())))) {
            XSSFSheet sheet = wb.getSheet("Run charts");
            assertEquals("No KPI had enough periods for a run chart.", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of(), wb.getAllPictures());
        }
    }

    @Test
    void twoRuns_giveTheSameCells_andTheDocumentIsDatedByTheReportingDate() throws IOException {
        ReportInput input = bcf();
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        EvidenceWorkbook.write(input, first);
        EvidenceWorkbook.write(input, second);
        try (XSSFWorkbook a = open(first); XSSFWorkbook b = open(second)) {
            assertEquals(cells(a), cells(b));
            assertEquals(Instant.parse("2025-01-13T00:00:00Z"), a.getProperties().getCoreProperties().getCreated().toInstant());
            assertEquals(Instant.parse("2025-01-13T00:00:00Z"), a.getProperties().getCoreProperties().getModified().toInstant());
        }
    }

    /** Every cell as sheet!ref=type:value:format, in order. */
    private static List<String> cells(XSSFWorkbook wb) {
        List<String> cells = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + cell.getCellType() + ":" + cell
                            + ":" + cell.getCellStyle().getDataFormatString());
                }
            }
        }
        return cells;
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
            int answer = column(survey, "Answer");
            List<String> answers = new ArrayList<>();
            for (Row row : survey) {
                Cell cell = row.getCell(answer);
                if (row.getRowNum() > 0) {
                    assertEquals(CellType.STRING, cell.getCellType(), cell.getAddress().formatAsString());
                    answers.add(cell.getStringCellValue());
                }
            }
            assertEquals(List.of("=1+2", "@SUM(A1)", "+44 20", "-5", "=1+2"), answers, "four categories, then the positive row");
            Row reject = rowStarting(wb.getSheet("Data quality"), "data/survey.csv");
            for (Row row : wb.getSheet("Data quality")) {
                Cell value = row.getCell(3);
                if (value != null && value.toString().startsWith("=HYPERLINK")) {
                    reject = row;
                }
            }
            assertEquals(CellType.STRING, reject.getCell(3).getCellType());
            assertEquals("=HYPERLINK(\"http://example.org\")", reject.getCell(3).getStringCellValue());
            assertEquals(CellType.STRING, rowStarting(wb.getSheet("Summary"), "Programme").getCell(1).getCellType());
            assertEquals("=SUM(1,2) outcome", wb.getSheet("Evidence").getRow(1).getCell(1).getStringCellValue());
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

    /**
     * The proof that the file opens in a spreadsheet program: LibreOffice converts it to PDF,
     * printing every sheet. Without LibreOffice the test fails rather than passing unchecked.
     */
    @Test
    void libreOfficeOpensTheWorkbook_andPrintsEverySheet() throws IOException, InterruptedException {
        String soffice = onPath("soffice").or(() -> onPath("libreoffice")).orElseThrow(() -> new AssertionError(
                "LibreOffice is needed to check that the workbook opens: install libreoffice-calc-nogui "
                        + "(apt-get install -y --no-install-recommends libreoffice-calc-nogui); .ci/run installs it"));
        Path file = write(bcf());
        Path out = dir.resolve("pdf");
        Path log = dir.resolve("soffice.log");
        // A fresh profile: a profile shared with a running LibreOffice would make this call hand
        // the file to that instance and return at once.
        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("LibreOffice did not convert the workbook within 120 s: " + Files.readString(log));
        }
        System.out.printf("LibreOffice converted the workbook in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Path pdf = out.resolve("evidence.pdf");
        assertEquals(0, process.exitValue(), Files.readString(log));
        assertTrue(Files.isRegularFile(pdf) && Files.size(pdf) > 0, "no PDF: " + Files.readString(log));
        // Kept for a person to look at after a build.
        Path preview = Path.of("target", "workbook-preview");
        Files.createDirectories(preview);
        Files.copy(file, preview.resolve("evidence.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pdf, preview.resolve("evidence.pdf"), StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertTrue(document.getNumberOfPages() >= EvidenceWorkbook.SHEETS.size(), "a page at least per sheet");
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Better Care Fund Support Programme 2023-25", "Yorkshire and Humber",
                    "Strongest evidence", "Data quality: page ")) {
                assertTrue(text.contains(expected), "the PDF shows " + expected);
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
