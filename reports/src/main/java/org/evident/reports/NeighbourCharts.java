package org.evident.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.NeighbourRow;
import org.evident.analysis.NeighbourSentences;

/**
 * One chart per highlighted area and KPI: the area's bar among its comparable areas', best at the
 * top, with the neighbours' median and England's figure as lines. Bars start at zero so their
 * lengths compare honestly, even where the values differ little.
 */
final class NeighbourCharts {
    static final String PREFIX = "neighbours-";
    private static final Color AREA = ChartCanvas.colour("#e6550d");
    private static final Color NEIGHBOUR = ChartCanvas.colour("#9ecae1");
    private static final Color MEDIAN = ChartCanvas.colour("#252525");
    private static final Color ENGLAND = ChartCanvas.colour("#756bb1");

    private NeighbourCharts() {
    }

    /** The charts of the highlighted areas, in the table's order; none without neighbours. */
    static List<Supplier<ChartImage>> of(AnalysisResult analysis, List<String> highlighted) {
        List<Supplier<ChartImage>> charts = new ArrayList<>();
        for (String area : highlighted) {
            for (NeighbourRow row : analysis.neighbours()) {
                if (row.area().equals(area) && row.rank().isPresent()) {
                    charts.add(() -> chart(row));
                }
            }
        }
        return charts;
    }

    /** The areas the project's neighbours source asks the report to chart and describe. */
    static List<String> highlighted(AnalysisResult analysis) {
        return analysis.project().evaluation().sources(org.evident.toc.Source.Type.NEIGHBOURS).stream()
                .flatMap(s -> s.neighbours().orElseThrow().reported().stream()).toList();
    }

    static String name(NeighbourRow row) {
        return PREFIX + (row.area() + "-" + row.indicator()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    }

    private static ChartImage chart(NeighbourRow row) {
        double v = row.value().getAsDouble();
        int places = places(row);
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        boolean placed = false;
        double most = Math.max(v, row.england().orElse(0));
        int ahead = 0;
        for (NeighbourRow.Neighbour n : row.neighbourValues()) {
            // The area goes at its rank: after the neighbours better than it, before its equals.
            if (!placed && ahead == row.rank().getAsInt() - 1) {
                bars.add(bar(row.areaName(), 0, v, row, places));
                placed = true;
            }
            bars.add(bar(n.name(), 1, n.value(), row, places));
            ahead++;
            most = Math.max(most, n.value());
        }
        if (!placed) {
            bars.add(bar(row.areaName(), 0, v, row, places));
        }
        double step = step(most);
        double max = Math.max(step, Math.ceil(most / step - 1e-9) * step);
        List<HorizontalBars.Line> lines = new ArrayList<>();
        lines.add(new HorizontalBars.Line(row.median().getAsDouble(), "Neighbours' median", MEDIAN));
        row.england().ifPresent(e -> lines.add(new HorizontalBars.Line(e, "England", ENGLAND)));
        String title = row.label() + ", " + row.period();
        String subtitle = row.areaName() + " among its " + row.compared() + " comparable areas with a figure; the "
                + row.rankOneIs() + " at the top";
        int height = 150 + 26 * bars.size();
        int tickPlaces = decimals(java.math.BigDecimal.valueOf(step).stripTrailingZeros().toPlainString());
        HorizontalBars chart = new HorizontalBars(title, subtitle, bars, List.of(row.areaName(), "Comparable areas"),
                List.of(AREA, NEIGHBOUR), 0, max, step, t -> tick(row, t, tickPlaces), "", lines);
        return ChartCanvas.image(name(row), title + ": " + row.areaName() + " among its comparable areas", Charts.WIDTH,
                height, g -> chart.paint(g, Charts.WIDTH, height)).describedAs(ChartDescriptions.neighbours(row));
    }

    /**
     * The figures behind the sentences, one row per KPI, as XHTML: each number printed as the sentence
     * prints it (a share as a percentage, a score to as many places as it needs), not to a fixed two.
     */
    static String table(List<NeighbourRow> rows) {
        boolean england = rows.stream().anyMatch(r -> r.england().isPresent());
        StringBuilder t = new StringBuilder("<table class=\"data small\"><thead><tr><th style=\"width: 30%\">Measure</th>"
                + "<th>Period</th><th class=\"num\">Value</th><th class=\"num\">Neighbours' quartiles</th>"
                + "<th class=\"num\">Neighbours' median</th><th class=\"num\">Rank</th><th>Quarter</th>"
                + (england ? "<th class=\"num\">England</th>" : "") + "</tr></thead><tbody>\n");
        for (NeighbourRow r : rows) {
            t.append("<tr><td>").append(ReportHtml.esc(r.label())).append("</td><td class=\"nowrap\">").append(ReportHtml.esc(r.period()))
                    .append("</td>").append(num(r, r.value().isPresent() ? r.value() : java.util.OptionalDouble.empty(), r.hidden()))
                    .append("<td class=\"num\">");
            if (r.lowerQuartile().isPresent()) {
                t.append(ReportHtml.esc(NeighbourSentences.value(r, r.lowerQuartile().getAsDouble()) + " to "
                        + NeighbourSentences.value(r, r.upperQuartile().getAsDouble())));
            }
            t.append("</td>").append(num(r, r.median(), "")).append("<td class=\"num\">")
                    .append(r.rank().isPresent() ? r.rank().getAsInt() + " of " + (r.compared() + 1) : "")
                    .append("</td><td>").append(ReportHtml.esc(r.quarterLabel().orElse(""))).append("</td>");
            if (england) {
                t.append(num(r, r.england(), ""));
            }
            t.append("</tr>\n");
        }
        return t.append("</tbody></table>\n").toString();
    }

    private static String num(NeighbourRow r, java.util.OptionalDouble v, String mark) {
        return "<td class=\"num\">" + ReportHtml.esc(v.isPresent() ? NeighbourSentences.value(r, v.getAsDouble()) : mark) + "</td>";
    }

    private static HorizontalBars.Bar bar(String label, int series, double value, NeighbourRow row, int places) {
        String text = row.share() ? NeighbourSentences.value(row, value)
                : java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
        return new HorizontalBars.Bar(label, List.of(new HorizontalBars.Segment(series, 0, value, text)));
    }

    /** The most decimal places any of the chart's values needs as the sentences print them, so all show alike. */
    private static int places(NeighbourRow row) {
        int places = decimals(NeighbourSentences.value(row, row.value().getAsDouble()));
        for (NeighbourRow.Neighbour n : row.neighbourValues()) {
            places = Math.max(places, decimals(NeighbourSentences.value(row, n.value())));
        }
        return places;
    }

    private static int decimals(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length() - dot - 1;
    }

    private static String tick(NeighbourRow row, double t, int places) {
        if (row.share()) {
            return Math.round(t * 100) + "%";
        }
        return String.format(Locale.ROOT, "%." + places + "f", t);
    }

    /** A step of 1, 2 or 5 times a power of ten giving at most about eight ticks, for any range (shares and scores too). */
    static double step(double range) {
        double raw = Math.max(range, 1e-9) / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
