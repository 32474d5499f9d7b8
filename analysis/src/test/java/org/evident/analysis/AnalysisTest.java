package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

/** The analysis of small hand-built projects, read from real files through ingest. */
class AnalysisTest {
    private static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: out, label: Support delivered, stage: output }
              - { id: st-sat, label: Satisfaction, stage: short_term_outcome }
            links:
              - { from: in, to: out }
              - { from: out, to: st-sat }
            indicators:
              - { id: kpi-sat, node: st-sat, label: Rated good or excellent, source: kpi, measure: KPI-1, target: 0.8, unit: share }
              - { id: svy-quality, node: st-sat, label: Quality high, source: survey, measure: quality, target: 0.8 }
              - { id: svy-none, node: st-sat, label: Chose option c, source: survey, measure: c, target: 0.5, direction: lower }
              - { id: trk-eos, node: out, label: Reports on time, source: tracker, measure: eos-within-4-weeks, target: 1.0, unit: share }
            """;

    private static final String SURVEY = """
            respondent_id,Quality was high,Helpful
            r1,Strongly agree,a;b
            r2,Strongly agree,a
            r3,Strongly agree,b
            r4,Agree,a
            r5,Agree,
            r6,Don't know,a
            r7,,b
            """;

    // Reporting date 2025-01-13. Completed in 2024-25 Q2 (Jul-Sep): P1 report after 28 days
    // (on time), P2 after 29 days (late), P3 after 4 days (on time): 2 of 3. Q3: P5 completed
    // 1 December with no report, due 29 December, before the reporting date: 0 of 1. Q4: P4
    // completed 1 January, report not due until 29 January: not counted, so no value for Q4.
    private static final String TRACKER = """
            project_id,local_system,region,offer,stage,requested_date,started_date,completed_date,eos_report_date
            P1,Leeds,London,local,completed,2024-04-01,2024-05-01,2024-07-10,2024-08-07
            P2,Hull,London,local,completed,2024-04-01,2024-05-01,2024-07-20,2024-08-18
            P3,York,London,local,completed,2024-04-01,2024-05-01,2024-09-01,2024-09-05
            P4,Bath,North East,local,completed,2024-04-01,2024-05-01,2025-01-01,
            P5,Bury,North East,local,completed,2024-04-01,2024-05-01,2024-12-01,
            """;

    // KPI-1, eight ended quarters, then 2024-25 Q4, in progress on the reporting date (13 of its
    // 90 days), whose partial 0.10 is shown but never judged or charted. Mean = 6.00 / 8 = 0.75. Moving ranges 0.02, 0.01, 0.02, 0.01,
    // 0.02, 0.01, 0.22: mean 0.31 / 7 = 0.044286. Limits 0.75 -/+ 2.66 x 0.044286 = 0.632200
    // and 0.867800. The last point, 0.95, is above the upper limit: special cause, improvement.
    // The target 0.80 lies between the limits: hit and miss. The first seven points all lie
    // below the mean: a shift.
    private static final String KPIS = """
            kpi,period,value
            KPI-1,2022-23 Q4,0.70
            KPI-1,2023-24 Q1,0.72
            KPI-1,2023-24 Q2,0.71
            KPI-1,2023-24 Q3,0.73
            KPI-1,2023-24 Q4,0.72
            KPI-1,2024-25 Q1,0.74
            KPI-1,2024-25 Q2,0.73
            KPI-1,2024-25 Q3,0.95
            KPI-1,2024-25 Q4,0.10
            """;

    @TempDir
    Path dir;

    private AnalysisResult analyse(String surveyExtra, String settings) throws IOException {
        return analyse(TOC, KPIS, surveyExtra, settings);
    }

    private AnalysisResult analyseWith(String toc, String kpis) throws IOException {
        return analyse(toc, kpis, "", "");
    }

    private AnalysisResult analyse(String toc, String kpis, String surveyExtra, String settings) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("toc.yaml"), toc);
        Files.writeString(dir.resolve("data/survey.csv"), SURVEY);
        Files.writeString(dir.resolve("data/tracker.csv"), TRACKER);
        Files.writeString(dir.resolve("data/kpi.csv"), kpis);
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2022-23 Q4, to: 2024-25 Q4 }
                  phases:
                    - { id: phase-3, label: Phase 3, from: 2024-11-01, to: 2025-01-31 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                  - { id: kpis, type: kpi, file: data/kpi.csv }
                  - id: wave
                    type: survey
                    file: data/survey.csv
                    period: phase-3
                """ + surveyExtra + """
                    items:
                      - { id: quality, type: agreement, column: Quality was high }
                      - id: helpful
                        type: multi_select
                        column: Helpful
                        separator: ";"
                        options: [ { id: a, label: Option A }, { id: b, label: Option B }, { id: c, label: Option C } ]
                """ + settings);
        EvaluationProject project = EvaluationProject.open(dir);
        IngestResult data = Ingest.read(project, Pseudonymiser.withKey("a test key of at least sixteen bytes"), line -> { });
        assertEquals(List.of(), data.rejects());
        return Analysis.run(project, data);
    }

    private static SurveyRow row(AnalysisResult r, String item, String option) {
        return r.surveyItems().stream().filter(s -> s.item().equals(item) && s.option().equals(option)).findFirst().orElseThrow();
    }

    @Test
    void agreementItem_whereNobodyDisagreed_hasEmptyCategories_andTopTwoIsInconclusiveAt5Of5() throws IOException {
        AnalysisResult r = analyse("", "");
        // 3 strongly agree, 2 agree; "Don't know" and blank are not in the base: n = 5.
        assertEquals(List.of(3L, 2L, 0L, 0L, 0L), r.surveyItems().stream()
                .filter(s -> s.item().equals("quality") && !s.positive()).map(s -> s.count().getAsLong()).toList());
        assertEquals(OptionalDouble.of(0.0), row(r, "quality", "Disagree").share());
        SurveyRow top = row(r, "quality", "Strongly agree + Agree");
        assertTrue(top.positive());
        assertEquals(OptionalLong.of(5), top.count());
        assertEquals(OptionalLong.of(5), top.base());
        assertEquals(1.0, top.netAgreement().getAsDouble(), 1e-12);
        // Wilson 95% for 5 of 5, z = 1.959964: centre = (1 + 3.841459/10) / (1 + 3.841459/5) = 1.384146 / 1.768292
        // = 0.782759; half-width = 1.959964 x sqrt(3.841459/100) / 1.768292 = 0.384146 / 1.768292 = 0.217241;
        // 0.565518 to 1. Straddles 0.80.
        assertEquals(0.565518, top.interval().orElseThrow().low(), 1e-5);
        assertEquals(1.0, top.interval().orElseThrow().high(), 1e-9);
        assertEquals(Optional.of(Verdict.INCONCLUSIVE), top.verdict());
        // Exact one-sided test against 0.8: P(X >= 5 | 5, 0.8) = 0.8^5 = 0.32768.
        assertEquals(0.32768, top.pExact().getAsDouble(), 1e-9);
        assertEquals("wilson 95%", top.method());
    }

    @Test
    void groupRows_followTheWholeWave_withVerdictsButNoIndicator() throws IOException {
        // Grouped by the helpful column's raw text, e.g. "Helpful: a" holds r2, r4 and r6.
        AnalysisResult r = analyse("    groups: [Helpful]\n", "");
        List<SurveyRow> quality = r.surveyItems().stream().filter(s -> s.item().equals("quality") && s.positive()).toList();
        assertEquals("", quality.get(0).group());
        assertEquals(Optional.of("svy-quality"), quality.get(0).indicator());
        SurveyRow a = quality.stream().filter(s -> s.group().equals("Helpful: a")).findFirst().orElseThrow();
        // r2 strongly agree, r4 agree, r6 don't know (not in base): 2 of 2.
        assertEquals(OptionalLong.of(2), a.base());
        assertEquals(OptionalLong.of(2), a.count());
        assertTrue(a.verdict().isPresent());
        assertEquals(Optional.empty(), a.indicator(), "the grading reads the whole wave only");
    }

    @Test
    void finitePopulation_narrowsTheInterval_whenTheBaseIsMostOfThePopulation() throws IOException {
        AnalysisResult r = analyse("    population: 6\n", "");
        SurveyRow top = row(r, "quality", "Strongly agree + Agree");
        // 5 of 5 asked from a population of 6, so M (yes in the population) is 5 or 6.
        // P(X >= 5 | N = 6, M = 5, n = 5) = C(5,5) C(1,0) / C(6,5) = 1/6 > 0.025, so the lower bound is 5/6.
        assertEquals(5.0 / 6, top.interval().orElseThrow().low(), 1e-9);
        assertEquals(1.0, top.interval().orElseThrow().high(), 1e-9);
        assertEquals(Optional.of(Verdict.MET), top.verdict());
        assertTrue(top.method().startsWith("finite population of 6"), top.method());
    }

    @Test
    void multiSelect_reportsEachOptionOverTheItemsBase_includingAnOptionNobodyChose() throws IOException {
        AnalysisResult r = analyse("", "");
        // Base: the 6 who chose at least one option (r6's "Don't know" to quality does not matter here).
        assertEquals(List.of("Option A", "Option B", "Option C"), r.surveyItems().stream()
                .filter(s -> s.item().equals("helpful")).map(SurveyRow::option).toList());
        assertEquals(OptionalLong.of(4), row(r, "helpful", "Option A").count());
        assertEquals(OptionalLong.of(6), row(r, "helpful", "Option A").base());
        SurveyRow c = row(r, "helpful", "Option C");
        assertEquals(OptionalLong.of(0), c.count());
        assertEquals(0.0, c.interval().orElseThrow().low(), 1e-12);
        // Direction lower, target 0.5: Wilson 0 of 6 has upper 3.841459 / (6 + 3.841459) = 0.390334 < 0.5: met.
        assertEquals(0.390334, c.interval().orElseThrow().high(), 1e-5);
        assertEquals(Optional.of(Verdict.MET), c.verdict());
    }

    @Test
    void nhsSuppression_hidesSmallPersonCounts_andTheirShares() throws IOException {
        AnalysisResult r = analyse("", "settings:\n  suppression: nhs\n");
        SurveyRow strongly = row(r, "quality", "Strongly agree");
        assertEquals(OptionalLong.empty(), strongly.count());
        assertEquals("*", strongly.suppressed());
        assertEquals(OptionalDouble.empty(), strongly.share());
        assertEquals(OptionalLong.empty(), strongly.base(), "a base of 5 is itself 1 to 7");
        assertEquals(OptionalLong.of(0), row(r, "quality", "Disagree").count(), "zero is not disclosive");
    }

    @Test
    void timelinessFromTrackerDates_perQuarterOfCompletion_againstTheReportingDate() throws IOException {
        AnalysisResult r = analyse("", "");
        List<KpiRow> eos = r.kpis().stream().filter(k -> k.indicator().equals("trk-eos") && !k.toDate()).toList();
        assertEquals(List.of("2024-25 Q2", "2024-25 Q3"), eos.stream().map(KpiRow::period).toList());
        assertEquals(OptionalLong.of(2), eos.get(0).numerator());
        assertEquals(OptionalLong.of(3), eos.get(0).denominator());
        assertEquals(2.0 / 3, eos.get(0).value().getAsDouble(), 1e-12);
        assertEquals(0.0, eos.get(1).value().getAsDouble(), 1e-12);
        // A tracker measure counts every project: a census, judged by its value, with no interval.
        // One late report of three misses the 100% target.
        assertEquals("census", eos.get(0).basis());
        assertEquals(Optional.empty(), eos.get(0).interval());
        assertEquals(Optional.of(Verdict.NOT_MET), eos.get(0).verdict());
    }

    @Test
    void census_isJudgedByItsValue_andASample_byItsInterval() throws IOException {
        // Against 100%: 11 of 12 as a census misses by its one miss; 12 of 12 is met as a census,
        // but as a sample its interval (0.757 to 1) reaches below the target: inconclusive.
        String toc = TOC.replace("- { id: kpi-sat,", "- { id: kpi-census, node: st-sat, label: Census, source: kpi, measure: KPI-9,"
                + " target: 1.0 }\n  - { id: kpi-sample, node: st-sat, label: Sample, source: kpi, measure: KPI-9, target: 1.0,"
                + " basis: sample }\n  - { id: kpi-sat,");
        AnalysisResult r = analyseWith(toc, "kpi,period,numerator,denominator\nKPI-9,2024-25 Q2,11,12\nKPI-9,2024-25 Q3,12,12\n");
        KpiRow census = kpiRow(r, "kpi-census", "2024-25 Q3");
        assertEquals(Optional.of(Verdict.MET), census.verdict());
        assertEquals(Optional.empty(), census.interval());
        assertEquals(Optional.of(Verdict.NOT_MET), kpiRow(r, "kpi-census", "2024-25 Q2").verdict());
        KpiRow sample = kpiRow(r, "kpi-sample", "2024-25 Q3");
        assertEquals("sample", sample.basis());
        // Wilson 95% for 12 of 12: low = 12 / (12 + 3.841459) = 0.757506.
        assertEquals(0.757506, sample.interval().orElseThrow().low(), 1e-6);
        assertEquals(Optional.of(Verdict.INCONCLUSIVE), sample.verdict());
    }

    @Test
    void toDate_poolsTheEndedPeriods_andIsJudgedByTheIndicatorsBasis() throws IOException {
        String toc = TOC.replace("- { id: kpi-sat,", "- { id: kpi-census, node: st-sat, label: Census, source: kpi, measure: KPI-9,"
                + " target: 1.0 }\n  - { id: kpi-sat,");
        // 11 of 12, then 12 of 12, then 2024-25 Q4 in progress (left out of the pool).
        AnalysisResult r = analyseWith(toc, "kpi,period,value,numerator,denominator\nKPI-9,2024-25 Q2,,11,12\n"
                + "KPI-9,2024-25 Q3,,12,12\nKPI-9,2024-25 Q4,,1,5\nKPI-1,2024-25 Q3,0.7,,\n");
        KpiRow toDate = kpiRow(r, "kpi-census", KpiRow.TO_DATE);
        assertEquals(OptionalLong.of(23), toDate.numerator());
        assertEquals(OptionalLong.of(24), toDate.denominator());
        assertEquals(23.0 / 24, toDate.value().getAsDouble(), 1e-12);
        assertEquals(Optional.of(Verdict.NOT_MET), toDate.verdict(), "a census misses 100% by its one late report");
        assertEquals("to date: numerators and denominators pooled over 2 ended periods, 2024-25 Q2 to 2024-25 Q3",
                toDate.status());
        // The to-date rows lead the table.
        assertTrue(r.kpis().get(0).toDate(), r.kpis().get(0)::toString);
        // A value-only share (kpi-sat) has no counts to pool: no figure, said so.
        KpiRow valueOnly = kpiRow(r, "kpi-sat", KpiRow.TO_DATE);
        assertEquals(OptionalDouble.empty(), valueOnly.value());
        assertTrue(valueOnly.status().contains("cannot be pooled"), valueOnly.status());
    }

    @Test
    void cumulativeSeries_isChartedOnItsIncrements_soARisingTotalIsNoSignal() throws IOException {
        // Three more each quarter: the running total rises 8 times in a row (a trend, and points
        // beyond the limits, on the total itself), but what each quarter adds never changes.
        String toc = TOC.replace("- { id: kpi-sat,", "- { id: kpi-total, node: st-sat, label: Total, source: kpi, measure: KPI-9,"
                + " unit: count, cumulative: true }\n  - { id: kpi-sat,");
        StringBuilder kpis = new StringBuilder("kpi,period,value\n");
        String[] quarters = {"2022-23 Q4", "2023-24 Q1", "2023-24 Q2", "2023-24 Q3", "2023-24 Q4", "2024-25 Q1", "2024-25 Q2",
            "2024-25 Q3"};
        for (int i = 0; i < quarters.length; i++) {
            kpis.append("KPI-9,").append(quarters[i]).append(',').append(3 * (i + 1)).append('\n');
        }
        AnalysisResult r = analyseWith(toc, kpis.toString());
        KpiChart chart = r.kpiCharts().stream().filter(c -> c.indicator().equals("kpi-total")).findFirst().orElseThrow();
        assertTrue(chart.ofIncrements());
        // What each quarter added, from the second quarter on (the first has no total before it).
        assertEquals(List.of(3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0), chart.chart().values());
        assertEquals("2023-24 Q1", chart.chart().periods().get(0));
        assertTrue(r.kpis().stream().filter(k -> k.indicator().equals("kpi-total")).allMatch(k -> k.signal().isEmpty()),
                r.kpis()::toString);
        assertEquals(OptionalDouble.of(24), kpiRow(r, "kpi-total", "2024-25 Q3").value(), "the row keeps the running total");
    }

    @Test
    void rebase_chartsEachStretchOnItsOwn_fromTheDeclaredQuarter() throws IOException {
        String toc = TOC.replace("measure: KPI-1, target: 0.8, unit: share }", "measure: KPI-1, target: 0.8, unit: share,"
                + " rebase: [2024-25 Q1] }");
        AnalysisResult r = analyseWith(toc, KPIS);
        RunChart chart = r.kpiCharts().stream().filter(c -> c.indicator().equals("kpi-sat")).findFirst().orElseThrow().chart();
        // 0.70, 0.72, 0.71, 0.73, 0.72 to 2023-24 Q4: mean 3.58 / 5 = 0.716; from 2024-25 Q1, 0.74, 0.73,
        // 0.95: mean 2.42 / 3 = 0.806667 (2024-25 Q4, in progress, is in neither).
        assertEquals(8, chart.values().size());
        assertEquals(0.716, chart.centres().get(0), 1e-12);
        assertEquals(0.716, chart.centres().get(4), 1e-12);
        assertEquals(2.42 / 3, chart.centres().get(5), 1e-12);
        assertEquals(2.42 / 3, chart.mean(), 1e-12);
        // Before and after the change point: 0.716 over 5 points, then 0.806667 over 3; all three since are above 0.716,
        // a run of 3, short of the 7 a shift needs: no sustained shift yet.
        BeforeAfter change = r.kpiCharts().stream().filter(c -> c.indicator().equals("kpi-sat")).findFirst().orElseThrow()
                .changes().get(0);
        assertEquals("2024-25 Q1", change.changePoint());
        assertEquals(5, change.pointsBefore());
        assertEquals(0.716, change.centreBefore(), 1e-12);
        assertEquals(3, change.pointsAfter());
        assertEquals(2.42 / 3, change.centreAfter(), 1e-12);
        assertEquals(3, change.longestRun());
        assertEquals("above", change.side());
        assertFalse(change.sustained());
        PublishedTable table = PublishedTable.named(r.publishedTables(), "before_after").orElseThrow();
        assertEquals(1, table.rows().size());
        assertEquals("no", table.rows().get(0).get(table.columnIndex("shift")).csv());
        assertEquals("0.090667", table.rows().get(0).get(table.columnIndex("difference")).csv());
    }

    /**
     * Falls per 1,000 occupied bed days (a rate; a sample by default, judged by Garwood's exact
     * Poisson interval), lower is better, target 3. Limits from SciPy, chi2.ppf(0.025, 2x) / 2 and
     * chi2.ppf(0.975, 2x + 2) / 2 over the bed days, times 1,000: 10 in 2,000 is 5.0 (2.397694 to
     * 9.195178: straddles 3, inconclusive); 40 in 20,000 is 2.0 (1.428829 to 2.723432: met); to date
     * 50 in 22,000 is 2.272727 (1.686862 to 2.996308: met, just).
     */
    @Test
    void rate_isEventsPerExposure_judgedByItsPoissonInterval() throws IOException {
        String toc = TOC.replace("- { id: kpi-sat,", "- { id: kpi-falls, node: st-sat, label: Falls, source: kpi, measure: FALLS,"
                + " unit: rate, per: 1000, target: 3, direction: lower }\n  - { id: kpi-sat,");
        AnalysisResult r = analyseWith(toc, "kpi,period,numerator,denominator\nFALLS,2024-25 Q2,10,2000\n"
                + "FALLS,2024-25 Q3,40,20000\n");
        KpiRow q2 = kpiRow(r, "kpi-falls", "2024-25 Q2");
        assertEquals(5.0, q2.value().getAsDouble(), 1e-12);
        assertEquals("sample", q2.basis());
        assertEquals(2.397694, q2.interval().orElseThrow().low(), 1e-6);
        assertEquals(9.195178, q2.interval().orElseThrow().high(), 1e-6);
        assertEquals(Optional.of(Verdict.INCONCLUSIVE), q2.verdict());
        KpiRow q3 = kpiRow(r, "kpi-falls", "2024-25 Q3");
        assertEquals(1.428829, q3.interval().orElseThrow().low(), 1e-6);
        assertEquals(2.723432, q3.interval().orElseThrow().high(), 1e-6);
        assertEquals(Optional.of(Verdict.MET), q3.verdict());
        KpiRow toDate = kpiRow(r, "kpi-falls", KpiRow.TO_DATE);
        assertEquals(OptionalLong.of(50), toDate.numerator());
        assertEquals(OptionalLong.of(22000), toDate.denominator());
        assertEquals(50.0 / 22, toDate.value().getAsDouble(), 1e-9);
        assertEquals(2.996308, toDate.interval().orElseThrow().high(), 1e-6);
        assertEquals(Optional.of(Verdict.MET), toDate.verdict());
    }

    /**
     * KPI-8 (rollup: sum) comes per region. 2024-25 Q2 has no programme row: London 8 of 10 and North
     * East 9 of 10 make one of 17 of 20. 2024-25 Q3 has one, 18 of 20, against regions summing to
     * 9 + 8 = 17 of 10 + 11 = 21: the row is kept and the difference (+1, -1) reported. To date the
     * programme rows pool to 17 + 18 = 35 of 40.
     */
    @Test
    void rollup_totalsTheUnitsWhereTheProgrammeRowIsMissing_andReconcilesWhereItIsGiven() throws IOException {
        String toc = TOC.replace("- { id: kpi-sat,", "- { id: kpi-reg, node: st-sat, label: Regional, source: kpi, measure: KPI-8,"
                + " unit: share, target: 0.8, rollup: sum }\n  - { id: kpi-sat,");
        AnalysisResult r = analyseWith(toc, """
                kpi,period,region,numerator,denominator
                KPI-8,2024-25 Q2,London,8,10
                KPI-8,2024-25 Q2,North East,9,10
                KPI-8,2024-25 Q3,,18,20
                KPI-8,2024-25 Q3,London,9,10
                KPI-8,2024-25 Q3,North East,8,11
                """);
        KpiRow q2 = kpiRow(r, "kpi-reg", "2024-25 Q2");
        assertEquals("", q2.unit());
        assertEquals(OptionalLong.of(17), q2.numerator());
        assertEquals(OptionalLong.of(20), q2.denominator());
        assertEquals(0.85, q2.value().getAsDouble(), 1e-12);
        assertEquals("rolled up: the sum of the 2 units' returns", q2.status());
        assertEquals(Optional.of(Verdict.MET), q2.verdict());
        KpiRow q3 = kpiRow(r, "kpi-reg", "2024-25 Q3");
        assertEquals(OptionalLong.of(18), q3.numerator());
        assertTrue(q3.differsFromUnits());
        assertEquals("reconciled, differs: the programme return (18 of 20) differs from the sum of the 2 units' returns (17 of 21):"
                + " +1 in the numerator, -1 in the denominator", q3.status());
        KpiRow toDate = kpiRow(r, "kpi-reg", KpiRow.TO_DATE);
        assertEquals(OptionalLong.of(35), toDate.numerator());
        assertEquals(OptionalLong.of(40), toDate.denominator());
        assertTrue(r.kpis().stream().filter(k -> k.indicator().equals("kpi-reg") && k.unit().equals("London"))
                .allMatch(k -> k.status().isEmpty() || k.toDate()), "the units' own rows carry no note");
    }

    /**
     * Regions represented each quarter (6, then 7) do not add up to 13 regions: to_date: none gives
     * no figure and says why; to_date: latest gives the latest ended quarter's 7, judged against 5.
     */
    @Test
    void toDate_noneOrLatest_forALevelThatDoesNotAddUp() throws IOException {
        String toc = TOC.replace("- { id: kpi-sat,", "- { id: kpi-regions, node: st-sat, label: Regions, source: kpi, measure: KPI-6,"
                + " unit: count, target: 5, to_date: none }\n  - { id: kpi-level, node: st-sat, label: Level, source: kpi,"
                + " measure: KPI-7, unit: count, target: 5, to_date: latest }\n  - { id: kpi-sat,");
        AnalysisResult r = analyseWith(toc, "kpi,period,value\nKPI-6,2024-25 Q2,6\nKPI-6,2024-25 Q3,7\nKPI-7,2024-25 Q2,6\n"
                + "KPI-7,2024-25 Q3,7\nKPI-7,2024-25 Q4,1\n");
        KpiRow none = kpiRow(r, "kpi-regions", KpiRow.TO_DATE);
        assertEquals(OptionalDouble.empty(), none.value());
        assertEquals(Optional.empty(), none.verdict());
        assertTrue(none.status().contains("to_date: none"), none.status());
        KpiRow latest = kpiRow(r, "kpi-level", KpiRow.TO_DATE);
        assertEquals(OptionalDouble.of(7), latest.value(), "2024-25 Q4 is in progress");
        assertEquals(Optional.of(Verdict.MET), latest.verdict());
        assertTrue(latest.status().contains("2024-25 Q3"), latest.status());
    }

    private static KpiRow kpiRow(AnalysisResult r, String indicator, String period) {
        return r.kpis().stream().filter(k -> k.indicator().equals(indicator) && k.period().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError(indicator + " " + period + " not in " + r.kpis()));
    }

    @Test
    void kpiSeries_hasChangeVerdictAndRunChart() throws IOException {
        AnalysisResult r = analyse("", "");
        List<KpiRow> kpi = r.kpis().stream().filter(k -> k.indicator().equals("kpi-sat") && !k.toDate()).toList();
        assertEquals(9, kpi.size(), "eight ended quarters and one in progress");
        assertEquals(0.02, kpi.get(1).change().getAsDouble(), 1e-9);
        assertEquals(Optional.of(Verdict.NOT_MET), kpi.get(0).verdict());
        assertEquals(Optional.of(Verdict.MET), kpi.get(7).verdict());
        KpiChart chart = r.kpiCharts().stream().filter(c -> c.indicator().equals("kpi-sat")).findFirst().orElseThrow();
        assertEquals(0.75, chart.chart().mean(), 1e-9);
        assertEquals(0.632200, chart.chart().lowerLimit(), 1e-6);
        assertEquals(0.867800, chart.chart().upperLimit(), 1e-6);
        // The first seven points (0.70 to 0.73) are all below the mean of 0.75: a shift of 7, the
        // NHS run length, on the worse side for a "higher is better" KPI.
        for (int i = 0; i < 7; i++) {
            assertEquals("concern: shift (run on one side of the mean)", kpi.get(i).signal(), kpi.get(i).period());
        }
        assertTrue(kpi.get(7).signal().startsWith("improvement: "), kpi.get(7).signal());
        assertTrue(kpi.get(7).signal().contains("outside the process limits"), kpi.get(7).signal());
        assertEquals("hit and miss", kpi.get(7).assurance());
    }

    @Test
    void periodInProgress_isShownAsPartial_butNeverJudgedChartedOrCompared() throws IOException {
        AnalysisResult r = analyse("", "");
        List<KpiRow> kpi = r.kpis().stream().filter(k -> k.indicator().equals("kpi-sat") && !k.toDate()).toList();
        KpiRow q4 = kpi.get(8);
        assertEquals("2024-25 Q4", q4.period());
        // 1 to 13 January 2025 of 1 January to 31 March (90 days).
        assertEquals("in progress: 13 of 90 days by the reporting date, figures partial", q4.status());
        assertTrue(q4.inProgress());
        assertEquals(OptionalDouble.of(0.10), q4.value());
        assertEquals(Optional.empty(), q4.verdict(), "0.10 against 0.80 would read not met");
        assertEquals(OptionalDouble.empty(), q4.change());
        assertEquals("", q4.signal());
        assertEquals("", q4.assurance());
        assertEquals("", kpi.get(7).status());
        KpiChart chart = r.kpiCharts().stream().filter(c -> c.indicator().equals("kpi-sat")).findFirst().orElseThrow();
        assertEquals(8, chart.chart().values().size());
    }

    @Test
    void deliveryByRegion_listsEveryConfiguredRegion_andATotal() throws IOException {
        AnalysisResult r = analyse("", "");
        List<Delivery.RegionRow> rows = r.delivery().byRegion();
        assertEquals(10, rows.size());
        assertEquals(new Delivery.RegionRow("London", 3, 0, 0, 3), rows.get(2));
        assertEquals(new Delivery.RegionRow("North East", 2, 0, 0, 2), rows.get(3));
        assertEquals(new Delivery.RegionRow("Total", 5, 0, 0, 5), rows.get(9));
        // P4 completed 1 January 2025; January is not over on 13 January, but a completion in it is shown.
        assertEquals(List.of("2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01"),
                r.delivery().completionsByMonth().stream().map(m -> m.month().toString()).toList());
        assertEquals(5, r.delivery().completionsByMonth().get(6).cumulative());
    }

    @Test
    void organisationCounts_areSuppressedOnlyWhenSet() throws IOException {
        Table plain = table(analyse("", "settings:\n  suppression: nhs\n"), "delivery_by_region");
        assertEquals(3, plain.longColumn("completed").get(2), "London: projects are organisations, not suppressed by default");

        AnalysisResult r = analyse("", "settings:\n  suppression: nhs\n  suppress_organisations: true\n");
        Table byRegion = table(r, "delivery_by_region");
        // London: 3 completed, 0, 0, total 3. Under the NHS rule 3 is hidden, zeros are shown, and
        // the total 3 is itself 1 to 7, so hidden too.
        assertTrue(byRegion.longColumn("completed").isMissing(2));
        assertEquals(0, byRegion.longColumn("active").get(2));
        assertTrue(byRegion.longColumn("total").isMissing(2));
        assertEquals("completed", byRegion.stringColumn("suppressed").get(2));
        // The values themselves are untouched: only the published tables are suppressed.
        assertEquals(3, r.delivery().byRegion().get(2).completed());
        Table months = table(r, "completions_by_month");
        assertTrue(months.longColumn("completed").isMissing(0), "1 completion in July 2024");
        assertTrue(months.longColumn("cumulative").isMissing(0), "a cumulative 1 is hidden too");
    }

    private static Table table(AnalysisResult r, String name) {
        return r.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
