package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey comparisons end to end on {@code fixtures/survey-waves} (two waves, groups by directed and
 * region; its README gives the counts): `evident run` writes {@code survey_changes.csv} and
 * {@code survey_group_differences.csv} and the report's pages about them, read back with pdftotext.
 * Expected intervals are Newcombe's (1998, Statistics in Medicine 17:873-890) Table II method 10
 * limits for the same counts, worked by hand in {@code DifferenceIntervalTest}.
 */
class SurveyComparisonsTest {
    private static final Path FIXTURES = Path.of(System.getProperty("evident.fixtures"));
    private static final double PRINTED = 0.00005;

    @TempDir
    static Path tmp;

    @Test
    void twoWaves_changeAndGroupsMatchNewcombe_andTheReportSaysWhatTheyMean() throws Exception {
        Path out = run(FIXTURES.resolve("survey-waves"), "none");
        List<CSVRecord> changes = read(out.resolve("tables/survey_changes.csv"));
        assertEquals(2, changes.size(), "q1 and q2, each asked in both waves");
        // Table II (a): 56/70 - 48/80 = 0.2000, 0.0524 to 0.3339.
        CSVRecord q1 = row(changes, "item", "q1");
        assertEquals(List.of("survey-1", "wave-1", "survey-2", "wave-2", "48", "80", "56", "70"), List.of(q1.get("from_wave"),
                q1.get("from_period"), q1.get("to_wave"), q1.get("to_period"), q1.get("from_count"), q1.get("from_n"),
                q1.get("to_count"), q1.get("to_n")));
        assertEquals(0.2, Double.parseDouble(q1.get("change")), 1e-9);
        assertEquals(0.0524, Double.parseDouble(q1.get("ci_low")), PRINTED);
        assertEquals(0.3339, Double.parseDouble(q1.get("ci_high")), PRINTED);
        assertEquals("improved", q1.get("verdict"));
        assertEquals("newcombe hybrid score (wilson) 95%", q1.get("interval"));
        // q2: 40/80 to 12/20 (+10 points) is well inside sampling noise.
        CSVRecord q2 = row(changes, "item", "q2");
        assertEquals("no clear change", q2.get("verdict"));
        assertTrue(Double.parseDouble(q2.get("ci_low")) < 0 && Double.parseDouble(q2.get("ci_high")) > 0, q2::toString);
        assertEquals("small base: 20 in survey-2 (under 30): a wide interval", q2.get("note"));

        // Table II (b): 9/10 - 3/10 = 0.6, 0.1705 to 0.8090: directed systems against the rest of wave 2 on q2.
        List<CSVRecord> groups = read(out.resolve("tables/survey_group_differences.csv"));
        CSVRecord directed = groups.stream().filter(r -> r.get("wave").equals("survey-2") && r.get("item").equals("q2")
                && r.get("group").equals("directed: Yes")).findFirst().orElseThrow();
        assertEquals(List.of("9", "10", "3", "10"), List.of(directed.get("group_count"), directed.get("group_n"),
                directed.get("rest_count"), directed.get("rest_n")));
        assertEquals(0.6, Double.parseDouble(directed.get("difference")), 1e-9);
        assertEquals(0.1705, Double.parseDouble(directed.get("ci_low")), PRINTED);
        assertEquals(0.8090, Double.parseDouble(directed.get("ci_high")), PRINTED);
        assertEquals("higher than the rest", directed.get("verdict"));
        assertEquals("small base: 10 in the group and 10 in the rest (under 30): a wide interval", directed.get("note"));
        // The rest is the whole wave less the group: wave 1, q1, region North 23 of 39 against 48 - 23 of 80 - 39.
        CSVRecord north = groups.stream().filter(r -> r.get("wave").equals("survey-1") && r.get("item").equals("q1")
                && r.get("group").equals("region: North")).findFirst().orElseThrow();
        assertEquals(List.of("23", "39", "25", "41"), List.of(north.get("group_count"), north.get("group_n"),
                north.get("rest_count"), north.get("rest_n")));
        assertEquals("no clear difference", north.get("verdict"));

        String pdf = pdfText(out.resolve("report.pdf"));
        assertTrue(pdf.contains("Change between waves"), "the report has the waves' comparison");
        assertTrue(pdf.contains("Groups against the rest of their wave"));
        assertTrue(pdf.contains("Of 2 comparisons, 1 improved, 1 no clear change."), "the report counts the verdicts");
        assertTrue(pdf.contains("+5.2 to +33.4"), "q1's interval in points");
        assertTrue(pdf.contains("The waves are treated as independent samples."), "the report says what the interval assumes");
        assertTrue(pdf.contains("reported as no clear change, not as a rise or a fall"), "noise is not described as movement");
        assertTrue(pdf.contains("No wave declares its population"), "the report says the waves are taken as samples");
    }

