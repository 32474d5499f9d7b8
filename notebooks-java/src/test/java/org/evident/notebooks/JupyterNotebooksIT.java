package org.evident.notebooks;

import static org.evident.notebooks.NotebookTest.EVIDENCE;
import static org.evident.notebooks.NotebookTest.KPI;
import static org.evident.notebooks.NotebookTest.OWN;
import static org.evident.notebooks.NotebookTest.QUICKSTART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four notebooks executed by real Jupyter ({@code jupyter nbconvert --execute}) on the Evident
 * kernel, installed by {@code evident notebook install} from cli's packaged jars into a Jupyter
 * folder of this build's own; then what the cells showed, checked against the same hand
 * calculations as {@link NotebookTest}, and the kinds of output: tables as HTML, the chart as PNG
 * and SVG. Jupyter must be installed (./test.sh installs it): a missing Jupyter fails, never skips.
 */
class JupyterNotebooksIT {
    private static final Path TARGET = Path.of("target");
    private static final Path EXECUTED = TARGET.resolve("executed-notebooks");
    private static final Map<String, List<JsonNode>> OUTPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void executeTheNotebooksInJupyter() throws IOException, InterruptedException {
        if (!succeeds(List.of("jupyter", "nbconvert", "--version"), Map.of())) {
            fail("Jupyter with nbconvert is needed (./test.sh installs it): apt-get install jupyter-nbconvert "
                    + "jupyter-client");
        }
        Path data = TARGET.resolve("jupyter-data").toAbsolutePath();
        NotebookTest.deleteTree(data);
        // Jupyter's kernels folder for this build only: the user's own kernels are left alone.
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString());

