package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of the analysis tables on the worked example: `evident run` writes them under
 * `tables/`, and they reproduce the evaluation's published numbers. Every expected number is
 * typed in from the report (`shared/seeds/001_31b157f18e30faa6.txt`) or worked by hand below.
 */
class RunTablesTest {
    private static final String BCF = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme").toString();

    @TempDir
    static Path tmp;

    private static Path tables;

    @BeforeAll
    static void run() {
        tables = run(tmp.resolve("first"));
    }

    private static Path run(Path out, String... options) {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("run", BCF, "--out", out.toString(), "--history", tmp.resolve("history").toString()));
        args.addAll(List.of(options));
        int code = Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, code, err::toString);
        return out.resolve("tables");
    }

    private static List<CSVRecord> read(String name) throws IOException {
        try (Reader in = Files.newBufferedReader(tables.resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static List<String> header(String name) throws IOException {
        return List.of(Files.readAllLines(tables.resolve(name), StandardCharsets.UTF_8).get(0).split(","));
    }

    @Test
    void deliveryByRegion_isTable3() throws IOException {
        // Table 3: local support projects by region and stage (completed, active, pipeline).
        Map<String, List<String>> table3 = new LinkedHashMap<>();
        table3.put("East Midlands", List.of("3", "0", "0", "3"));
        table3.put("East of England", List.of("6", "0", "3", "9"));
        table3.put("London", List.of("3", "4", "2", "9"));
        table3.put("North East", List.of("2", "0", "2", "4"));
        table3.put("North West", List.of("17", "4", "3", "24"));
        table3.put("South East", List.of("12", "0", "4", "16"));
        table3.put("South West", List.of("11", "1", "3", "15"));
        table3.put("West Midlands", List.of("5", "1", "1", "7"));
        table3.put("Yorkshire and Humber", List.of("6", "0", "2", "8"));
        table3.put("Total", List.of("65", "10", "20", "95"));
        assertEquals(List.of("region", "completed", "active", "pipeline", "total"), header("delivery_by_region.csv"));
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (CSVRecord r : read("delivery_by_region.csv")) {
            found.put(r.get("region"), List.of(r.get("completed"), r.get("active"), r.get("pipeline"), r.get("total")));
        }
        assertEquals(table3, found);
    }

    @Test
    void universalByStage_isTable2() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        read("universal_by_stage.csv").forEach(r -> found.put(r.get("stage"), r.get("projects")));
        assertEquals(Map.of("completed", "28", "active", "5", "pipeline", "0", "Total", "33"), found);
    }

    @Test
    void completionsByMonth_isFigure1() throws IOException {
        // Figure 1: cumulative local projects completed, May 2023 to December 2024.
        int[] figure1 = {3, 12, 14, 16, 16, 17, 18, 19, 21, 27, 43, 46, 47, 55, 58, 60, 62, 62, 65, 65};
        List<CSVRecord> rows = read("completions_by_month.csv");
        assertEquals(figure1.length, rows.size());
        java.time.YearMonth month = java.time.YearMonth.of(2023, 5);
        int previous = 0;
        for (int i = 0; i < figure1.length; i++) {
            assertEquals(month.toString(), rows.get(i).get("month"));
            assertEquals(String.valueOf(figure1[i]), rows.get(i).get("cumulative"), month.toString());
            assertEquals(String.valueOf(figure1[i] - previous), rows.get(i).get("completed"), month.toString());
            previous = figure1[i];
            month = month.plusMonths(1);
        }
    }

    @Test
    void referralRoutes_supportTypes_andClosedOffers_areSection2sCounts() throws IOException {
        // Section 2: of the 65 completed, 50 directed (36 DSOG, 12 BCM, 2 MHCLG) and 15 non-directed.
        List<List<String>> routes = read("referral_routes.csv").stream()
                .map(r -> List.of(r.get("direction"), r.get("referral_route"), r.get("projects"))).toList();
        assertEquals(List.of(List.of("directed", "DSOG", "36"), List.of("directed", "BCM", "12"),
                List.of("directed", "MHCLG", "2"), List.of("non-directed", "System request", "15")), routes);
        Map<String, String> types = new LinkedHashMap<>();
        read("support_types.csv").forEach(r -> types.put(r.get("support_type"), r.get("projects")));
        assertEquals("25", types.get("Capacity and demand planning"));
        assertEquals("15", types.get("Scoping and diagnostic review"));
        assertEquals(27, read("closed_offers.csv").stream().mapToInt(r -> Integer.parseInt(r.get("offers"))).sum());
    }

    private static Map<String, List<String>> counts(List<CSVRecord> survey, String item) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (CSVRecord r : survey) {
            if (r.get("item").equals(item) && r.get("row").equals("category")) {
                found.computeIfAbsent("n", k -> new ArrayList<>()).add(r.get("n"));
                found.computeIfAbsent("count", k -> new ArrayList<>()).add(r.get("count"));
            }
        }
        return found;
    }

    @Test
    void surveyItems_reproduceFigures2To10() throws IOException {
        List<CSVRecord> survey = read("survey_items.csv");
        assertEquals(List.of("wave", "period", "group", "item", "option", "row", "n", "count", "suppressed", "share", "ci_low",
                "ci_high", "threshold", "verdict", "net_agreement", "p_exact", "interval"), header("survey_items.csv"));
        // Figure 2: base 38; Figure 3: base 19 (first five options).
        assertEquals(List.of("27", "17", "16", "1"), counts(survey, "seen-as-primarily").get("count"));
        assertEquals(List.of("38", "38", "38", "38"), counts(survey, "seen-as-primarily").get("n"));
        assertEquals(List.of("14", "9", "7", "9", "7"), counts(survey, "bcm-involvement").get("count").subList(0, 5));
        // Figures 4 to 7, 9 and 10: strongly agree, agree, neither, disagree, strongly disagree; base 19.
        Map<String, List<String>> agreement = new LinkedHashMap<>();
        agreement.put("quality-high", List.of("8", "7", "1", "2", "1"));
        agreement.put("satisfied", List.of("5", "10", "1", "1", "2"));
        agreement.put("effective", List.of("4", "10", "2", "1", "2"));
        agreement.put("met-needs", List.of("5", "10", "2", "0", "2"));
        agreement.put("implementation-advice", List.of("5", "8", "3", "1", "2"));
        agreement.put("lasting-impacts", List.of("2", "10", "4", "1", "2"));
        agreement.forEach((item, expected) -> {
            assertEquals(expected, counts(survey, item).get("count"), item);
            assertEquals(List.of("19", "19", "19", "19", "19"), counts(survey, item).get("n"), item);
        });
        // Figure 8 and section 5's "set up to measure": 7 yes, 8 no, 4 don't know.
        assertEquals(List.of("8", "4", "4", "2", "1"), counts(survey, "seen-changes").get("count"));
        assertEquals(List.of("7", "8", "4"), counts(survey, "set-up-to-measure").get("count"));
        assertEquals(List.of("13", "10", "9"), counts(survey, "outcomes-seen").get("count"));
    }

    @Test
    void qualityAndSatisfaction_areInconclusiveAgainst80Percent() throws IOException {
        // Both items: 15 of 19 agree (8 + 7 and 5 + 10). 15/19 = 0.789474. Wilson 95%, z = 1.959964:
        // centre = (0.789474 + 3.841459/38) / (1 + 3.841459/19) = 0.890565 / 1.202182 = 0.740790;
        // half-width = 1.959964 * sqrt(0.789474 * 0.210526 / 19 + 3.841459 / 1444) / 1.202182
        //            = 1.959964 * sqrt(0.008748 + 0.002660) / 1.202182 = 0.174133;
        // so 0.566657 to 0.914923 (evidence.md: "about 0.567 to 0.915"), which straddles 0.80.
        for (String item : List.of("quality-high", "satisfied")) {
            CSVRecord positive = read("survey_items.csv").stream()
                    .filter(r -> r.get("item").equals(item) && r.get("row").equals("positive")).findFirst().orElseThrow();
            assertEquals("Strongly agree + Agree", positive.get("option"));
            assertEquals("15", positive.get("count"));
            assertEquals("19", positive.get("n"));
            assertEquals(15.0 / 19, Double.parseDouble(positive.get("share")), 1e-6);
            assertEquals(0.566657, Double.parseDouble(positive.get("ci_low")), 1e-5, item);
            assertEquals(0.914923, Double.parseDouble(positive.get("ci_high")), 1e-5, item);
            assertEquals("0.8", positive.get("threshold"));
            assertEquals("inconclusive: too few answers to say", positive.get("verdict"));
            assertEquals("wilson 95%", positive.get("interval"));
        }
        // Net agreement, quality-high: (8 + 7 - 2 - 1) / 19 = 12/19 = 0.631579.
        CSVRecord quality = read("survey_items.csv").stream()
                .filter(r -> r.get("item").equals("quality-high") && r.get("row").equals("positive")).findFirst().orElseThrow();
        assertEquals("0.631579", quality.get("net_agreement"));
    }

    @Test
    void kpis_haveTheDocumentedColumns_andEveryKpiReturnRow() throws IOException {
        assertEquals(List.of("kpi", "measure", "unit", "period", "status", "numerator", "denominator", "value", "target", "basis", "ci_low",
                "ci_high", "verdict", "change", "signal", "assurance"), header("kpis.csv"));
        List<CSVRecord> kpis = read("kpis.csv");
        // The fixture's returns: 7 KPIs x 7 quarters = 49 rows (see kpi_returns.csv), and one to-date row each.
        assertEquals(49, kpis.stream().filter(r -> r.get("measure").startsWith("KPI-") && !r.get("period").equals("to date"))
                .count());
        // To date (2023-24 Q1 to 2024-25 Q3): KPI-4 counts every completed project (a census): 56 of 65
        // reports on time against 100%, not met; KPI-1, declared a census too, 53 of 65 = 81.5% against 80%: met.
        CSVRecord kpi4 = kpis.stream().filter(r -> r.get("measure").equals("KPI-4") && r.get("period").equals("to date"))
                .findFirst().orElseThrow();
        assertEquals(List.of("56", "65", "census", "not met", ""), List.of(kpi4.get("numerator"), kpi4.get("denominator"),
                kpi4.get("basis"), kpi4.get("verdict"), kpi4.get("ci_low")));
        CSVRecord kpi1 = kpis.stream().filter(r -> r.get("measure").equals("KPI-1") && r.get("period").equals("to date"))
                .findFirst().orElseThrow();
        assertEquals(List.of("53", "65", "census", "met"), List.of(kpi1.get("numerator"), kpi1.get("denominator"),
                kpi1.get("basis"), kpi1.get("verdict")));
        // 2024-25 Q4 had 13 of its 90 days by the reporting date: only ever in progress, never judged.
        assertTrue(kpis.stream().filter(r -> r.get("period").equals("2024-25 Q4")).allMatch(r -> r.get("status")
                .equals("in progress: 13 of 90 days by the reporting date, figures partial") && r.get("verdict").isEmpty()
                && r.get("change").isEmpty() && r.get("signal").isEmpty()));
        // KPI-1 in 2023-24 Q1: 10 of 12 rated good or excellent (kpi_returns.csv row 2).
        CSVRecord first = kpis.stream().filter(r -> r.get("measure").equals("KPI-1") && r.get("period").equals("2023-24 Q1"))
                .findFirst().orElseThrow();
        assertEquals("10", first.get("numerator"));
        assertEquals("12", first.get("denominator"));
        assertEquals("0.833333", first.get("value"));
        assertEquals("", first.get("change"));
        assertTrue(kpis.stream().anyMatch(r -> !r.get("assurance").isEmpty()), "7 quarters make a run chart");
        // KPI-6 counts the regions represented in each quarter's projects (6, 6, 9, 9, 8, 6, 6): the quarters
        // do not add up to 50 regions of the 9 there are, so it declares to_date: none and has no figure to date.
        CSVRecord kpi6 = kpis.stream().filter(r -> r.get("measure").equals("KPI-6") && r.get("period").equals("to date"))
                .findFirst().orElseThrow();
        assertEquals("", kpi6.get("value"));
        assertTrue(kpi6.get("status").contains("to_date: none"), kpi6::toString);
    }

    @Test
    void runCharts_limitsWithinWhatTheMeasureCanTake_andNoSignalOnARunningTotal() throws IOException {
        assertEquals(List.of("indicator", "unit", "period", "value", "centre", "lower", "upper", "chart", "signal"),
                header("run_charts.csv"));
        List<CSVRecord> points = read("run_charts.csv");
        // Every indicator with unit: share, whatever its chart (an XmR of shares returned without counts too).
        Set<String> shares = org.evident.toc.EvaluationProject.open(Path.of(BCF)).theoryOfChange().indicators().stream()
                .filter(i -> i.unit().equals("share")).map(org.evident.toc.Indicator::id)
                .collect(java.util.stream.Collectors.toSet());
        for (CSVRecord p : points) {
            double lower = Double.parseDouble(p.get("lower"));
            double upper = Double.parseDouble(p.get("upper"));
            assertTrue(lower >= 0, p::toString);
            if (p.get("chart").startsWith("p") || shares.contains(p.get("indicator"))) {
                assertTrue(upper <= 1, p::toString);
            }
            assertTrue(!p.get("period").equals("2024-25 Q4"), "a quarter in progress is never charted");
        }
        // KPI-1 is a p chart: the 0.815385 pooled share, with limits from each quarter's count.
        assertTrue(points.stream().filter(p -> p.get("indicator").equals("kpi-systems-good-excellent"))
                .allMatch(p -> p.get("chart").equals("p") && p.get("centre").equals("0.815385")));
        List<CSVRecord> running = points.stream().filter(p -> p.get("chart").endsWith("of increments")).toList();
        assertEquals(Set.of("trk-local-projects-completed", "trk-universal-projects-completed", "trk-regions-reached"),
                running.stream().map(p -> p.get("indicator")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(running.stream().allMatch(p -> p.get("signal").isEmpty()), "no signal on a running total");
    }

    @Test
    void impactsAndAssumptions_haveTheirOwnRows() throws IOException {
        // Every impact is in evidence.csv with its own grade (or "Not yet assessed"), and none is graded above it on
        // its pathway: the best path to an impact is capped by the impact's grade, and an impact with no evidence has
        // no graded path.
        Map<String, String> impacts = new LinkedHashMap<>();
        read("evidence.csv").stream().filter(r -> r.get("stage").equals("impact") && r.get("period").equals("phase-3"))
                .forEach(r -> impacts.put(r.get("node"), r.get("grade")));
        assertEquals(11, impacts.size());
        // The fixture's only evidence on impacts: the synthetic discharge measures (HOME-65 not met to date, long
        // stays met: 1 for, 1 against, Some) and the survey item on lasting impacts (inconclusive: Limited).
        assertEquals("Some evidence", impacts.get("im-bcf-metrics"));
        assertEquals("Limited or no evidence", impacts.get("im-integrated-working"));
        assertEquals(9, impacts.values().stream().filter("Not yet assessed"::equals).count());
        List<String> order = List.of("Limited or no evidence", "Some evidence", "Strongest evidence");
        for (CSVRecord p : read("pathways.csv")) {
            if (impacts.containsKey(p.get("node"))) {
                String own = impacts.get(p.get("node"));
                if (own.equals("Not yet assessed")) {
                    assertEquals("", p.get("strongest_path"), p.get("node"));
                    assertTrue(p.get("summary").startsWith("no evidence yet"), p.get("summary"));
                } else {
                    assertTrue(order.indexOf(p.get("strongest_path")) <= order.indexOf(own), p.get("node"));
                }
            }
        }
        // A status for each of Table 9's keys A to H at every phase.
        Map<String, String> latest = new LinkedHashMap<>();
        read("assumptions.csv").stream().filter(r -> r.get("period").equals("phase-3"))
                .forEach(r -> latest.put(r.get("key"), r.get("status")));
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "H"), List.copyOf(latest.keySet()));
        // From the findings A-01 to A-08 (the fixture's README): D holds (one finding for), G has none.
        assertEquals("holds", latest.get("D"));
        assertEquals("untested", latest.get("G"));
        assertEquals("challenged", latest.get("B"));
    }

    /** The second run asks for the tables only (--only tables): the same tables, and no other output. */
    @Test
    void tablesAreTheSameByteForByte_onASecondRun_withTheTablesOnly() throws IOException {
        Path again = run(tmp.resolve("second"), "--only", "tables");
        List<String> written;
        try (var files = Files.list(again.getParent())) {
            written = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("data_gaps.txt", "evident-manifest.txt", "personal_data.csv", "rejects.csv", "tables"), written);
        List<String> names;
        try (var files = Files.list(tables)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("assumptions.csv", "before_after.csv", "closed_offers.csv", "completions_by_month.csv", "delivery_by_region.csv",
                "evidence.csv", "evidence_by_period.csv", "evidence_changes.csv", "funnel.csv", "judgements.csv", "kpis.csv", "lessons.csv",
                "neighbours.csv", "pathways.csv",
                "referral_routes.csv", "regions_reached.csv", "run_charts.csv", "support_types.csv", "survey_changes.csv",
                "survey_group_differences.csv", "survey_items.csv", "themes.csv",
                "universal_by_stage.csv"), names);
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(tables.resolve(name)), Files.readAllBytes(again.resolve(name)), name);
        }
        for (String name : List.of("rejects.csv", "personal_data.csv", "data_gaps.txt")) {
            assertArrayEquals(Files.readAllBytes(tables.resolveSibling(name)), Files.readAllBytes(again.resolveSibling(name)), name);
        }
    }

    /** --only html writes report.html alone with the tables: the same bytes as a whole run's, and no PDF, Word file or chart files. */
    @Test
    void onlyHtml_writesTheSameReportHtml_asAWholeRun() throws IOException {
        Path html = run(tmp.resolve("html"), "--only", "html").getParent();
        List<String> written;
        try (var files = Files.list(html)) {
            written = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("data_gaps.txt", "evident-manifest.txt", "personal_data.csv", "rejects.csv", "report.html", "tables"), written);
        assertArrayEquals(Files.readAllBytes(tables.resolveSibling("report.html")), Files.readAllBytes(html.resolve("report.html")));
    }

    @Test
    void judgements_reproduceTables6And7_andTheRuleAgreesWith14Of16() throws IOException {
        // Tables 6 and 7 of the evaluation: the evaluators' grades at the end of fieldwork.
        Map<String, String> report = new LinkedHashMap<>();
        report.put("st-satisfaction", "Some evidence");
        report.put("st-confidence", "Limited or no evidence");
        report.put("st-buy-in", "Strongest evidence");
        report.put("st-understanding", "Some evidence");
        report.put("st-taken-action", "Some evidence");
        report.put("st-monitor-progress", "Some evidence");
        report.put("st-presence", "Some evidence");
        report.put("st-universal-learning", "Some evidence");
        report.put("mt-bcf-plans", "Limited or no evidence");
        report.put("mt-aligned-plans", "Limited or no evidence");
        report.put("mt-bcf-knowledge", "Some evidence");
        report.put("mt-capacity-demand", "Some evidence");
        report.put("mt-discharge", "Some evidence");
        report.put("mt-prevention", "Limited or no evidence");
        report.put("mt-sharing", "Limited or no evidence");
        report.put("mt-follow-up", "Some evidence");
        Map<String, String> judged = new LinkedHashMap<>();
        Map<String, String> rule = new LinkedHashMap<>();
        for (CSVRecord r : read("judgements.csv")) {
            assertEquals("phase-3", r.get("period"));
            judged.put(r.get("node"), r.get("judged_grade"));
            rule.put(r.get("node"), r.get("rule_grade"));
            assertEquals(r.get("rule_grade").equals(r.get("judged_grade")) ? "yes" : "no", r.get("agree"));
        }
        assertEquals(report, judged, "the judgements are the published grades, 16 of 16");
        // The rule, without the rows the fixture once copied from the tables themselves, and with the items weighed
        // (findings' appraisal and cases, mixed findings half each way, a survey finding counted once beside the
        // survey indicator it restates, KPIs by their figure to date), parts from the evaluators on two outcomes:
        // st-buy-in: F-011 for (1), F-013 and F-014 for (one case study each, moderate concerns: 0.75 each), F-012
        //   for (the survey of 19 systems, moderate concerns: 0.75 x 2 = 1.5), F-015 mixed (one case study, 0.75:
        //   0.375 each way): 4.375 for from two methods, but 0.375 against, so not "triangulated": Some; the
        //   evaluators find it noted consistently (Strongest).
        // st-presence: F-032 for (survey of 38 systems, moderate concerns: 1.5; svy-helpful-for-all, which it
        //   restates, has no target and so no verdict: the finding counts itself), F-033 against (1), F-034
        //   against (5 non-participating systems: 1.5): 1.5 for, 2.5 against, "outweighed" (Limited); the
        //   evaluators give the survey more weight (Some).
        Map<String, String> expectedRule = new LinkedHashMap<>(report);
        expectedRule.put("st-buy-in", "Some evidence");
        expectedRule.put("st-presence", "Limited or no evidence");
        assertEquals(expectedRule, rule);
        Map<String, String> found = new LinkedHashMap<>();
        read("evidence.csv").stream().filter(r -> r.get("period").equals("phase-3"))
                .forEach(r -> found.put(r.get("node"), r.get("grade")));
        found.keySet().removeIf(n -> n.startsWith("im-"));
        assertEquals(expectedRule, found, "judgements.csv's rule grades are evidence.csv's");
        assertEquals(List.of("node", "label", "stage", "period", "status", "grade", "rule", "supporting", "contradicting",
                "supporting_methods", "methods", "items", "posterior"), header("evidence.csv"));
        assertEquals(List.of("node", "label", "period", "rule_grade", "judged_grade", "agree", "rule", "rule_reason",
                "judgement_reason", "rests_on"), header("judgements.csv"));
    }

    @Test
    void ruleAgainstJudgements_is88Percent_withWeightedKappa076() throws IOException {
        // Rows the rule, columns the evaluators (Limited, Some, Strongest), from the test above:
        //   rule Limited: st-confidence, mt-bcf-plans, mt-aligned-plans, mt-prevention, mt-sharing (Limited),
        //                 st-presence (Some)                                             -> 5 1 0
        //   rule Some: 9 Some, st-buy-in (Strongest)                                     -> 0 9 1
        //   rule Strongest: none                                                         -> 0 0 0
        // Margins: rule 6, 10, 0; evaluators 5, 10, 1; n = 16. Linear weights 1, 1/2, 0.
        // Observed: (5 + 9 + (1 + 1) / 2) / 16 = 15/16. Expected over 256: diagonal 6*5 + 10*10 + 0*1 = 130,
        // one step 1/2 (6*10 + 10*5 + 10*1 + 0*10) = 60: 190/256. kappa = (240 - 190) / (256 - 190) = 50/66 = 0.7576.
        String html = new String(Files.readAllBytes(tables.getParent().resolve("report.html")), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("The rule gives the team's own grade for 14 of the 16 outcomes and periods the team judged"
                + " (88%); linearly weighted kappa 0.76."), "report.html states the agreement");
        for (String node : List.of("st-buy-in", "st-presence")) {
            CSVRecord r = read("judgements.csv").stream().filter(x -> x.get("node").equals(node)).findFirst().orElseThrow();
            assertEquals("no", r.get("agree"), node);
            // These four reasons hold no character that XHTML escapes.
            assertTrue(html.contains(r.get("judgement_reason")), node + ": the team's reason");
        }
    }

    @Test
    void explain_printsTheRuleAndEveryItem() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Evident.execute(new PrintWriter(out), new PrintWriter(err), "explain", BCF, "--node", "st-buy-in");
        assertEquals(0, code, err::toString);
        String text = out.toString();
        assertTrue(text.startsWith("Improved buy-in, relationships and collaborative working in local system (st-buy-in), phase-3:"
                + " Some evidence"), text);
        assertTrue(text.contains("in progress: 74 of 92 days by the reporting date"), text);
        assertTrue(text.contains("rule 'supported'"), text);
        // Weights (see above): 1 + 0.75 + 0.75 + 1.5 + 0.375 = 4.375 for, 0.375 against.
        assertTrue(text.contains("counts (items weighted): 4.375 supporting from 2 methods, 0.375 contradicting"), text);
        assertTrue(text.contains("F-012 supports (leads-survey), weight 1.5 (moderate concerns ×0.75, 19 cases ×2)"), text);
        assertTrue(text.contains("evaluation team's judgement: Strongest evidence (the rule differs): Noted consistently"), text);
        assertEquals(2, Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "explain", BCF,
                "--node", "st-buy-in", "--period", "2099 Q1"));
    }

    @Test
    void history_keepsEachAssessmentDate_andSaysWhatChangedSinceTheLast() throws IOException {
        Path project = tmp.resolve("bcf-copy");
        try (var files = Files.walk(Path.of(BCF))) {
            for (Path from : files.toList()) {
                Path to = project.resolve(Path.of(BCF).relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.toString().contains("history")) {
                    Files.copy(from, to);
                }
            }
        }
        Path history = tmp.resolve("history-test");
        Path out = tmp.resolve("history-out");
        String[] run = {"run", project.toString(), "--out", out.toString(), "--history", history.toString()};
        assertEquals(0, Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), run));
        Path first = history.resolve("evidence-2025-01-13.csv");
        byte[] firstBytes = Files.readAllBytes(first);

        // A later assessment with one more finding for st-presence: 2 for (survey, case study) and
        // 2 against is no longer outweighed, so the grade goes up from Limited to Some.
        Path evaluation = project.resolve("evaluation.yaml");
        Files.writeString(evaluation, Files.readString(evaluation).replace("reporting_date: 2025-01-13", "reporting_date: 2025-03-31"));
        Files.writeString(project.resolve("data/findings.csv"), "F-999,st-presence,supports,case-study-interviews,phase-3,,"
                + "\"Awareness of the BCF grew\",Test\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), run));
        assertEquals(0, Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), run));

        try (var files = Files.list(history)) {
            assertEquals(List.of("evidence-2025-01-13.csv", "evidence-2025-03-31.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(firstBytes, Files.readAllBytes(first), "an earlier snapshot is never rewritten");
        List<String> changes = Files.readAllLines(out.resolve("tables/evidence_changes.csv"));
        assertTrue(changes.contains("st-presence,Increased presence of BCF and BCF Support Programme in local systems,"
                + "assessment of 2025-01-13,phase-3,grade up,Limited or no evidence,Some evidence,"
                + "rule 'supported': Evidence supports the outcome, but from one method only, or with some evidence against it."
                        .replace("rule 'supported': Evidence supports the outcome, but from one method only, or with some evidence against it.",
                                "\"rule 'supported': Evidence supports the outcome, but from one method only, or with some evidence against it.\"")),
                String.join("\n", changes));
    }
}
