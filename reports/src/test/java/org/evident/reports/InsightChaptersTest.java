package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.Insights;
import org.evident.ingest.Pseudonymiser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example's themes, quotes and lessons: counted against a hand count of its CSV files,
 * the quote rule worked by hand, the report's chapters read back with pdftotext and the workbook's
 * Lessons sheet with POI.
 */
class InsightChaptersTest {
    @TempDir
    static Path tmp;

    private static ReportInput input;
    private static Insights insights;

    @BeforeAll
    static void read() {
        input = BcfInput.read(List.of());
        insights = input.analysis().insights();
    }

    @Test
    void themeCounts_matchAHandCountOfTheCsvFiles() {
        // Counted by hand from the themes column of data/findings.csv (F-) and of data/survey_leads_phase3.csv (the
        // 7 rows with a comment, BCF-LEAD-nn); a row coded with two themes counts under both:
        // partnership-working      F-007 F-011 F-012 F-013 F-014 F-015 F-041                    7 + 0
        // wider-partners           F-043                                                         1 + 0
        // how-support-is-seen      F-032 F-033 F-034 F-061; BCF-LEAD-01 02                       4 + 2
        // shared-understanding     F-008 F-017 F-018 F-019 F-020 F-047 F-048                    7 + 0
        // modelling-and-data       F-018 F-050 F-051 F-052 F-053; BCF-LEAD-25                    5 + 1
        // quality-of-support       F-002 F-003 F-005; BCF-LEAD-38                                3 + 1
        // tailoring                F-004 F-020 F-053 F-061; BCF-LEAD-19                          4 + 1
        // plans-and-decisions      F-022 F-024 F-039 F-040 F-041 F-044 F-045 F-062; BCF-LEAD-25  8 + 1
        // implementation-capacity  F-009 F-023 F-025 F-052 F-054; BCF-LEAD-15                    5 + 1
        // measuring-change         F-027 F-028 F-029 F-030                                       4 + 0
        // discharge-and-flow       F-028 F-056 F-057 F-058 F-059 F-063                           6 + 0
        // sharing-and-learning     F-036 F-037 F-065 F-066 F-067; BCF-LEAD-10                    5 + 1
        // follow-up                F-070 F-071 F-072                                             3 + 0
        // The rows nobody coded: F-069 ("Completed (with follow-up planned)") holds follow-up's keyword
        // "follow-up"; the eight findings about Table 9's assumption keys carry no theme either,
        // and whole-word keywords propose: A-01 "lack of clarity" shared-understanding ("clarity"); A-02
        // "capacity and demand support" modelling-and-data; A-04 "scoping and implementation"
        // implementation-capacity; A-05 "broad satisfaction ... expertise" quality-of-support; A-07
        // "capturing and sharing" sharing-and-learning; none. 1 proposed under each.
        Map<String, long[]> expected = new LinkedHashMap<>();
        expected.put("partnership-working", new long[] {7, 0, 0});
        expected.put("wider-partners", new long[] {1, 0, 0});
        expected.put("how-support-is-seen", new long[] {4, 2, 0});
        expected.put("shared-understanding", new long[] {7, 0, 1});
        expected.put("modelling-and-data", new long[] {5, 1, 1});
        expected.put("quality-of-support", new long[] {3, 1, 1});
        expected.put("tailoring", new long[] {4, 1, 0});
        expected.put("plans-and-decisions", new long[] {8, 1, 0});
        expected.put("implementation-capacity", new long[] {5, 1, 1});
        expected.put("measuring-change", new long[] {4, 0, 0});
        expected.put("discharge-and-flow", new long[] {6, 0, 0});
        expected.put("sharing-and-learning", new long[] {5, 1, 1});
        expected.put("follow-up", new long[] {3, 0, 1});
        Map<String, long[]> actual = new LinkedHashMap<>();
        for (Insights.ThemeCount c : insights.counts()) {
            long[] counts = actual.computeIfAbsent(c.theme(), t -> new long[3]);
            switch (c.source()) {
                case "findings" -> counts[0] = c.coded();
                case "leads-survey" -> counts[1] = c.coded();
                default -> {
                    assertEquals("Total", c.source());
                    assertEquals(counts[0] + counts[1], c.coded(), c.theme() + ": the total is the sum of its sources");
                    counts[2] = c.proposed();
                }
            }
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((theme, counts) -> assertEquals(List.of(counts[0], counts[1], counts[2]),
                List.of(actual.get(theme)[0], actual.get(theme)[1], actual.get(theme)[2]), theme));
    }

    @Test
    void quoteRule_atLeastOnePerCodedTheme_preferringAnotherSource_neverARespondent() {
        List<String> themesWithItems = insights.counts().stream().filter(c -> c.source().equals("Total") && c.coded() > 0)
                .map(Insights.ThemeCount::theme).toList();
        for (String theme : themesWithItems) {
            assertFalse(insights.quotes(theme).isEmpty(), theme + " has coded items, so at least one quote");
            assertTrue(insights.quotes(theme).size() <= 2, theme + ": quotes_per_theme is 2");
        }
        // Worked by hand from the rule: partnership-working's findings in file order are F-007 (case study 12,
        // Walsall, West Midlands), F-011 (section 5), ...; there are no comments. The first finding comes first;
        // the next from another place is F-011.
        // F-007's quote carries a planted name and e-mail address (evaluation.yaml's personal_data), quoted redacted.
        assertEquals(List.of("The ICB gained confidence and validation, encouraging further integration steps. Contact: [name],"
                        + " [email].",
                        "Overall, the support programme demonstrated the most success in improving partnership working,"
                                + " particularly between health and social care system partners."),
                insights.quotes("partnership-working").stream().map(Insights.Quote::text).toList());
        // k-anonymous attribution (k = 5): F-007 gives no cases, so its region (West Midlands) is not named.
        assertEquals(List.of("case study interviews, England", "case study interviews"),
                insights.quotes("partnership-working").stream().map(Insights.Quote::attribution).toList());
        // how-support-is-seen: the first finding (F-032) and the first comment (BCF-LEAD-01, Doncaster). Only 4 of the
        // survey's 38 respondents are in Yorkshire and Humber (counted in survey_leads_phase3.csv's region column), so
        // the region is generalised; the wave's 38 are enough for the role.
        assertEquals(List.of("survey of BCF leads", "BCF lead, England"),
                insights.quotes("how-support-is-seen").stream().map(Insights.Quote::attribution).toList());
        // shared-understanding: F-020 "reiterating what systems already knew" has 5 words, so it goes last;
        // F-008 (case study 3, Suffolk, no cases given: region generalised) and F-017 (section 5) are quoted.
        assertEquals(List.of("case study interviews, England", "survey of BCF leads"),
                insights.quotes("shared-understanding").stream().map(Insights.Quote::attribution).toList());
        // follow-up: F-069 is only proposed by a keyword, so it is never quoted.
        assertTrue(insights.quotes("follow-up").stream().noneMatch(q -> q.text().startsWith("Completed")));
        // No respondent id, raw or pseudonymised, in any quote or attribution.
        Pseudonymiser pseudonyms = Pseudonymiser.withKey("report test key, sixteen+");
        String quoted = insights.quotes().toString();
        for (int i = 1; i <= 38; i++) {
            String id = String.format("BCF-LEAD-%02d", i);
            assertFalse(quoted.contains(id), id);
            assertFalse(quoted.contains(pseudonyms.pseudonym(id)), "the pseudonym of " + id);
        }
        assertEquals(insights.quotes(), BcfInput.read(List.of()).analysis().insights().quotes(), "the same quotes every run");
    }

    @Test
    void reportPdf_hasWhatWeLearned_byTheFourConditions_withAQuote_andTheWayForward() throws IOException, InterruptedException {
        Path pdf = tmp.resolve("report.pdf");
        ReportPdf.write(input, pdf, tmp.resolve("report.html"));
        Path txt = tmp.resolve("report.txt");
        Process pdftotext = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString()).inheritIO().start();
        assertEquals(0, pdftotext.waitFor());
        // NFKC: the PDF's font sets "ff" as a ligature, which pdftotext gives back as one character (U+FB00).
        String text = java.text.Normalizer.normalize(Files.readString(txt, StandardCharsets.UTF_8),
                java.text.Normalizer.Form.NFKC).replaceAll("\\s+", " ");
        // The chapter itself, not its line in the contents: from its second mention to the next chapter's.
        int from = text.indexOf("What we learned", text.indexOf("What we learned") + 1);
        int to = text.indexOf("Suggested way forward", text.indexOf("Suggested way forward", from) - 1);
        assertTrue(from > 0 && to > from, "the chapter is there, before the way forward");
        String chapter = text.substring(from, to);
        List<Integer> at = new ArrayList<>();
        for (String condition : List.of("Relationships", "Data-driven decision making", "Effective actions and planning",
                "Measurable results and sustained improvement")) {
            at.add(chapter.indexOf(condition));
            assertTrue(chapter.contains(condition), condition);
        }
        assertEquals(at.stream().sorted().toList(), at, "the four conditions in the LGA's order");
        // A quote from findings.csv (F-043), verbatim, and a comment from the survey.
        assertTrue(chapter.contains("\u201cThe evaluation found limited engagement of VCSE organisations and housing partners"
                + " in the support delivery.\u201d"), chapter);
        assertTrue(chapter.contains("Peer learning with similar systems would be welcome"), chapter);
        assertFalse(chapter.contains("BCF-LEAD"));
        assertFalse(chapter.contains("F-0"), "no finding ids in the prose: they are in Appendix C");
        String wayForward = text.substring(text.indexOf("Suggested way forward", from));
        // Recommendation and owner of lessons.csv's first row.
        assertTrue(wayForward.contains("Pair technical support with support for leadership, collaborative working and culture,"
                + " as a named part of the offer. LGA (support provider)"), wayForward.substring(0, 1500));
    }

