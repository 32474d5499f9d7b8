package org.evident.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every notebook's code cells through JShell, as the JJava kernel would, then checks what the
 * cells worked out against the evaluation report and against hand calculation.
 *
 * <p>Each notebook runs once; its session is kept for the checks and closed at the end.
 */
class NotebookTest {
    static final String QUICKSTART = "01-quickstart.ipynb";
    static final String KPI = "02-kpi-thresholds.ipynb";
    static final String EVIDENCE = "03-evidence-assessment.ipynb";
    static final String OWN = "04-your-own-programme.ipynb";

    private static final Map<String, NotebookRun> RUNS = new HashMap<>();

    @BeforeAll
    static void runsFromTheNotebookFolder() {
        // The cells use paths relative to notebooks-java/, where Jupyter is started; surefire's
        // working directory is the module folder, the same place.
        assertTrue(Files.isDirectory(NotebookRun.folder().resolve("../fixtures/bcf-support-programme")),
                "tests must run in notebooks-java/, found " + NotebookRun.folder());
    }

    @AfterAll
    static void closeSessions() throws IOException {
        NotebookRun own = RUNS.get(OWN);
        if (own != null) {
            // Notebook 4 leaves the user's new project in place on purpose; the test tidies it away.
            deleteTree(Path.of(own.value("folder.toString()")));
        }
        RUNS.values().forEach(NotebookRun::close);
        RUNS.clear();
    }