    /**
     * Under fewer-than-5, with the breakdown by directed only: wave 2's 3 undirected systems who agreed on
     * q2 are hidden in survey_items, and with them (so that no sum gives them back) directed Yes's 9 and the
     * whole wave's 12. No comparison shows those counts: q2's change has no wave-2 figures and no interval,
     * and neither directed group is set against the other; q1, with no small count, is compared as before.
     * Every count a comparison shows is one survey_items shows, or the whole wave's less the group's.
     */
    @Test
    void suppressedCounts_showNothingAndNoDifferenceGivesThemAway() throws Exception {
        Path project = tmp.resolve("survey-waves-fewer-than-5");
        copy(FIXTURES.resolve("survey-waves"), project);
        Path yaml = project.resolve("evaluation.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("suppression: none", "suppression: fewer-than-5")
                .replace("groups: [directed, region]", "groups: [directed]"));
        Path out = run(project, "fewer-than-5");
        List<CSVRecord> changes = read(out.resolve("tables/survey_changes.csv"));
        CSVRecord q2 = row(changes, "item", "q2");
        assertEquals(List.of("40", "80", "", "", "", "", "", ""), List.of(q2.get("from_count"), q2.get("from_n"),
                q2.get("to_count"), q2.get("to_n"), q2.get("change"), q2.get("ci_low"), q2.get("ci_high"), q2.get("verdict")));
        assertEquals("suppressed: the counts of survey-2 are hidden under the fewer-than-5 rule", q2.get("note"));
        assertEquals("improved", row(changes, "item", "q1").get("verdict"));
        List<CSVRecord> groups = read(out.resolve("tables/survey_group_differences.csv"));
        for (CSVRecord r : groups) {
            if (r.get("wave").equals("survey-2") && r.get("item").equals("q2")) {
                assertEquals(List.of("", "", "", "", ""), List.of(r.get("group_count"), r.get("rest_count"), r.get("rest_n"),
                        r.get("difference"), r.get("ci_low")), r::toString);
                assertTrue(r.get("note").startsWith("suppressed: "), r::toString);
            }
        }

        // Every count shown is published in survey_items (the group's), or the whole wave's less the group's.
        Map<String, String[]> published = new HashMap<>();
        for (CSVRecord r : read(out.resolve("tables/survey_items.csv"))) {
            if (r.get("row").equals("positive")) {
                published.put(r.get("wave") + "|" + r.get("group") + "|" + r.get("item"), new String[] {r.get("count"), r.get("n")});
            }
        }
        int compared = 0;
        for (CSVRecord r : groups) {
            if (r.get("difference").isEmpty()) {
                continue;
            }
            compared++;
            String[] group = published.get(r.get("wave") + "|" + r.get("group") + "|" + r.get("item"));
            String[] whole = published.get(r.get("wave") + "||" + r.get("item"));
            assertEquals(List.of(group[0], group[1]), List.of(r.get("group_count"), r.get("group_n")), r::toString);
            assertEquals(Long.parseLong(whole[0]) - Long.parseLong(group[0]), Long.parseLong(r.get("rest_count")), r::toString);
            assertEquals(Long.parseLong(whole[1]) - Long.parseLong(group[1]), Long.parseLong(r.get("rest_n")), r::toString);
        }
        assertTrue(compared > 0, "some groups are still compared");
        String pdf = pdfText(out.resolve("report.pdf"));
        assertTrue(pdf.contains("no difference gives a hidden count away"), "the report says how suppression is kept");
    }

    /** The worked example has one wave and no groups: empty tables (header only) and no comparison in the report. */
    @Test
    void oneWaveWithoutGroups_noComparisonSection() throws Exception {
        Path out = run(FIXTURES.resolve("bcf-support-programme"), "bcf");
        assertEquals(1, Files.readAllLines(out.resolve("tables/survey_changes.csv")).size());
        assertEquals(1, Files.readAllLines(out.resolve("tables/survey_group_differences.csv")).size());
        String pdf = pdfText(out.resolve("report.pdf"));
        assertFalse(pdf.contains("Change between waves"));
        assertFalse(pdf.contains("Groups against the rest"));
    }

    private static Path run(Path project, String name) {
        Path out = tmp.resolve("out-" + name);
        StringWriter err = new StringWriter();
        int code = Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", project.toString(), "--out",
                out.toString(), "--history", tmp.resolve("history-" + name).toString());
        assertEquals(0, code, err::toString);
        return out;
    }

    private static String pdfText(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String raw = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), raw);
        // NFKC undoes the font's ligatures; lines are joined so that a sentence may wrap.
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, String column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).findFirst().orElseThrow(() -> new AssertionError(value));
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
