package org.evident.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Delivery;
import org.evident.analysis.KpiChart;
import org.evident.analysis.KpiRow;
import org.evident.analysis.RunChart;
import org.evident.analysis.SurveyRow;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, each as SVG and as a PNG at twice the size, in a fixed order: the
 * Likert chart of each survey wave, the run chart of each programme-level KPI series,
 * completions by month, projects by region, and the evidence heatmap.
 *
 * <p>Run charts and completions are XChart charts. The horizontal bars and the heatmap are
 * drawn with Graphics2D (see {@link HorizontalBars} and {@link GradeHeatmap} for why), through
 * the same SVG and PNG path, so every chart shares one look: white ground, DejaVu Sans, fixed size.
 */
public final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    /** Making Data Count colours: improvement blue, concern orange, neither purple, common cause grey. */
    static final Color IMPROVEMENT = ChartCanvas.colour("#3182bd");
    static final Color CONCERN = ChartCanvas.colour("#e6550d");
    static final Color NEITHER = ChartCanvas.colour("#756bb1");
    static final Color COMMON = ChartCanvas.colour("#7f7f7f");

    private Charts() {
    }

    /** Every chart the analysis has data for, in the order the report shows them. */
    public static List<ChartImage> all(AnalysisResult analysis) {
        // Each chart is drawn on its own (two encodings, SVG and a 2x PNG, about a quarter of a
        // second each), so they are drawn in parallel; the list keeps this order whatever the threads.
        List<java.util.function.Supplier<ChartImage>> charts = new ArrayList<>();
        for (Map.Entry<String, List<LikertBar>> wave : likertBars(analysis.surveyItems()).entrySet()) {
            if (!wave.getValue().isEmpty()) {
                charts.add(() -> likert(wave.getKey(), wave.getValue(), analysis.project()));
            }
        }
        for (KpiChart kpi : analysis.kpiCharts()) {
            if (kpi.unit().isEmpty()) {
                charts.add(() -> runChart(kpi, analysis.kpis(), provenance(analysis, kpi.indicator())));
            }
        }
        charts.addAll(FunnelSection.charts(analysis));
        if (!analysis.delivery().completionsByMonth().isEmpty()) {
            charts.add(() -> completions(analysis.delivery().completionsByMonth()));
        }
        List<Delivery.RegionRow> regions = analysis.delivery().byRegion().stream()
                .filter(r -> !r.region().equals(Delivery.TOTAL)).toList();
        if (!regions.isEmpty()) {
            charts.add(() -> projectsByRegion(regions));
        }
        if (!analysis.evidence().isEmpty()) {
            charts.add(() -> {
                GradeHeatmap heatmap = new GradeHeatmap("Evidence grades by outcome and period", analysis.evidence());
                return ChartCanvas.image("evidence-heatmap", "Evidence grades by outcome and period", GradeHeatmap.WIDTH,
                        heatmap.height(), heatmap::paint)
                        .describedAs(ChartDescriptions.heatmap("Evidence grades by outcome and period", analysis.evidence()));
            });
        }
        return charts.parallelStream().map(java.util.function.Supplier::get).toList();
    }

    // ---- Likert ------------------------------------------------------------------------------

    /**
     * One agreement item of a wave, its categories in scale order from the most negative (left)
     * to the most positive (right), with each category's share of the base.
     *
     * @param neutral   the index of the middle category, drawn across zero, or -1 on an even scale
     * @param positives how many categories at the right end count as agreeing
     */
    record LikertBar(String wave, String period, String item, List<String> categories, double[] shares, int neutral,
                     int positives, double agreeing, long base) {
        /** Where the bar starts: everything left of the agreeing categories, half the neutral one on the left of zero. */
        double start() {
            double left = 0;
            int negatives = neutral >= 0 ? neutral : categories.size() - positives;
            for (int i = 0; i < negatives; i++) {
                left += shares[i];
            }
            return -(left + (neutral >= 0 ? shares[neutral] / 2 : 0));
        }

        double end() {
            double total = 0;
            for (double s : shares) {
                total += s;
            }
            return start() + total;
        }
    }

    /**
     * The agreement items of every wave, most agreed-with first (ties keep the file's order). An
     * item is an agreement item when its positive row names an "Agree" category.
     */
    static Map<String, List<LikertBar>> likertBars(List<SurveyRow> rows) {
        Map<String, Map<String, List<SurveyRow>>> byWave = new LinkedHashMap<>();
        for (SurveyRow row : rows) {
            if (!row.group().isEmpty()) {
                continue; // the whole wave only; group breakdowns are in the tables
            }
            byWave.computeIfAbsent(row.wave(), w -> new LinkedHashMap<>()).computeIfAbsent(row.item(), i -> new ArrayList<>())
                    .add(row);
        }
        Map<String, List<LikertBar>> bars = new LinkedHashMap<>();
        byWave.forEach((wave, items) -> {
            List<LikertBar> list = new ArrayList<>();
            items.forEach((item, itemRows) -> {
                SurveyRow positive = itemRows.stream().filter(SurveyRow::positive).findFirst().orElse(null);
                if (positive == null || !positive.option().contains("Agree")) {
                    return;
                }
                Set<String> agreeing = Set.of(positive.option().split(" \\+ "));
                List<SurveyRow> categories = new ArrayList<>(itemRows.stream().filter(r -> !r.positive()).toList());
                if (categories.isEmpty()) {
                    return;
                }
                // Scale order left to right: disagreeing first. Files list a scale either way round.
                if (agreeing.contains(categories.get(0).option())) {
                    java.util.Collections.reverse(categories);
                }
                int positives = (int) categories.stream().filter(r -> agreeing.contains(r.option())).count();
                int others = categories.size() - positives;
                // On an odd scale the category next to the agreeing ones is the neutral middle.
                int neutral = others > positives ? others - 1 : -1;
                long base = positive.base().orElse(0);
                double[] shares = new double[categories.size()];
                for (int i = 0; i < shares.length; i++) {
                    SurveyRow r = categories.get(i);
                    // A hidden (suppressed) count has no share: its segment is left out rather than guessed.
                    shares[i] = r.share().orElse(r.count().isPresent() && base > 0 ? (double) r.count().getAsLong() / base : 0);
                }
                double agreeingShare = positive.share().orElse(Arrays.stream(shares, shares.length - positives, shares.length).sum());
                list.add(new LikertBar(wave, positive.period(), item, categories.stream().map(SurveyRow::option).toList(),
                        shares, neutral, positives, agreeingShare, base));
            });
            list.sort(Comparator.comparingDouble(LikertBar::agreeing).reversed());
            bars.put(wave, List.copyOf(list));
        });
        return bars;
    }

    /** Diverging red-to-blue (ColorBrewer RdBu), grey in the middle: disagreement and agreement read apart without a legend. */
    private static List<Color> likertColours(int categories, int neutral) {
        String[] reds = {"#ca0020", "#f4a582", "#fddbc7"};
        String[] blues = {"#0571b0", "#92c5de", "#d1e5f0"};
        int sideLeft = neutral >= 0 ? neutral : categories / 2;
        int sideRight = categories - sideLeft - (neutral >= 0 ? 1 : 0);
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < sideLeft; i++) {
            colours.add(ChartCanvas.colour(reds[Math.min(reds.length - 1, i)]));
        }
        if (neutral >= 0) {
            colours.add(ChartCanvas.colour("#cccccc"));
        }
        for (int i = 0; i < sideRight; i++) {
            colours.add(ChartCanvas.colour(blues[Math.min(blues.length - 1, sideRight - 1 - i)]));
        }
        return colours;
    }

    private static ChartImage likert(String wave, List<LikertBar> items, org.evident.toc.EvaluationProject project) {
        LikertBar first = items.get(0);
        long lowBase = items.stream().mapToLong(LikertBar::base).min().orElse(0);
        long highBase = items.stream().mapToLong(LikertBar::base).max().orElse(0);
        String bases = lowBase == highBase ? "n = " + lowBase : "n = " + lowBase + " to " + highBase;
        // The wave named by its period's label ("Phase 3 (November 2024 to January 2025)"), not by ids.
        String title = "Agreement by statement: " + (first.period().isEmpty() ? wave : Summary.periodLabel(project, first.period()));
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        double leftmost = 0;
        double rightmost = 0;
        for (LikertBar item : items) {
            List<HorizontalBars.Segment> segments = new ArrayList<>();
            double from = item.start();
            for (int i = 0; i < item.shares().length; i++) {
                double share = item.shares()[i];
                segments.add(new HorizontalBars.Segment(i, from, from + share, percent(share)));
                from += share;
            }
            bars.add(new HorizontalBars.Bar(item.item(), segments));
            leftmost = Math.max(leftmost, -item.start());
            rightmost = Math.max(rightmost, item.end());
        }
        // The axis runs only as far as the bars do on each side: a symmetric -100% to 100% axis
        // left half the chart empty, as agreement items usually lean one way.
        double step = leftmost + rightmost > 0.6 ? 0.2 : 0.1;
        double low = Math.max(step, Math.ceil(leftmost / step - 1e-9) * step);
        double high = Math.max(step, Math.ceil(rightmost / step - 1e-9) * step);
        HorizontalBars chart = new HorizontalBars(title,
                bases + "; disagreeing left of zero, agreeing right, the middle answer split across it",
                bars, first.categories(), likertColours(first.categories().size(), first.neutral()), -low, high, step,
                v -> percent(Math.abs(v)), "Share of respondents");
        return ChartCanvas.image("likert-" + wave, title, WIDTH, HEIGHT, g -> chart.paint(g, WIDTH, HEIGHT))
                .describedAs(ChartDescriptions.likert(title, bases, items));
    }

    /** A p or u chart's centre pools the counts, so it is not the mean of the points. */
    private static String centreLabel(RunChart.Type type) {
        return switch (type) {
            case P, P_PRIME -> "Centre (pooled share)";
            case U, U_PRIME -> "Centre (pooled rate)";
            case XMR, C, C_PRIME -> "Mean";
        };
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    // ---- Run charts --------------------------------------------------------------------------

    /** "Illustrative data: " before the title of a chart whose figures are not real, else "". */
    static String provenance(AnalysisResult analysis, String indicator) {
        return analysis.project().theoryOfChange().indicators().stream().filter(i -> i.id().equals(indicator)).findFirst()
                .flatMap(i -> analysis.project().provenance(i)).map(p -> p.label() + ": ").orElse("");
    }

    private static ChartImage runChart(KpiChart kpi, List<KpiRow> rows, String provenance) {
        RunChart run = kpi.chart();
        List<String> periods = run.periods();
        Map<String, KpiRow> byPeriod = new LinkedHashMap<>();
        for (KpiRow row : rows) {
            if (row.indicator().equals(kpi.indicator()) && row.unit().equals(kpi.unit())) {
                byPeriod.put(row.period(), row);
            }
        }
        // A series of numerators over denominators is a share, shown as a percentage, unless it is a rate of
        // events per exposure (a u chart's), which is per its exposure, not per cent.
        boolean rate = run.type() == RunChart.Type.U || run.type() == RunChart.Type.U_PRIME;
        boolean shares = !rate && byPeriod.values().stream().anyMatch(r -> r.denominator().isPresent());
        List<Double> targets = new ArrayList<>();
        boolean anyTarget = false;
        for (String p : periods) {
            KpiRow row = byPeriod.get(p);
            Double t = row != null && row.target().isPresent() ? row.target().getAsDouble() : null;
            anyTarget |= t != null;
            targets.add(t);
        }
        String title = provenance + (kpi.label() == null || kpi.label().isBlank() ? kpi.indicator() : kpi.label())
                + (kpi.ofIncrements() ? ": added each period" : "");
        // A running total's target is not a target for one period's increment.
        anyTarget &= !kpi.ofIncrements();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("Period")
                .yAxisTitle(kpi.ofIncrements() ? "Added in the period" : shares ? "Share" : rate ? "Rate" : "Value").build();
        CategoryStyler styler = chart.getStyler();
        style(styler);
        // XChart centres the title over the plot, not the chart, so the room is the plot's width.
        styler.setChartTitleFont(ChartCanvas.fitting(title, Font.BOLD, 18, 11, WIDTH - 180));
        styler.setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
        // Without this XChart sets each series beside the others, as it would bars, and the
        // special-cause markers drift off the points they mark.
        styler.setOverlapped(true);
        styler.setMarkerSize(9);
        if (shares) {
            styler.setYAxisDecimalPattern("0%");
        }

        line(chart, "values", "Value", periods, run.values(), COMMON, solid(2f)).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(COMMON);
        line(chart, "mean", centreLabel(run.type()), periods, run.centres(), Color.BLACK, solid(1.5f));
        // Limits per point: a p chart's widen where a quarter's denominator is small; all are clipped
        // to what the measure can take.
        String limits = "Process limits (" + run.type().label() + " chart)";
        if (new java.util.HashSet<>(run.upperLimits()).size() == 1 && new java.util.HashSet<>(run.lowerLimits()).size() == 1) {
            line(chart, "upper", limits, periods, run.upperLimits(), COMMON, dashed());
            line(chart, "lower", "Lower limit", periods, run.lowerLimits(), COMMON, dashed()).setShowInLegend(false);
        } else {
            // Limits that differ from point to point (a p chart's, from each period's denominator)
            // belong to their own period: drawn as a step across each, never as a slope joining one
            // period's limit to the next, which would show limits nobody computed.
            LimitStep step = new LimitStep((WIDTH - 160) * 0.8 / periods.size());
            limitSteps(chart, "upper", periods, run.upperLimits(), step);
            limitSteps(chart, "lower", periods, run.lowerLimits(), step);
            // The legend's entry for both, as a short dashed line.
            List<Double> none = new ArrayList<>(java.util.Collections.nCopies(periods.size(), (Double) null));
            line(chart, "limits", limits, periods, none, COMMON, dashed());
        }
        if (anyTarget) {
            line(chart, "target", "Target (assurance: " + run.assurance().label() + ")", periods, targets, new Color(0xd6, 0x27, 0x28),
                    dashed());
        }
        // Special-cause points as separate marker-only series, drawn last so they sit on top of the line.
        readings(chart, run, RunChart.Reading.IMPROVEMENT, "Improvement", IMPROVEMENT);
        readings(chart, run, RunChart.Reading.CONCERN, "Concern", CONCERN);
        readings(chart, run, RunChart.Reading.NEITHER, "Special cause, neither", NEITHER);
        flatRange(styler, chart, shares);
        // The latest target the chart draws, for its text alternative.
        OptionalDouble target = OptionalDouble.empty();
        for (Double t : targets) {
            target = anyTarget && t != null ? OptionalDouble.of(t) : target;
        }
        return ChartCanvas.image("run-chart-" + kpi.indicator(), title, chart)
                .describedAs(ChartDescriptions.runChart(title, run, shares, target));
    }

    /**
     * A series equal in every period (a KPI met at 100% every quarter: values, centre and limits
     * all 1) leaves XChart an axis of no height, and it places every point at NaN: such a chart
     * gets an axis around the one value instead.
     */
    private static void flatRange(CategoryStyler styler, CategoryChart chart, boolean shares) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (CategorySeries series : chart.getSeriesMap().values()) {
            for (Number y : series.getYData()) {
                if (y != null) {
                    low = Math.min(low, y.doubleValue());
                    high = Math.max(high, y.doubleValue());
                }
            }
        }
        if (low == high) {
            double pad = shares ? 0.05 : Math.max(1, Math.abs(low) * 0.1);
            styler.setYAxisMin(low - pad);
            styler.setYAxisMax(high + pad);
        }
    }

    private static void limitSteps(CategoryChart chart, String name, List<String> periods, List<Double> limits, LimitStep step) {
        CategorySeries series = chart.addSeries(name, periods, limits);
        series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
        series.setMarker(step).setMarkerColor(COMMON);
        series.setShowInLegend(false);
    }

    /** A marker that is a dashed horizontal line across its period: one period's process limit. */
    private static final class LimitStep extends org.knowm.xchart.style.markers.Marker {
        private final double width;

        LimitStep(double width) {
            this.width = width;
        }

        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int markerSize) {
            g.setStroke(dashed());
            g.draw(new java.awt.geom.Line2D.Double(x - width / 2, y, x + width / 2, y));
        }
    }

    private static void readings(CategoryChart chart, RunChart run, RunChart.Reading reading, String label, Color colour) {
        List<Double> points = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < run.values().size(); i++) {
            boolean here = run.readings().get(i) == reading && !run.signals().get(i).isEmpty();
            points.add(here ? run.values().get(i) : null);
            any |= here;
        }
        if (!any) {
            return;
        }
        CategorySeries series = chart.addSeries(reading.name(), run.periods(), points);
        series.setLabel(label);
        series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colour);
        series.setFillColor(colour);
    }

    private static CategorySeries line(CategoryChart chart, String name, String label, List<String> x, List<Double> y, Color colour,
                                       BasicStroke stroke) {
        CategorySeries series = chart.addSeries(name, x, y);
        series.setLabel(label);
        series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line);
        series.setLineColor(colour);
        series.setLineStyle(stroke);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    // ---- Delivery ----------------------------------------------------------------------------

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private static ChartImage completions(List<Delivery.MonthRow> months) {
        String title = "Local projects completed by month";
        List<String> labels = months.stream().map(m -> m.month().format(MONTH)).toList();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("Month")
                .yAxisTitle("Completed in the month").build();
        CategoryStyler styler = chart.getStyler();
        style(styler);
        styler.setOverlapped(true);
        styler.setYAxisDecimalPattern("0");
        // Two years of month names do not fit side by side under the bars.
        styler.setXAxisLabelRotation(45);
        // XChart spaces a bar's legend entry as if it were a line's; more padding keeps the next entry off its text.
        styler.setLegendPadding(16);
        CategorySeries monthly = chart.addSeries("monthly", labels, months.stream().map(m -> (Number) m.completed()).toList());
        monthly.setLabel("Completed in the month");
        monthly.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Bar);
        monthly.setFillColor(ChartCanvas.colour("#9ecae1"));
        // The running total dwarfs any one month, so it gets its own axis on the right.
        CategorySeries cumulative = chart.addSeries("cumulative", labels, months.stream().map(m -> (Number) m.cumulative()).toList());
        cumulative.setLabel("Cumulative total");
        cumulative.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line);
        cumulative.setLineColor(ChartCanvas.colour("#08519c"));
        cumulative.setLineStyle(solid(2.5f));
        cumulative.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(ChartCanvas.colour("#08519c"));
        cumulative.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "Cumulative total");
        styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        styler.putYAxisGroupDecimalPatternMap(1, "0");
        styler.setYAxisMin(0, 0.0);
        styler.setYAxisMin(1, 0.0);
        return ChartCanvas.image("completions-by-month", title, chart).describedAs(ChartDescriptions.completions(title, months));
    }

    private static ChartImage projectsByRegion(List<Delivery.RegionRow> regions) {
        String title = "Local projects by region and stage";
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        long most = 0;
        for (Delivery.RegionRow r : regions) {
            long[] counts = {r.completed(), r.active(), r.pipeline()};
            List<HorizontalBars.Segment> segments = new ArrayList<>();
            double from = 0;
            for (int i = 0; i < counts.length; i++) {
                segments.add(new HorizontalBars.Segment(i, from, from + counts[i], counts[i] == 0 ? "" : Long.toString(counts[i])));
                from += counts[i];
            }
            bars.add(new HorizontalBars.Bar(r.region(), segments));
            most = Math.max(most, r.completed() + r.active() + r.pipeline());
        }
        double step = niceStep(Math.max(1, most));
        double max = Math.max(step, Math.ceil(most / step) * step);
        HorizontalBars chart = new HorizontalBars(title, "Closed-down offers are not projects and are left out", bars,
                List.of("Completed", "Active", "Pipeline"),
                List.of(ChartCanvas.colour("#08519c"), ChartCanvas.colour("#6baed6"), ChartCanvas.colour("#c6dbef")), 0, max, step,
                v -> Long.toString(Math.round(v)), "Projects");
        return ChartCanvas.image("projects-by-region", title, WIDTH, HEIGHT, g -> chart.paint(g, WIDTH, HEIGHT))
                .describedAs(ChartDescriptions.projectsByRegion(title, regions));
    }

    /** A step of 1, 2 or 5 times a power of ten giving at most about eight ticks. */
    static double niceStep(double range) {
        double raw = range / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return Math.max(1, m * power);
            }
        }
        return Math.max(1, 10 * power);
    }

    // ---- Shared XChart style -----------------------------------------------------------------

    static void style(org.knowm.xchart.style.AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(ChartCanvas.font(Font.BOLD, 18));
        styler.setAxisTitleFont(ChartCanvas.font(Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(ChartCanvas.font(Font.PLAIN, 12));
        styler.setLegendFont(ChartCanvas.font(Font.PLAIN, 13));
        styler.setBaseFont(ChartCanvas.font(Font.PLAIN, 13));
        // Outside, under the plot: a legend inside would sit on points.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartPadding(16);
        styler.setToolTipsEnabled(false);
    }
}
