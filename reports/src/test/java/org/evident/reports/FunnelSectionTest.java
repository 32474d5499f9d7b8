package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.evident.analysis.AnalysisResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The funnel of the worked example's regional returns, read back from the files a user gets: funnel.csv checked
 * against kpis.csv (the regions' own counts) and limits recomputed here from the binomial probabilities summed term by
 * term (Spiegelhalter 2005, Appendix A.1.1), and the report's text read back with pdftotext.
 */
class FunnelSectionTest {
    @TempDir
    static Path tmp;

    private static ReportInput input;
    private static String text;

    @BeforeAll
    static void write() throws IOException, InterruptedException {
        ReportInput bare = BcfInput.read(List.of());
        List<ChartImage> charts = FunnelSection.charts(bare.analysis()).stream().map(Supplier::get).toList();
        input = BcfInput.read(charts);
        CsvTables.write(input.tables(), tmp.resolve("tables"));
        Path pdf = tmp.resolve("report.pdf");
        ReportPdf.write(input, pdf, tmp.resolve("report.html"));
        Path txt = tmp.resolve("report.txt");
        Process pdftotext = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString()).inheritIO().start();
        assertEquals(0, pdftotext.waitFor());
        text = java.text.Normalizer.normalize(Files.readString(txt, StandardCharsets.UTF_8), java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", " ");
    }

    private static List<CSVRecord> read(String name) throws IOException {
        try (Reader in = Files.newBufferedReader(tmp.resolve("tables").resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** log of n choose k, from sums of logs: an independent binomial, not the library the code uses. */
    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    private static double cdf(int r, int n, double p) {
        double sum = 0;
        for (int k = 0; k <= r; k++) {
            sum += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
        return sum;
    }

    /**
     * Spiegelhalter's interpolated limit. Lower (q below one half): the smallest r with F(r) >= q,
     * alpha = (F(r) - q) / (F(r) - F(r - 1)), (r - alpha) / n. Upper: the upper tail S(r) = 1 - F(r - 1) likewise, the
     * largest s with S(s) >= 1 - q, alpha' = (S(s) - (1 - q)) / P(R = s), (s + alpha') / n.
     */
    private static double limit(int n, double p, double q) {
        if (q < 0.5) {
            int r = 0;
            while (cdf(r, n, p) < q) {
                r++;
            }
            double at = cdf(r, n, p);
            double below = r == 0 ? 0 : cdf(r - 1, n, p);
            return Math.max(0, (r - (at - q) / (at - below)) / n);
        }
        int s = n;
        while (1 - cdf(s - 1, n, p) < 1 - q) {
            s--;
        }
        double tail = 1 - cdf(s - 1, n, p);
        double mass = cdf(s, n, p) - cdf(s - 1, n, p);
        return Math.min(1, (s + (tail - (1 - q)) / mass) / n);
    }

    @Test
    void funnelCsv_regionsOfTheLatestQuarter_matchKpisCsv_andLimitsWorkedFromTheBinomial() throws IOException {
        assertEquals(List.of("indicator", "period", "unit", "numerator", "denominator", "value", "centre", "lower_95", "upper_95",
                "lower_998", "upper_998", "position", "position_95", "level", "suppressed", "limits"),
                List.of(Files.readAllLines(tmp.resolve("tables/funnel.csv")).get(0).split(",")));
        String kpi = "bcf-discharged-home-65";
        String quarter = "2024-25 Q3";
        Map<String, long[]> regions = new TreeMap<>();
        for (CSVRecord r : read("kpis.csv")) {
            if (r.get("kpi").equals(kpi) && r.get("period").equals(quarter) && !r.get("unit").isEmpty()) {
                regions.put(r.get("unit"), new long[] {Long.parseLong(r.get("numerator")), Long.parseLong(r.get("denominator"))});
            }
        }
        assertEquals(9, regions.size(), "the nine regions return HOME-65");
        long x = regions.values().stream().mapToLong(c -> c[0]).sum();
        long n = regions.values().stream().mapToLong(c -> c[1]).sum();
        double centre = (double) x / n;
        List<CSVRecord> funnel = read("funnel.csv").stream()
                .filter(r -> r.get("indicator").equals(kpi) && r.get("period").equals(quarter)).toList();
        assertEquals(9, funnel.size());
        for (CSVRecord r : funnel) {
            long[] counts = regions.get(r.get("unit"));
            assertEquals(counts[0], Long.parseLong(r.get("numerator")), r.get("unit"));
            assertEquals(counts[1], Long.parseLong(r.get("denominator")), r.get("unit"));
            assertEquals(centre, Double.parseDouble(r.get("centre")), 1e-6);
            assertEquals("region", r.get("level"));
            int size = (int) counts[1];
            double value = (double) counts[0] / size;
            double lower = limit(size, centre, 0.001);
            double upper = limit(size, centre, 0.999);
            assertEquals(limit(size, centre, 0.025), Double.parseDouble(r.get("lower_95")), 1e-6, r.get("unit"));
            assertEquals(limit(size, centre, 0.975), Double.parseDouble(r.get("upper_95")), 1e-6, r.get("unit"));
            assertEquals(lower, Double.parseDouble(r.get("lower_998")), 1e-6, r.get("unit"));
            assertEquals(upper, Double.parseDouble(r.get("upper_998")), 1e-6, r.get("unit"));
            assertEquals(value > upper ? "above" : value < lower ? "below" : "within", r.get("position"), r.get("unit"));
            assertTrue(r.get("limits").startsWith("exact binomial"), r.get("limits"));
        }
        // Seven ended quarters, nine regions, two share KPIs (HOME-65 and LOS-21); counts and means are not compared.
        assertEquals(7 * 9 * 2, read("funnel.csv").size());
    }

    @Test
    void report_showsTheFunnelOfTheRegions_withEveryRegionListed() {
        assertTrue(text.contains("Units compared: funnel plots"), "the section");
        assertTrue(text.matches(".*Figure \\d+: Synthetic data: People aged 65 and over discharged from hospital to their usual"
                + " place of residence: regions, 2024-25 Q3.*"), "the funnel chart's caption");
        int from = text.indexOf("Units compared: funnel plots");
        String section = text.substring(from, text.indexOf("Survey", from));
        for (String region : List.of("London", "South East", "North West", "West Midlands", "East of England", "South West",
                "Yorkshire and Humber", "East Midlands", "North East")) {
            assertTrue(section.contains(region), region);
        }
        assertTrue(section.contains("Limits drawn: exact binomial"), "which limits are drawn");
    }

    @Test
    void aProjectWithoutComparableUnits_hasNoFunnelSection() {
        AnalysisResult a = input.analysis();
        AnalysisResult programmeOnly = new AnalysisResult(a.project(), a.delivery(), a.surveyItems(),
                a.kpis().stream().filter(k -> k.unit().isEmpty()).toList(), a.kpiCharts(), a.organisationSuppression(),
                a.evidence(), a.evidenceChanges(), a.pathways(), a.judgements(), a.assumptions(), a.insights());
        assertTrue(programmeOnly.funnels().isEmpty());
        ReportInput without = new ReportInput(input.project(), programmeOnly, input.reconciliations(), input.rejects(),
                input.gaps(), input.tocSvg(), input.tocPng(), List.of(), input.tocDrawing());
        StringBuilder out = new StringBuilder();
        List<String> images = new ArrayList<>();
        FunnelSection.write(without, new FunnelSection.Page() {
            @Override
            public StringBuilder out() {
                return out;
            }

            @Override
            public void png(String alt, byte[] png, double aspect, double maxWidthMm, double maxHeightMm) {
                images.add(alt);
            }

            @Override
            public String figure(String name, String title) {
                return title;
            }
        });
        assertEquals("", out.toString());
        assertFalse(ReportHtml.of(without).contains("funnel plots"));
    }

    @Test
    void beforeAndAfter_isReported_onlyWhereAChangePointIsDeclared() {
        AnalysisResult a = input.analysis();
        assertFalse(ReportHtml.of(input).contains("Before and after a change point"), "the worked example declares none");
        org.evident.analysis.KpiChart first = a.kpiCharts().get(0);
        // A change point at the chart's 5th period: 0.716 over 5 points before, 0.806667 over 3 since, a run of 3 above.
        org.evident.analysis.BeforeAfter change = new org.evident.analysis.BeforeAfter(first.indicator(), first.label(), "",
                "2024-25 Q1", 5, 0.716, 3, 2.42 / 3, 3, "above", 7);
        List<org.evident.analysis.KpiChart> charts = new ArrayList<>(a.kpiCharts());
        charts.set(0, new org.evident.analysis.KpiChart(first.indicator(), first.label(), first.unit(), first.chart(),
                first.ofIncrements(), List.of(change)));
        AnalysisResult withChange = new AnalysisResult(a.project(), a.delivery(), a.surveyItems(), a.kpis(), charts,
                a.organisationSuppression(), a.evidence(), a.evidenceChanges(), a.pathways(), a.judgements(), a.assumptions(),
                a.insights());
        String html = ReportHtml.of(new ReportInput(input.project(), withChange, input.reconciliations(), input.rejects(),
                input.gaps(), input.tocSvg(), input.tocPng(), List.of(), input.tocDrawing()));
        assertTrue(html.contains("Before and after a change point"));
        assertTrue(html.contains("71.6% (5 points)") && html.contains("80.7% (3 points)") && html.contains("+9.1%"), "the centres");
        assertTrue(html.contains("no sustained shift yet: at most 3 points in a row on one side of the earlier centre since"
                + " 2024-25 Q1 (7 needed)"));
    }

    @Test
    void aFunnelOfManyAreas_listsOnlyThoseOutsideThe998Limits() {
        // 30 areas (more than the 20 listed in full): A07 above and A21 below their 99.8% limits, the rest within.
        List<org.evident.analysis.Funnel.FunnelRow> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            org.evident.analysis.Funnel.Position p = i == 7 ? org.evident.analysis.Funnel.Position.ABOVE
                    : i == 21 ? org.evident.analysis.Funnel.Position.BELOW : org.evident.analysis.Funnel.Position.WITHIN;
            rows.add(new org.evident.analysis.Funnel.FunnelRow(String.format("A%02d", i), java.util.OptionalLong.of(50),
                    java.util.OptionalLong.of(100), java.util.OptionalDouble.of(0.5),
                    java.util.Optional.of(new org.evident.analysis.Funnel.Limits(0.4, 0.6, 0.35, 0.65)), java.util.Optional.of(p),
                    java.util.Optional.of(p), ""));
        }
        org.evident.analysis.Funnel f = new org.evident.analysis.Funnel("k", "A KPI", "2024-25 Q3",
                org.evident.analysis.Funnel.Level.AREA, org.evident.analysis.Funnel.Kind.PROPORTION, 1, 0.5, 1.0, 0, false, rows);
        StringBuilder out = new StringBuilder();
        FunnelSection.units(f, out);
        String html = out.toString();
        assertTrue(html.contains("The 2 areas outside the 99.8% limits (all 30 are in funnel.csv and the workbook)"), html);
        assertTrue(html.contains(">A07<") && html.contains(">A21<"));
        assertFalse(html.contains(">A01<"), "an area within the limits is not listed");
    }
}
