package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.Analysis;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison with comparable areas in the written PDF and workbook, on the Trafford project
 * (fixtures/trafford-neighbours, real data from shared/realdata); and its absence from the worked
 * example, which names no neighbours. The sentence's figures are worked by hand in
 * NeighbourComparisonTest (analysis).
 */
class NeighbourReportTest {
    @TempDir
    static Path tmp;

    private static ReportInput trafford;

    @BeforeAll
    static void read() {
        Path fixture = Path.of(System.getProperty("evident.fixtures"), "trafford-neighbours");
        EvaluationProject project = EvaluationProject.open(fixture, EvaluationProject.Paths.ANYWHERE);
        IngestResult data = Ingest.read(project, Pseudonymiser.withKey("report test key, sixteen+"), line -> { });
        var analysis = Analysis.run(project, data);
        trafford = RunOutputs.reportInput(project, data, analysis, Charts.all(analysis));
    }

    @Test
    void pdf_hasTheSection_itsSentences_andAChartPerKpi_withAltText() throws IOException {
        Path pdf = tmp.resolve("trafford.pdf");
        ReportPdf.write(trafford, pdf, tmp.resolve("trafford.html"));
        List<String> bookmarks = new ArrayList<>();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            // A line may break after a hyphen ("2023-" then "24"): joined again, as ReportPdfTest does.
            text = new PDFTextStripper().getText(doc).replaceAll("-\\s+", "-").replaceAll("\\s+", " ");
        }
        assertTrue(bookmarks.contains("Comparable areas"), bookmarks::toString);
        assertTrue(text.contains("Trafford's permanent admissions to care homes, aged 65+ (per 100,000) was 779.6 in 2023-24:"
                + " in the worst quarter of its 15 comparable areas, ranked 15th of 16 where 1st is the lowest, and above the"
                + " England figure of 566 (worse)."), () -> text.substring(text.indexOf("Comparable areas Each")));
        assertTrue(text.contains("Trafford among its comparable areas"), "a chart caption");
        List<ChartImage> charts = trafford.charts().stream().filter(c -> c.name().startsWith(NeighbourCharts.PREFIX)).toList();
        assertEquals(List.of("neighbours-e08000009-admissions", "neighbours-e08000009-satisfaction"),
                charts.stream().map(ChartImage::name).toList());
        assertTrue(charts.get(0).description().startsWith("Bar chart of Permanent admissions to care homes, aged 65+ (per"
                + " 100,000) in 2023-24: Trafford 779.6, ranked 15 of 16 (1 the lowest) among its 15 comparable areas, best"
                + " first: Croydon 77.7, Windsor and Maidenhead 255.4,"), charts.get(0).description());
        assertTrue(charts.get(0).description().endsWith("Their median 445.2; England 566."), charts.get(0).description());
    }

    @Test
    void workbook_hasTheNeighboursSheet_withEveryRow_butTheWorkedExampleHasNone() throws IOException {
        Path xlsx = tmp.resolve("trafford.xlsx");
        EvidenceWorkbook.write(trafford, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(EvidenceWorkbook.sheetName("neighbours"));
            assertNotNull(sheet);
            // After the KPIs it compares, as one named Excel table.
            assertTrue(wb.getSheetIndex("KPIs") < wb.getSheetIndex(sheet));
            assertEquals(List.of("neighbours"), ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getTables().stream()
                    .map(t -> t.getName()).toList());
            List<String> areas = new ArrayList<>();
            sheet.forEach(row -> areas.add(row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue()));
            // Trafford and its 15 peers (England is the comparison, not an area) x 2 KPIs.
            assertEquals(32, areas.stream().filter(a -> a.startsWith("E0")).count());
        }
        ReportInput bcf = BcfInput.read(List.of());
        assertTrue(bcf.analysis().neighbours().isEmpty());
        Path other = tmp.resolve("bcf.xlsx");
        EvidenceWorkbook.write(bcf, other);
        try (InputStream in = Files.newInputStream(other); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertNull(wb.getSheet(EvidenceWorkbook.sheetName("neighbours")));
        }
        assertFalse(ReportHtml.of(bcf).contains("Comparable areas"), "no empty section without neighbours");
    }
}