    @Test
    void workbook_hasTheLessonsSheet_asLessonsCsvGivesIt() throws IOException {
        Path file = tmp.resolve("evidence.xlsx");
        EvidenceWorkbook.write(input, file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("Lessons");
            DataFormatter format = new DataFormatter();
            List<String> header = new ArrayList<>();
            int top = sheet.getTables().get(0).getStartRowIndex();
            sheet.getRow(top).forEach(c -> header.add(format.formatCellValue(c)));
            assertEquals(List.of("Lesson", "Theme code", "Theme", "Under", "What we learned", "Recommendation", "Owner", "Findings",
                    "Document references", "Evidence"), header);
            // lessons.csv has 12 rows; its first is partnership-working's, owned by the LGA, resting on 4 findings.
            List<Row> rows = new ArrayList<>();
            sheet.forEach(r -> {
                if (r.getRowNum() > top && r.getCell(0) != null) {
                    rows.add(r);
                }
            });
            assertEquals(12, rows.size());
            Row first = rows.get(0);
            assertEquals(1.0, first.getCell(0).getNumericCellValue());
            assertEquals("partnership-working", first.getCell(1).getStringCellValue());
            assertEquals("Relationships", first.getCell(3).getStringCellValue());
            assertEquals("LGA (support provider)", first.getCell(6).getStringCellValue());
            assertEquals("F-011; F-013; F-014; F-015", first.getCell(7).getStringCellValue());
            assertEquals("evaluation section 7: Focus on leadership and behaviour change", first.getCell(8).getStringCellValue());
            // F-011, F-013 and F-014 are case study interviews, F-015 supplementary evidence (findings.csv's method column).
            assertTrue(first.getCell(9).getStringCellValue().startsWith("4 findings (3 from case study interviews with systems,"
                    + " 1 from supplementary evidence provided by systems)"), first.getCell(9).getStringCellValue());
            assertTrue(wb.getSheet("Themes") != null);
        }
    }
}
