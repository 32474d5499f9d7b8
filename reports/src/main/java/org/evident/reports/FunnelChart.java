package org.evident.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.evident.analysis.Funnel;
import org.evident.toc.Indicator;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The funnel plot of one {@link Funnel}: each unit's value against its denominator, the centre,
 * and the 95% (dashed) and 99.8% (solid) limits drawn as curves over the denominators' range.
 * Units outside the 99.8% limits are coloured by whether that is better or worse (the run charts'
 * Making Data Count colours) and labelled with their name; a suppressed unit is not drawn.
 */
final class FunnelChart {
    /** Points along each limit curve: smooth at the chart's width. */
    private static final int CURVE_POINTS = 48;

    private FunnelChart() {
    }

    static String name(Funnel funnel) {
        return FunnelSection.CHART_PREFIX + funnel.indicator() + (funnel.level() == Funnel.Level.REGION ? "-regions" : "-areas");
    }

    static String title(Funnel funnel, String provenance) {
        return provenance + funnel.label() + ": " + (funnel.level() == Funnel.Level.REGION ? "regions" : "areas") + ", "
                + funnel.period();
    }

    static ChartImage draw(Funnel funnel, Indicator.Direction direction, String provenance) {
        boolean share = funnel.kind() == Funnel.Kind.PROPORTION;
        String title = title(funnel, provenance);
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle(share ? "Denominator (cases)" : "Exposure").yAxisTitle(share ? "Share" : "Rate per " + per(funnel))
                .build();
        XYStyler styler = chart.getStyler();
        Charts.style(styler);
        styler.setChartTitleFont(ChartCanvas.fitting(title, Font.BOLD, 18, 11, Charts.WIDTH - 180));
        styler.setMarkerSize(8);
        styler.setAnnotationTextFont(ChartCanvas.font(Font.PLAIN, 11));
        styler.setAnnotationTextFontColor(Color.BLACK);
        styler.setXAxisDecimalPattern("#,##0");

        List<Funnel.FunnelRow> shown = funnel.rows().stream().filter(r -> r.value().isPresent() && r.denominator().isPresent())
                .toList();
        double low = funnel.rows().stream().filter(r -> r.denominator().isPresent())
                .mapToDouble(r -> r.denominator().getAsLong()).min().orElse(1);
        double high = funnel.rows().stream().filter(r -> r.denominator().isPresent())
                .mapToDouble(r -> r.denominator().getAsLong()).max().orElse(2);
        double from = Math.max(1, low * 0.8);
        double to = Math.max(from + 1, high * 1.1);
        double[] x = new double[CURVE_POINTS];
        double[][] limits = new double[4][CURVE_POINTS];
        // Spaced evenly on a log scale: the funnel's mouth, where the limits change fastest, gets as many points as its tail.
        for (int i = 0; i < CURVE_POINTS; i++) {
            x[i] = from * Math.pow(to / from, (double) i / (CURVE_POINTS - 1));
            Funnel.Limits l = funnel.limits(x[i]);
            limits[0][i] = l.lower95();
            limits[1][i] = l.upper95();
            limits[2][i] = l.lower998();
            limits[3][i] = l.upper998();
        }
        double[] centre = new double[CURVE_POINTS];
        java.util.Arrays.fill(centre, funnel.centre());
        line(chart, "Centre (all units pooled)", x, centre, Color.BLACK, new BasicStroke(1.5f));
        line(chart, "95% limits", x, limits[1], Charts.COMMON, Charts.dashed());
        line(chart, "95% lower", x, limits[0], Charts.COMMON, Charts.dashed()).setShowInLegend(false);
        line(chart, "99.8% limits" + (funnel.overDispersed() ? " (over-dispersed)" : ""), x, limits[3], Color.DARK_GRAY,
                new BasicStroke(1.5f));
        line(chart, "99.8% lower", x, limits[2], Color.DARK_GRAY, new BasicStroke(1.5f)).setShowInLegend(false);

        points(chart, shown, Funnel.Position.WITHIN, "Within the 99.8% limits", Charts.COMMON);
        boolean higherBetter = direction == Indicator.Direction.HIGHER;
        points(chart, shown, Funnel.Position.ABOVE, "Above", higherBetter ? Charts.IMPROVEMENT : Charts.CONCERN);
        points(chart, shown, Funnel.Position.BELOW, "Below", higherBetter ? Charts.CONCERN : Charts.IMPROVEMENT);

        // The value axis spans the points and the limits from the tenth-smallest denominator on: a council of a few
        // hundred people (the Isles of Scilly) would otherwise open the funnel's mouth to 0% and 100% and squash the
        // rest into a band; the limit curves run off the plot there, clipped.
        double[] sizes = funnel.rows().stream().filter(r -> r.denominator().isPresent())
                .mapToDouble(r -> r.denominator().getAsLong()).sorted().toArray();
        Funnel.Limits wide = funnel.limits(sizes.length == 0 ? from : sizes[Math.min(sizes.length - 1, sizes.length / 10)]);
        double yLow = Math.min(wide.lower998(), funnel.centre());
        double yHigh = Math.max(wide.upper998(), funnel.centre());
        for (Funnel.FunnelRow r : shown) {
            yLow = Math.min(yLow, r.value().getAsDouble());
            yHigh = Math.max(yHigh, r.value().getAsDouble());
        }
        double pad = (yHigh - yLow) * 0.06;
        if (share) {
            // Whole percentages on an axis a few points tall would leave two or three labels.
            styler.setYAxisDecimalPattern(yHigh - yLow < 0.05 ? "0.0%" : "0%");
        }
        styler.setYAxisMin(share ? Math.max(0, yLow - pad) : Math.max(0, yLow - pad));
        styler.setYAxisMax(share ? Math.min(1, yHigh + pad) : yHigh + pad);
        styler.setXAxisMin(from);
        styler.setXAxisMax(to);
        // Each unit outside the 99.8% limits named just above its point.
        for (Funnel.FunnelRow r : funnel.outside()) {
            chart.addAnnotation(new AnnotationText(r.unit(), r.denominator().getAsLong(), r.value().getAsDouble() + pad * 0.45,
                    false));
        }
        return ChartCanvas.image(name(funnel), title, chart).describedAs(ChartDescriptions.funnel(title, funnel));
    }

    private static String per(Funnel funnel) {
        return String.format(java.util.Locale.UK, "%,.0f", funnel.per());
    }

    private static void points(XYChart chart, List<Funnel.FunnelRow> rows, Funnel.Position position, String name, Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Funnel.FunnelRow r : rows) {
            if (r.position().orElse(null) == position) {
                x.add((double) r.denominator().getAsLong());
                y.add(r.value().getAsDouble());
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        return s;
    }
}