    private static NotebookRun run(String notebook) throws IOException {
        NotebookRun run = RUNS.get(notebook);
        if (run == null) {
            run = NotebookRun.of(notebook);
            RUNS.put(notebook, run);
            // What each cell showed, kept to read (the committed notebooks carry no outputs).
            Path shown = Path.of("target", "notebook-output", notebook.replace(".ipynb", ".txt"));
            Files.createDirectories(shown.getParent());
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < run.outputs.size(); i++) {
                text.append("--- code cell ").append(i).append(" ---\n").append(run.outputs.get(i)).append('\n');
            }
            Files.writeString(shown, text);
        }
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {QUICKSTART, KPI, EVIDENCE, OWN})
    void everyCodeCellRuns_withoutErrorOrException(String notebook) throws IOException {
        NotebookRun run = run(notebook);
        assertEquals(NotebookRun.codeCells(NotebookRun.folder().resolve(notebook)).size(), run.outputs.size());
    }

    // --- 01-quickstart -------------------------------------------------------------------------

    @Test
    void quickstart_countsNodesPerStage_asAppendix3() throws IOException {
        NotebookRun run = run(QUICKSTART);
        // Appendix 3 of the evaluation: 3 inputs, the activities of the four stakeholder groups
        // (22), 8 outputs, the 8 short-term outcomes of Table 6, the 8 medium-term outcomes of
        // Table 7 and 11 impacts.
        assertEquals("{INPUT=3, ACTIVITY=22, OUTPUT=8, SHORT_TERM_OUTCOME=8, MEDIUM_TERM_OUTCOME=8, IMPACT=11}",
                run.variable("nodesPerStage"));
        assertTrue(run.allOutput().contains("Short-term outcomes: 8"), run.allOutput());
    }

    @Test
    void quickstart_showsTheKpiTable_fromTheReturns() throws IOException {
        NotebookRun run = run(QUICKSTART);
        // The programme to date, then data/kpi_returns.csv's 7 quarterly rows for KPI-1, the first 10
        // of 12 in 2023-24 Q1. To date: 10+3+3+19+10+6+2 = 53 of 12+4+3+24+12+7+3 = 65 (81.5%).
        assertEquals("8", run.value("kpi1.rowCount()"));
        assertEquals("to date", run.value("kpi1.stringColumn(\"period\").get(0)"));
        assertEquals("53", run.value("kpi1.longColumn(\"numerator\").get(0)"));
        assertEquals("65", run.value("kpi1.longColumn(\"denominator\").get(0)"));
        assertEquals("2023-24 Q1", run.value("kpi1.stringColumn(\"period\").get(1)"));
        assertEquals("10", run.value("kpi1.longColumn(\"numerator\").get(1)"));
        assertEquals("12", run.value("kpi1.longColumn(\"denominator\").get(1)"));
        // KPI-1 is a census (toc.yaml), judged by its value against 80%: 81.5% to date is met, and
        // so is 10 of 12 = 83.3%; 3 of 4 = 75% in 2023-24 Q2 is not, with no interval to hide behind.
        assertEquals("census", run.value("kpi1.stringColumn(\"basis\").get(0)"));
        assertEquals("met", run.value("kpi1.stringColumn(\"verdict\").get(0)"));
        assertEquals("met", run.value("kpi1.stringColumn(\"verdict\").get(1)"));
        assertEquals("not met", run.value("kpi1.stringColumn(\"verdict\").get(2)"));
        // Shares are printed as percentages.
        String shown = run.outputs.get(7);
        assertTrue(shown.contains("83.3%") && shown.contains("80.0%") && shown.contains("census"), shown);
    }

    @Test
    void quickstart_gradesBuyIn_strongest() throws IOException {
        NotebookRun run = run(QUICKSTART);
        // Table 6 of the report rates improved buy-in "Strongest evidence"; the default rubric gives Some: case-study
        // interviews and the leads survey support it, but its one mixed finding (F-015) counts half against it
        // (cli's RunTablesTest works the weights).
        assertEquals("Some evidence", run.value(
                "latest.where(latest.stringColumn(\"node\").isEqualTo(\"st-buy-in\")).stringColumn(\"grade\").get(0)"));
        // The 16 short- and medium-term outcomes of Tables 6 and 7 and the 11 impacts, one row each at phase 3.
        assertEquals("27", run.value("latest.rowCount()"));
    }


    // --- 02-kpi-thresholds ---------------------------------------------------------------------

    /** The 97.5% point of the standard normal distribution, for 95% intervals. */
    static final double Z = 1.959963984540054;

    /** The Wilson score interval, written out from Wilson (1927), independent of the library. */
    static double[] wilson(double x, double n) {
        double p = x / n;
        double denominator = 1 + Z * Z / n;
        double centre = (p + Z * Z / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }

    @Test
    void kpi_satisfied_15of19_isInconclusiveAgainst80Percent() throws IOException {
        NotebookRun run = run(KPI);
        // Figure 5 of the report: 15 of the 19 leads who answered agreed (5 strongly, 10 agree).
        assertEquals("15", run.variable("agree"));
        assertEquals("19", run.variable("answered"));
        assertEquals(0.789474, number(run.variable("share")), 5e-7);
        // By hand: z^2/n = 3.841459/19 = 0.202182; centre (0.789474 + 0.101091) / 1.202182 = 0.740791;
        // half-width 1.959964 * sqrt(0.166205/19 + 3.841459/1444) / 1.202182 = 0.174133;
        // so 0.5667 to 0.9149: 0.80 is inside, hence inconclusive.
        double[] expected = wilson(15, 19);
        assertEquals(0.5667, expected[0], 1e-4);
        assertEquals(0.9149, expected[1], 1e-4);
        assertEquals(expected[0], number(run.value("wilson.low()")), 1e-9);
        assertEquals(expected[1], number(run.value("wilson.high()")), 1e-9);
        assertEquals("INCONCLUSIVE", run.variable("verdict"));
        // P(X >= 15) for X ~ Binomial(19, 0.8): the sum of C(19,k) 0.8^k 0.2^(19-k) for k = 15..19.
        double tail = 0;
        for (int k = 15; k <= 19; k++) {
            tail += choose(19, k) * Math.pow(0.8, k) * Math.pow(0.2, 19 - k);
        }
        assertEquals(0.673288, tail, 1e-6);
        assertEquals(tail, number(run.variable("pExact")), 1e-9);
    }

    @Test
    void kpi_whatWouldChangeTheVerdict_28MoreAgreeing_or19of19() throws IOException {
        NotebookRun run = run(KPI);
        // k more respondents, all agreeing, give (15 + k) of (19 + k). By hand with the formula above:
        // k = 27 gives 42 of 46, lower bound 0.79675 (not above 0.80); k = 28 gives 43 of 47,
        // lower bound 0.80068: the first above the target.
        assertEquals(0.79675, wilson(42, 46)[0], 1e-5);
        assertEquals(0.80068, wilson(43, 47)[0], 1e-5);
        assertEquals("28", run.variable("extraAgreeing"));
        assertTrue(run.outputs.get(5).contains("43 of 47") && run.outputs.get(5).contains("met"), run.outputs.get(5));
        // Out of the same 19: x = n makes the lower bound n / (n + z^2) = 19 / 22.841459 = 0.8318;
        // 18 of 19 gives 0.7536. So all 19 would have had to agree.
        assertEquals(0.8318, wilson(19, 19)[0], 1e-4);
        assertEquals(0.7536, wilson(18, 19)[0], 1e-4);
        assertEquals("19", run.variable("agreeNeeded"));
    }

    @Test
    void kpi_runChartOfKpi1_isAPChart_withLimitsFromEachQuartersCount() throws IOException {
        NotebookRun run = run(KPI);
        // data/kpi_returns.csv, KPI-1: 10/12, 3/4, 3/3, 19/24, 10/12, 6/7, 2/3: 53 of 65 pooled.
        long[] x = {10, 3, 3, 19, 10, 6, 2};
        long[] n = {12, 4, 3, 24, 12, 7, 3};
        double p = 53.0 / 65;
        assertEquals(0.815385, p, 1e-6);
        assertEquals("P", run.value("runChart.type()"));
        assertEquals(p, number(run.value("runChart.mean()")), 1e-12);
        for (int i = 0; i < x.length; i++) {
            double half = 3 * Math.sqrt(p * (1 - p) / n[i]);
            assertEquals(Math.max(0, p - half), number(run.value("runChart.lowerLimits().get(" + i + ")")), 1e-12);
            // p + half is above 1 for every quarter (0.815 + 0.336 for n = 24): clipped to 100%.
            assertEquals(1.0, number(run.value("runChart.upperLimits().get(" + i + ")")), 1e-12);
        }
        // n = 24 (2023-24 Q4): 0.815385 - 3 x sqrt(0.815385 x 0.184615 / 24) = 0.577793.
        assertEquals(0.577793, number(run.value("runChart.lowerLimits().get(3)")), 1e-6);
        // The latest quarter, 3 systems: limits 14.3% to 100%; the 0.80 target lies between: hit and miss.
        assertEquals("HIT_AND_MISS", run.value("runChart.assurance()"));
    }

    @Test
    void kpi_displaysTheRunChart_asAPicture() throws IOException {
        NotebookRun run = run(KPI);
        assertEquals("1", run.value("displayed.size()"));
        // The kernel shows a ChartImage as its PNG and its SVG (JupyterNotebooksIT checks the outputs).
        assertEquals("true", run.value("displayed.get(0) == chartImage"));
        String picture = "javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chartImage.png()))";
        int width = Integer.parseInt(run.value(picture + ".getWidth()"));
        int height = Integer.parseInt(run.value(picture + ".getHeight()"));
        assertTrue(width > 0 && height > 0, width + " x " + height);
        // The README: chart PNGs are drawn at twice the chart's size.
        assertEquals(2 * Integer.parseInt(run.value("chartImage.width()")), width);
        assertEquals(2 * Integer.parseInt(run.value("chartImage.height()")), height);
    }

    // --- 03-evidence-assessment ----------------------------------------------------------------

    @Test
    void evidence_buyInRisesToStrongest_atPhase3() throws IOException {
        NotebookRun run = run(EVIDENCE);
        // data/findings.csv: st-buy-in's supporting findings F-011 to F-014 are all phase 3, and its
        // only earlier finding (F-015, phase 1, one case study: 0.75) is mixed, half each way: 0.375 for and
        // against, not outweighed: Some from phase 1; phase 3 adds support but keeps the mixed half against: Some.
        String row = "byPeriod.where(byPeriod.stringColumn(\"node\").isEqualTo(\"st-buy-in\"))";
        assertEquals("Some evidence", run.value(row + ".stringColumn(\"phase-2\").get(0)"));
        assertEquals("Some evidence", run.value(row + ".stringColumn(\"phase-3\").get(0)"));
        assertEquals("same", run.value(row + ".stringColumn(\"change\").get(0)"));
    }

    @Test
    void evidence_explainsBuyIn_byTheTriangulatedRule() throws IOException {
        NotebookRun run = run(EVIDENCE);
        String explained = run.outputs.get(3);
        // F-011, F-013 and F-014 from case-study interviews and F-012 from the leads survey (F-010,
        // Table 6's own summary, is no longer a finding): 4 supporting items from 2 methods, none
        // against, F-015 mixed. F-012 is the only second method, so the grade rests on it.
        // Weighted (cli's RunTablesTest): 4.375 for from two methods, F-015's half (0.375) against: supported, Some.
        assertTrue(explained.contains("Some evidence"), explained);
        assertTrue(explained.contains("rule 'supported'"), explained);
        assertTrue(explained.contains("4.375 supporting from 2 methods, 0.375 contradicting; 1 mixed or inconclusive"), explained);
        assertTrue(!explained.contains("F-010"), explained);
        for (String finding : new String[] {"F-011", "F-012", "F-013", "F-014", "F-015"}) {
            assertTrue(explained.contains(finding), finding + " in " + explained);
        }
    }

    @Test
    void evidence_strictRubric_lowersBuyInOnly_andTheCopyIsRemoved() throws IOException {
        NotebookRun run = run(EVIDENCE);
        assertEquals("Strict rubric", run.outputs.get(5));
        assertEquals("Some evidence", run.value("strictGrades.get(\"st-buy-in\")"));
        // Its other rules are the default's, so only outcomes graded strongest can change, and the default rubric
        // grades none strongest under the weights: nothing changes.
        assertEquals("0", run.value("comparison.where(t -> t.stringColumn(\"default\")"
                + ".isNotEqualTo(t.stringColumn(\"strict\"))).rowCount()"));
        assertEquals("false", run.value("Files.exists(copy)"));
    }

    // --- 04-your-own-programme -----------------------------------------------------------------

    @Test
    void ownProgramme_validatesWithOneWarning_andDrawsItsDiagram() throws IOException {
        NotebookRun run = run(OWN);
        // mt-joined-up is the one short- or medium-term outcome without an indicator.
        assertEquals("1", run.value("mine.warnings().size()"));
        assertTrue(run.value("mine.warnings().get(0).message()").contains("mt-joined-up"));
        String mermaid = run.variable("mermaid");
        assertTrue(mermaid.startsWith("flowchart LR"), mermaid);
        // The link with assumption key A, written in toc.yaml as out-projects -> st-projects-completed.
        assertTrue(mermaid.contains("out_projects -->|A| st_projects_completed"), mermaid);
        assertEquals(mermaid.strip(), run.outputs.get(6).strip());
    }

    @Test
    void ownProgramme_countsCompletedProjectsPerQuarter_andGradesTheOutcome() throws IOException {
        NotebookRun run = run(OWN);
        assertTrue(run.outputs.get(7).contains("data/tracker.csv: 6 rows read = 6 accepted + 0 rejected"),
                run.outputs.get(7));
        // The tracker's completion dates, 2024-07-15 and 2024-09-20 (Q2), 2024-11-29 (Q3) and
        // 2025-02-14 (Q4), give 0, 2, 3 and 4 completed by each quarter's end; the target of 4 is
        // met in Q4 only (reaching a value target exactly counts as meeting it).
        // The running total to date (4, met) leads the table.
        assertEquals("[4.0, 0.0, 2.0, 3.0, 4.0]", run.value("kpis.doubleColumn(\"value\").asList()"));
        assertEquals("[met, not met, not met, not met, met]", run.value("kpis.stringColumn(\"verdict\").asList()"));
        // Q4: one indicator met, one method, nothing against: the default rubric's `supported`.
        String q4 = "evidence.where(evidence.stringColumn(\"node\").isEqualTo(\"st-projects-completed\")"
                + ".and(evidence.stringColumn(\"period\").isEqualTo(\"2024-25 Q4\")))";
        assertEquals("Some evidence", run.value(q4 + ".stringColumn(\"grade\").get(0)"));
    }

    static double choose(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private static double number(String value) {
        return Double.parseDouble(value);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
