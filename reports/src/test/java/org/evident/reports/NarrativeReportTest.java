package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evident.toc.EvaluationQuestion;
import org.evident.toc.Indicator;
import org.evident.toc.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked example's report as a reader meets it: its text taken out of the PDF by pdftotext
 * (poppler), page by page. The PDF is kept in {@code target/narrative-preview/} to look at.
 */
class NarrativeReportTest {
    private static ReportInput input;
    /** Each page's text, whitespace run together. */
    private static List<String> pages;
    private static String text;

    @BeforeAll
    static void write() throws IOException, InterruptedException {
        Locale.setDefault(Locale.UK);
        input = BcfInput.read(List.of());
        input = new ReportInput(input.project(), input.analysis(), input.reconciliations(), input.rejects(), input.gaps(),
                input.tocSvg(), input.tocPng(), Charts.all(input.analysis()), input.tocDrawing(), input.tables());
        Path folder = Path.of("target", "narrative-preview");
        Files.createDirectories(folder);
        Path pdf = folder.resolve("report.pdf");
        ReportPdf.write(input, pdf, folder.resolve("report.html"));
        Process pdftotext = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String raw = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, pdftotext.waitFor(), raw);
        pages = new ArrayList<>();
        for (String page : raw.split("\f")) {
            pages.add(normalised(page));
        }
        text = String.join(" ", pages);
    }

    /** The text from {@code from} (its last occurrence before {@code to}'s) to {@code to}'s next occurrence. */
    private static String between(String from, String to) {
        // Section titles occur first in the contents list; the sections come after it.
        int start = text.indexOf(from, text.indexOf("Appendix B: the grading rule") + 1);
        int end = text.indexOf(to, start + from.length());
        assertTrue(start >= 0 && end > start, from + " to " + to);
        return text.substring(start, end);
    }

    @Test
    void executiveSummary_answersEveryEvaluationQuestion_inASentence() {
        // pdftotext drops a hyphen the line broke at ("person-centred" as "personcentred"): compare without them.
        String summary = between("Executive summary", "The theory of change").replace("-", "");
        List<EvaluationQuestion> questions = input.project().theoryOfChange().questions();
        assertEquals(8, questions.size());
        for (EvaluationQuestion q : questions) {
            String question = normalised(q.text()).replace("-", "");
            int at = summary.indexOf(question);
            assertTrue(at >= 0, "no question: " + q.text());
            String after = summary.substring(at + question.length()).strip();
            // The answer is the sentence straight after the question, about its evidence.
            assertTrue(after.startsWith("The evidence") || after.startsWith("There is little evidence")
                    || after.startsWith("None of the outcomes"), q.id() + ": " + after.substring(0, Math.min(120, after.length())));
        }
    }

    @Test
    void executiveSummary_question4_isMixed_withBuyInStrongest() {
        // Q4 (collaboration) is about buy-in, aligned plans and two impacts. Tables 6 and 7 grade
        // buy-in "strongest" and aligned broader plans "limited" (seed 001): so the answer is mixed,
        // and the impacts are too early to measure (section 6: "too early to assess").
        String summary = between("Executive summary", "The theory of change").replace("-", "");
        String q4 = normalised(input.project().theoryOfChange().questions().get(3).text()).replace("-", "");
        String answer = summary.substring(summary.indexOf(q4) + q4.length()).strip();
        answer = answer.substring(0, answer.indexOf("impacts it asks about"));
        assertTrue(answer.startsWith("The evidence is mixed: the strongest evidence for improved buyin"), answer);
        assertTrue(answer.contains("It is too early to measure"), answer);
    }

    @Test
    void executiveSummary_hasNoRejectedRowCounts_noRunChartJargon_andNoPeriodIds() {
        String summary = between("Executive summary", "The theory of change");
        assertFalse(summary.contains("rejected"), summary);
        assertFalse(summary.contains("special cause"), summary);
        assertFalse(summary.contains("Run chart"), summary);
        assertFalse(summary.matches(".*\\bphase-\\d.*"), summary);
    }

    @Test
    void noOutcomeIds_inTheReportsProse() {
        // Appendix A lists files and rejected rows as they are; everything before it is prose and tables.
        String prose = text.substring(0, text.lastIndexOf("Appendix A: data quality"));
        Matcher ids = Pattern.compile("\\b(st|mt)-[a-z]").matcher(prose);
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(prose.substring(Math.max(0, ids.start() - 40), Math.min(prose.length(), ids.end() + 20)));
        }
        assertTrue(found.isEmpty(), found::toString);
    }

    @Test
    void everyPageShowingKpiOrDischargeFigures_isLabelled() {
        // The fixture's README: the KPI returns are invented (illustrative), the discharges synthetic.
        List<String> labelled = input.project().theoryOfChange().indicators().stream()
                .filter(i -> i.source() == Indicator.Source.KPI).map(Indicator::label).toList();
        int shown = 0;
        for (int p = 0; p < pages.size(); p++) {
            String page = pages.get(p);
            // A KPI's name in a table or chart title: pages that only cite it in a sentence, such as
            // the evidence explanations, show no KPI figure of their own.
            boolean figures = page.contains("KPIs") && labelled.stream().anyMatch(page::contains);
            if (figures) {
                shown++;
                assertTrue(page.contains("Illustrative") || page.contains("illustrative")
                        || page.contains("Synthetic") || page.contains("synthetic"), "page " + (p + 1) + ": " + page);
            }
        }
        assertTrue(shown >= 2, "KPI pages: " + shown);
        assertTrue(text.contains(Provenance.ILLUSTRATIVE.label() + ": " + Provenance.ILLUSTRATIVE.meaning()), "banner");
        assertTrue(text.contains(Provenance.SYNTHETIC.label() + ": " + Provenance.SYNTHETIC.meaning()), "banner");
    }

    @Test
    void methodology_statesTheSurveysResponse_andItsCaveats() {
        String methods = between("Methodology and limitations", "Appendix A: data quality");
        // Seed 001, Appendix 2 and Figures 4 to 10: 38 BCF leads answered; 19 answered the questions
        // on the support their system received ("Of the 19 systems who responded to the survey").
        assertTrue(methods.contains("38 responded"), methods);
        assertTrue(methods.contains("19 of 38 respondents answered"), methods);
        assertTrue(methods.contains("self-selected"), methods);
        assertTrue(methods.contains("not attribution"), methods);
        assertTrue(methods.contains("too early to measure"), methods);
        // findings.csv: 43 case-study findings, 6 survey, 3 management and KPI data, 2 supplementary,
        // 1 BCM/CHIA and 1 non-participating interviews (counted with cut | sort | uniq -c): 56 in all.
        assertTrue(methods.contains("Case study interviews with systems 43"), methods);
        assertTrue(methods.contains("Total 56"), methods);
        assertTrue(methods.contains("Census ("), methods);
        assertTrue(methods.contains("Sample ("), methods);
    }

    @Test
    void delivery_closedOffersTotal27_withTheEvaluationsThreeReasons() {
        String delivery = between("Potential offers closed down, by reason", "Methodology and limitations");
        // Seed 001, section 2: "A further 27 potential local support offers have been closed down due
        // to a: lack of engagement from the local system; lack of capacity within the local system;
        // perception within the system that they were not yet ready to receive the support offer".
        for (String reason : List.of("lack of engagement from the local system", "lack of capacity within the local system",
                "not yet ready to receive the support offer")) {
            assertTrue(delivery.contains(reason), reason + " in " + delivery);
        }
        Matcher counts = Pattern.compile("support offer (\\d+)|local system (\\d+)").matcher(
                delivery.substring(0, delivery.indexOf("not yet ready to receive the support offer") + 50));
        int total = 0;
        while (counts.find()) {
            total += Integer.parseInt(counts.group(1) != null ? counts.group(1) : counts.group(2));
        }
        assertEquals(27, total, delivery);
        // Section 2: 50 directed (DSOG 36, BCM 12, MHCLG 2) and 15 non-directed.
        String routes = between("Referral routes of completed local projects", "Support types of completed local projects");
        assertTrue(routes.contains("DSOG 36") && routes.contains("BCM 12") && routes.contains("MHCLG 2")
                && routes.contains("System request 15"), routes);
        // Figure 2 (38 respondents): 27 "helpful for all systems", 17, 16 and 1.
        assertTrue(delivery.contains("Something that would be helpful for all systems 27"), delivery);
    }

    @Test
    void workbook_labelsTheKpiSheets() throws IOException {
        Path xlsx = Path.of("target", "narrative-preview", "evidence.xlsx");
        EvidenceWorkbook.write(input, xlsx);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (String name : List.of("Dashboard", "KPIs", "Run charts", "Run chart data")) {
                var sheet = wb.getSheet(name);
                String header = sheet.getHeader().getCenter();
                assertTrue(header.contains("Illustrative data") && header.contains("Synthetic data"), name + ": " + header);
                // Above the table (or the charts), in the lines that describe the sheet.
                StringBuilder above = new StringBuilder();
                int top = sheet.getTables().isEmpty() ? 8 : sheet.getTables().get(0).getStartRowIndex();
                for (int r = 1; r < top; r++) {
                    if (sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null) {
                        above.append(sheet.getRow(r).getCell(0).getStringCellValue()).append(' ');
                    }
                }
                assertTrue(above.toString().contains("Illustrative data: invented figures")
                        && above.toString().contains("Synthetic data: generated figures"), name + ": " + above);
            }
            // The survey is real (the evaluation's Figures 2 to 10): not labelled.
            assertEquals("", wb.getSheet("Survey").getHeader().getCenter());
        }
    }

    @Test
    void executiveSummary_endOfSupportReportsToDate_againstTheirExpectation() {
        // KPI-4, end-of-support reports within 4 weeks (Appendix 3's 100% expectation), from the
        // tracker's dates per quarter (fixture README): 8/12, 4/4, 2/3, 21/24, 11/12, 7/7 and 3/3,
        // so 56 of 65 to date = 86.2%, short of 100%: not met.
        int within = 8 + 4 + 2 + 21 + 11 + 7 + 3;
        int completed = 12 + 4 + 3 + 24 + 12 + 7 + 3;
        assertEquals(56, within);
        assertEquals(65, completed);
        String share = String.format(Locale.UK, "%.1f%%", 100.0 * within / completed);
        // Without hyphens: pdftotext drops one the line broke at.
        String summary = between("Executive summary", "The theory of change").replace("-", "");
        assertTrue(summary.contains("endofsupport report within 4 weeks (illustrative data) " + share + " 100.0% not met"),
                summary);
    }

    @Test
    void executiveSummary_citesTheReportsOwnFigures_byTheNumbersTheirCaptionsCarry() {
        String summary = between("Executive summary", "The theory of change");
        // The evaluation's own numbers ("Figure 4" to "Figure 10" for the survey) are not this report's.
        Matcher cited = Pattern.compile("Figures? (\\d+)").matcher(summary);
        List<Integer> numbers = new ArrayList<>();
        while (cited.find()) {
            numbers.add(Integer.parseInt(cited.group(1)));
        }
        assertFalse(numbers.isEmpty(), summary);
        String rest = text.substring(text.indexOf("The theory of change", text.indexOf(summary) + summary.length()));
        Matcher toc = Pattern.compile("Figure (\\d+) colours the theory of change").matcher(summary);
        assertTrue(toc.find(), summary);
        assertTrue(rest.contains("Figure " + toc.group(1) + ": The theory of change"), "caption of figure " + toc.group(1));
        Matcher months = Pattern.compile("Figure (\\d+) shows local projects completed month by month").matcher(summary);
        assertTrue(months.find(), summary);
        assertTrue(rest.contains("Figure " + months.group(1) + ": Local projects completed by month"), "caption");
    }

    static String normalised(String s) {
        // pdftotext hands ligatures over as one character ("ﬁ" in "figures"): NFKC splits them again.
        // A word broken after its hyphen at a line's end ("person-\ncentred") is joined again.
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("(\\w)-\\s*\n\\s*(\\w)", "$1-$2")
                .replaceAll("\\s+", " ").strip();
    }
}
