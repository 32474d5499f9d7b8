package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
 * Every published table is defined once: a run's CSV file and the workbook sheet that shows the
 * same table carry the same columns and the same values, read back with an independent CSV reader
 * (commons-csv) and with POI. The project breaks its survey down by region (the workbook's Survey
 * sheet once had no group column, so breakdown rows looked like duplicates of the whole-wave rows)
 * and sets a 90% confidence level (the report's KPI table was headed "95% interval" whatever the
 * setting said).
 */
class PublishedTablesTest {
    @TempDir
    static Path dir;

    private static Path out;

    @BeforeAll
    static void run() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: out, label: Support delivered, stage: output }
                  - { id: st-sat, label: Satisfaction, stage: short_term_outcome }
                links:
                  - { from: in, to: out }
                  - { from: out, to: st-sat }
                indicators:
                  - { id: kpi-sat, node: st-sat, label: Rated good or excellent, source: kpi, measure: KPI-1, target: 0.8, unit: share }
                  - { id: svy-quality, node: st-sat, label: Quality was high, source: survey, measure: quality, target: 0.5 }
                """);
        Files.writeString(project.resolve("evaluation.yaml"), """
                programme: Published tables test
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q3 }
                sources:
                  - id: wave
                    type: survey
                    file: data/survey.csv
                    period: 2024-25 Q3
                    groups: [region]
                    items:
                      - { id: quality, type: agreement, column: The quality of support was high }
                  - id: returns
                    type: kpi
                    file: data/kpi.csv
                settings:
                  confidence_level: 0.9
                """);
        Files.writeString(project.resolve("data/survey.csv"), """
                respondent_id,region,The quality of support was high
                r1,London,Strongly agree
                r2,London,Agree
                r3,London,Disagree
                r4,North East,Agree
                r5,North East,Strongly disagree
                """);
        Files.writeString(project.resolve("data/kpi.csv"), """
                kpi,period,numerator,denominator
                KPI-1,2024-25 Q1,8,10
                KPI-1,2024-25 Q2,9,12
                KPI-1,2024-25 Q3,15,16
                """);
        EvaluationProject opened = EvaluationProject.open(project);
        IngestResult data = Ingest.read(opened, Pseudonymiser.withKey("a test key of at least sixteen bytes"), line -> { });
        RunOutputs outputs = RunOutputs.begin(opened, dir.resolve("history"));
        out = dir.resolve("out");
        outputs.write(data, outputs.compareWithHistory(Analysis.run(opened, data)).analysis(), out);
    }

    @Test
    void surveySheet_carriesTheCsvsColumns_groupIncluded_soBreakdownRowsAreNotDuplicates() throws IOException {
        List<List<String>> csv = csv("survey_items");
        List<List<String>> sheet = sheet("Survey");
        assertSameTable(csv, sheet, "survey_items");
        int group = csv.get(0).indexOf("group");
        assertTrue(group >= 0, "the CSV has a group column");
        assertEquals("Group", sheet.get(0).get(group), "and the sheet has it, in the same place");
        Set<String> groups = new HashSet<>();
        csv.subList(1, csv.size()).forEach(row -> groups.add(row.get(group)));
        // The whole wave (blank), then each region of the breakdown.
        assertEquals(Set.of("", "region: London", "region: North East"), groups);
        Set<List<String>> distinct = new HashSet<>(sheet.subList(1, sheet.size()));
        assertEquals(sheet.size() - 1, distinct.size(), "no two rows of the Survey sheet are alike");
    }

    @Test
    void everyTableWithASheetOfItsOwn_hasTheCsvsColumnsAndValues() throws IOException {
        assertSameTable(csv("kpis"), sheet("KPIs"), "kpis");
        assertSameTable(csv("run_charts"), sheet("Run chart data"), "run_charts");
        assertSameTable(csv("pathways"), sheet("Pathways"), "pathways");
        assertSameTable(csv("evidence"), sheet("Evidence items"), "evidence");
        assertSameTable(csv("evidence_by_period"), sheet("Evidence"), "evidence_by_period");
        assertSameTable(csv("themes"), sheet("Themes"), "themes");
        assertSameTable(csv("lessons"), sheet("Lessons"), "lessons");
        // One wave, broken down by region: no change between waves, each region against the rest.
        assertSameTable(csv("survey_group_differences"), sheet("Survey groups"), "survey_group_differences");
    }

    @Test
    void theReportsIntervals_areHeadedByTheConfiguredLevel() throws IOException {
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("90% interval"), "the KPI and survey tables say 90%");
        assertFalse(text.contains("95% interval"), "and never 95%");
        // KPI-1 at 2024-25 Q3: 15 of 16, 93.8%.
        assertTrue(text.contains("15 of 16"), text);
        assertTrue(text.contains("93.8%"), text);
    }

    /**
     * The CSV (header: column names) and the sheet (header: headings) have as many columns and
     * rows, and each cell agrees: text equal, numbers equal to the CSV's six decimal places.
     */
    private static void assertSameTable(List<List<String>> csv, List<List<String>> sheet, String name) {
        if (csv.size() == 1) {
            // A table without rows: an Excel table needs one, so the sheet has a row of [z] (not applicable).
            assertEquals(2, sheet.size(), name + ": the header and one row");
            assertTrue(sheet.get(1).stream().allMatch("[z]"::equals), name + ": " + sheet.get(1));
            return;
        }
        assertEquals(csv.size(), sheet.size(), name + ": rows, header included");
        assertEquals(csv.get(0).size(), sheet.get(0).size(), name + ": columns " + csv.get(0) + " against " + sheet.get(0));
        for (int r = 1; r < csv.size(); r++) {
            for (int c = 0; c < csv.get(0).size(); c++) {
                String expected = csv.get(r).get(c);
                String actual = sheet.get(r).get(c);
                String where = name + " row " + r + ", column " + csv.get(0).get(c);
                if (expected.isEmpty() && List.of("[x]", "[c]", "[z]").contains(actual)) {
                    // The guidance's shorthand for a number the CSV leaves blank.
                    continue;
                }
                if (!expected.isEmpty() && expected.matches("-?\\d+(\\.\\d+)?") && !actual.isEmpty()
                        && actual.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?")) {
                    assertEquals(Double.parseDouble(expected), Double.parseDouble(actual), 5e-7, where);
                } else {
                    assertEquals(expected, actual, where);
                }
            }
        }
    }

    private static List<List<String>> csv(String name) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out.resolve("tables").resolve(name + ".csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    /** The sheet's cells as text: a number as Java writes a double, a blank cell as "". */
    private static List<List<String>> sheet(String name) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out.resolve("evidence.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(name);
            // The sheet's one Excel table: a title and description sit above it.
            var table = sheet.getTables().get(0);
            int columns = table.getEndColIndex() + 1;
            for (int r = table.getStartRowIndex(); r <= table.getEndRowIndex(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    Cell cell = row.getCell(c);
                    // A change in shares is held in percentage points (the Notes sheet says so), the CSV's fraction times 100.
                    boolean points = cell != null && cell.getCellStyle().getDataFormatString().contains(" pp");
                    cells.add(cell == null || cell.getCellType() == CellType.BLANK ? ""
                            : cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue() / (points ? 100 : 1))
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