        Path cli = Path.of(System.getProperty("evident.cli.target"));
        assertTrue(Files.isRegularFile(cli.resolve("evident.jar")), cli + "/evident.jar: build cli first (mvn verify)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(java, "-cp", cli.resolve("evident.jar") + File.pathSeparator + cli.resolve("lib") + File.separator + "*",
                "org.evident.cli.Evident", "notebook", "install", "--user"), env, "install");
        String kernels = run(List.of("jupyter", "kernelspec", "list"), env, "kernelspec-list");
        assertTrue(kernels.contains("evident"), kernels);

        NotebookTest.deleteTree(EXECUTED);
        // One nbconvert (and kernel) per notebook, all at once: each kernel works mostly on one
        // thread (JShell's compiler, the analysis), so the two cores finish them in about half the time.
        // No kernel named here: each notebook's metadata names "evident", as when a user opens it.
        List<Running> running = new ArrayList<>();
        for (String notebook : NotebookFilesTest.NOTEBOOKS) {
            running.add(start(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=600", "--output-dir", EXECUTED.toString(), notebook), env,
                    "nbconvert-" + notebook.replace(".ipynb", "")));
        }
        for (Running nbconvert : running) {
            nbconvert.finish();
        }

        StringBuilder types = new StringBuilder();
        for (String notebook : NotebookFilesTest.NOTEBOOKS) {
            List<JsonNode> cells = new ArrayList<>();
            for (JsonNode cell : NotebookRun.read(EXECUTED.resolve(notebook)).path("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    cells.add(cell.path("outputs"));
                }
            }
            OUTPUTS.put(notebook, cells);
            types.append(notebook).append('\n');
            for (int i = 0; i < cells.size(); i++) {
                types.append("  code cell ").append(i).append(": ").append(outputTypes(cells.get(i))).append('\n');
            }
        }
        Files.writeString(outputFolder().resolve("jupyter-output-types.txt"), types);
    }

    @AfterAll
    static void removeTheNewProject() throws IOException {
        if (OUTPUTS.containsKey(OWN)) {
            // Notebook 4 leaves the user's new project on purpose; its first cell shows where.
            NotebookTest.deleteTree(Path.of(result(OWN, 1)));
        }
    }

    private static Path outputFolder() throws IOException {
        return Files.createDirectories(TARGET.resolve("notebook-output"));
    }

    /** Runs a command to its end, keeps what it printed in target/notebook-output/NAME.txt, fails on a non-zero exit. */
    private static String run(List<String> command, Map<String, String> env, String name)
            throws IOException, InterruptedException {
        return start(command, env, name).finish();
    }

    /** A command running, its output going to target/notebook-output/NAME.txt. */
    private record Running(List<String> command, Process process, Path log) {
        /** Waits for the end; fails, with what it printed, unless it exited with 0. */
        String finish() throws IOException, InterruptedException {
            int code = process.waitFor();
            String said = Files.readString(log);
            assertEquals(0, code, String.join(" ", command) + " failed:\n" + said);
            return said;
        }
    }

    private static Running start(List<String> command, Map<String, String> env, String name) throws IOException {
        Path log = outputFolder().resolve(name + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new Running(command, builder.start(), log);
    }

    private static boolean succeeds(List<String> command, Map<String, String> env) throws InterruptedException {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            return builder.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A cell's outputs as "stream:stdout, execute_result[text/html, text/plain]". */
    private static String outputTypes(JsonNode outputs) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode output : outputs) {
            String type = output.path("output_type").asText();
            if (type.equals("stream")) {
                kinds.add("stream:" + output.path("name").asText());
            } else {
                List<String> mimes = new ArrayList<>();
                output.path("data").fieldNames().forEachRemaining(mimes::add);
                kinds.add(type + mimes);
            }
        }
        return kinds.isEmpty() ? "(none)" : String.join(", ", kinds);
    }

    private static JsonNode output(String notebook, int cell, String type) {
        for (JsonNode output : OUTPUTS.get(notebook).get(cell)) {
            if (output.path("output_type").asText().equals(type)) {
                return output;
            }
        }
        throw new AssertionError(notebook + ", code cell " + cell + ": no " + type + " output, only "
                + outputTypes(OUTPUTS.get(notebook).get(cell)));
    }

    /** The cell's result (its last expression) as text. */
    private static String result(String notebook, int cell) {
        return NotebookRun.text(output(notebook, cell, "execute_result").path("data").path("text/plain"));
    }

    /** What the cell printed. */
    private static String printed(String notebook, int cell) {
        return NotebookRun.text(output(notebook, cell, "stream").path("text"));
    }

    /** The cell's result shown as an HTML table, as rows of column name to cell text. */
    private static List<Map<String, String>> htmlTable(String notebook, int cell) {
        String html = NotebookRun.text(output(notebook, cell, "execute_result").path("data").path("text/html"));
        assertTrue(html.startsWith("<table>"), notebook + ", code cell " + cell + ": " + html);
        List<String> header = cells(html.substring(html.indexOf("<thead>"), html.indexOf("</thead>")), "th");
        List<Map<String, String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>").matcher(html.substring(html.indexOf("<tbody>")));
        while (row.find()) {
            List<String> values = cells(row.group(1), "td");
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), values.get(i));
            }
            rows.add(named);
        }
        return rows;
    }

    private static List<String> cells(String html, String tag) {
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">").matcher(html);
        while (cell.find()) {
            cells.add(cell.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                    .replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return cells;
    }

    private static Map<String, String> rowWhere(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value + " in " + rows));
    }

    // --- 01-quickstart -------------------------------------------------------------------------

    @Test
    void quickstart_countsNodesPerStage_asAppendix3() {
        // Appendix 3: 3 inputs, 22 activities, 8 outputs, 8 + 8 outcomes (Tables 6 and 7), 11 impacts.
        assertEquals("Inputs: 3\nActivities: 22\nOutputs: 8\nShort-term outcomes: 8\nMedium-term outcomes: 8\n"
                + "Impacts: 11\n", printed(QUICKSTART, 2));
    }

    @Test
    void quickstart_showsTheKpiTable_asHtml_fromTheReturns() {
        List<Map<String, String>> kpi1 = htmlTable(QUICKSTART, 7);
        assertEquals(8, kpi1.size());
        // To date: 10+3+3+19+10+6+2 = 53 of 12+4+3+24+12+7+3 = 65, 81.5%, met against 80% (a census).
        Map<String, String> toDate = kpi1.get(0);
        assertEquals("to date", toDate.get("period"));
        assertEquals("53", toDate.get("numerator"));
        assertEquals("65", toDate.get("denominator"));
        assertEquals(String.format("%.1f%%", 100.0 * 53 / 65), toDate.get("value"));
        assertEquals("80.0%", toDate.get("target"));
        assertEquals("census", toDate.get("basis"));
        assertEquals("met", toDate.get("verdict"));
        // 10 of 12 = 83.3% met in 2023-24 Q1; 3 of 4 = 75% not met in Q2.
        assertEquals("2023-24 Q1", kpi1.get(1).get("period"));
        assertEquals("83.3%", kpi1.get(1).get("value"));
        assertEquals("met", kpi1.get(1).get("verdict"));
        assertEquals("75.0%", kpi1.get(2).get("value"));
        assertEquals("not met", kpi1.get(2).get("verdict"));
    }

    @Test
    void quickstart_gradesBuyIn_strongest() {
        List<Map<String, String>> latest = htmlTable(QUICKSTART, 8);
        // The 16 short- and medium-term outcomes of Tables 6 and 7 and the 11 impacts, one row each at phase 3.
        // Table 6 rates buy-in Strongest; the default rubric gives Some: case-study interviews and the leads survey
        // support it, but its one mixed finding (F-015) counts half against it (as NotebookTest).
        assertEquals(27, latest.size());
        assertEquals("Some evidence", rowWhere(latest, "node", "st-buy-in").get("grade"));
    }

    // --- 02-kpi-thresholds ---------------------------------------------------------------------

    @Test
    void kpi_satisfied_15of19_isInconclusiveAgainst80Percent() {
        assertEquals("15 of 19 agree: 78.9% against a target of 80%", result(KPI, 2));
        double[] wilson = NotebookTest.wilson(15, 19);
        assertEquals(String.format("share %.1f%%, 95%% interval %.1f%% to %.1f%%: inconclusive: too few answers to say",
                100.0 * 15 / 19, 100 * wilson[0], 100 * wilson[1]), result(KPI, 3));
        double tail = 0;
        for (int k = 15; k <= 19; k++) {
            tail += NotebookTest.choose(19, k) * Math.pow(0.8, k) * Math.pow(0.2, 19 - k);
        }
        assertEquals(String.format("P(15 or more of 19 agree | true share 80%%) = %.3f", tail), result(KPI, 4));
    }

    @Test
    void kpi_whatWouldChangeTheVerdict_28MoreAgreeing_or19of19() {
        // By hand (NotebookTest): 42 of 46 gives a lower bound of 0.79675, 43 of 47 0.80068.
        double[] wouldBe = NotebookTest.wilson(43, 47);
        assertTrue(NotebookTest.wilson(42, 46)[0] <= 0.8 && wouldBe[0] > 0.8);
        assertEquals(String.format("28 more agreeing answers: 43 of 47, interval %.1f%% to %.1f%%: met",
                100 * wouldBe[0], 100 * wouldBe[1]), result(KPI, 5));
        assertTrue(NotebookTest.wilson(18, 19)[0] <= 0.8 && NotebookTest.wilson(19, 19)[0] > 0.8);
        assertEquals("19 of 19 would have had to agree", result(KPI, 6));
    }

    @Test
    void kpi_runChartOfKpi1_printsEachQuartersLimits() {
        long[] x = {10, 3, 3, 19, 10, 6, 2};
        long[] n = {12, 4, 3, 24, 12, 7, 3};
        double p = 53.0 / 65;
        List<String> lines = printed(KPI, 7).lines().toList();
        assertEquals(x.length, lines.size(), printed(KPI, 7));
        for (int i = 0; i < x.length; i++) {
            double lower = Math.max(0, p - 3 * Math.sqrt(p * (1 - p) / n[i]));
            String expected = String.format("%.3f  limits %.3f to %.3f", (double) x[i] / n[i], lower, 1.0);
            assertTrue(lines.get(i).contains(expected), expected + " in " + lines.get(i));
        }
        assertEquals(String.format("p chart, centre %.3f: hit and miss", p), result(KPI, 7));
    }

    @Test
    void kpi_showsTheRunChart_asPngAndSvg() throws IOException {
        JsonNode data = output(KPI, 8, "display_data").path("data");
        byte[] png = Base64.getMimeDecoder().decode(NotebookRun.text(data.path("image/png")));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        String svg = NotebookRun.text(data.path("image/svg+xml"));
        Matcher width = Pattern.compile("<svg[^>]*\\swidth=\"(\\d+)").matcher(svg);
        assertTrue(width.find(), svg.substring(0, Math.min(300, svg.length())));
        // The README: chart PNGs are drawn at twice the chart's size.
        assertEquals(2 * Integer.parseInt(width.group(1)), picture.getWidth());
        // The worked example's KPI returns are illustrative, and the chart's title says so first.
        assertTrue(result(KPI, 8).startsWith("Illustrative data: Systems completing support in the quarter"), result(KPI, 8));
    }

    // --- 03-evidence-assessment ----------------------------------------------------------------

    @Test
    void evidence_buyInRisesToStrongest_atPhase3() {
        Map<String, String> buyIn = rowWhere(htmlTable(EVIDENCE, 2), "node", "st-buy-in");
        // data/findings.csv: its supporting findings are all phase 3; its one earlier finding (F-015, phase 1, one
        // case study: 0.75) is mixed, half each way, not outweighed: Some from phase 1, and Some at phase 3 (as NotebookTest).
        assertEquals("Some evidence", buyIn.get("phase-2"));
        assertEquals("Some evidence", buyIn.get("phase-3"));
        assertEquals("same", buyIn.get("change"));
    }

    @Test
    void evidence_explainsBuyIn_byTheTriangulatedRule() {
        String explained = printed(EVIDENCE, 3);
        // Weighted (cli's RunTablesTest): 4.375 for from two methods, F-015's half (0.375) against: supported, Some.
        assertTrue(explained.contains("rule 'supported'"), explained);
        assertTrue(explained.contains("4.375 supporting from 2 methods, 0.375 contradicting; 1 mixed or inconclusive"), explained);
        for (String finding : new String[] {"F-011", "F-012", "F-013", "F-014", "F-015"}) {
            assertTrue(explained.contains(finding), finding + " in " + explained);
        }
    }

    @Test
    void evidence_strictRubric_lowersBuyInOnly_andTheCopyIsRemoved() {
        assertEquals("Strict rubric", result(EVIDENCE, 5));
        List<Map<String, String>> changed = htmlTable(EVIDENCE, 6).stream()
                .filter(r -> !r.get("default").equals(r.get("strict"))).toList();
        // The strict rubric's other rules are the default's, so only outcomes graded strongest can change, and the
        // default rubric grades none strongest under the weights: nothing changes (as NotebookTest).
        assertEquals(List.of(), changed);
        assertEquals("false", result(EVIDENCE, 7));
    }

    // --- 04-your-own-programme -----------------------------------------------------------------

    @Test
    void ownProgramme_validatesWithOneWarning_andDrawsItsDiagram() {
        List<String> warnings = printed(OWN, 5).lines().toList();
        assertEquals(1, warnings.size(), printed(OWN, 5));
        assertTrue(warnings.get(0).contains("mt-joined-up"), warnings.get(0));
        String mermaid = printed(OWN, 6);
        assertTrue(mermaid.startsWith("flowchart LR"), mermaid);
        assertTrue(mermaid.contains("out_projects -->|A| st_projects_completed"), mermaid);
    }

    @Test
    void ownProgramme_countsCompletedProjectsPerQuarter_andGradesTheOutcome() {
        assertTrue(printed(OWN, 7).contains("data/tracker.csv: 6 rows read = 6 accepted + 0 rejected"), printed(OWN, 7));
        List<Map<String, String>> kpis = htmlTable(OWN, 7);
        // Completions 2024-07-15 and 2024-09-20 (Q2), 2024-11-29 (Q3), 2025-02-14 (Q4): 0, 2, 3, 4 by each
        // quarter's end against a target of 4; the running total to date first.
        assertEquals(List.of("4", "0", "2", "3", "4"), kpis.stream().map(r -> r.get("value")).toList());
        assertEquals(List.of("met", "not met", "not met", "not met", "met"), kpis.stream().map(r -> r.get("verdict")).toList());
        Map<String, String> q4 = htmlTable(OWN, 8).stream()
                .filter(r -> r.get("node").equals("st-projects-completed") && r.get("period").equals("2024-25 Q4"))
                .findFirst().orElseThrow();
        assertEquals("Some evidence", q4.get("grade"));
    }

    // --- every notebook ------------------------------------------------------------------------

    @Test
    void tableCellsShowHtml_andNoCellFailed() {
        for (Map.Entry<String, List<JsonNode>> notebook : OUTPUTS.entrySet()) {
            for (JsonNode outputs : notebook.getValue()) {
                for (JsonNode output : outputs) {
                    assertTrue(!output.path("output_type").asText().equals("error"), notebook.getKey() + ": " + output);
                }
            }
        }
        // The cells that end with a Tablesaw table.
        for (Object[] cell : new Object[][] {{QUICKSTART, 7}, {QUICKSTART, 8}, {EVIDENCE, 2}, {EVIDENCE, 6}, {OWN, 7}, {OWN, 8}}) {
            JsonNode data = output((String) cell[0], (Integer) cell[1], "execute_result").path("data");
            assertTrue(data.has("text/html") && data.has("text/plain"), cell[0] + " " + cell[1] + ": " + data.fieldNames());
        }
    }
}
