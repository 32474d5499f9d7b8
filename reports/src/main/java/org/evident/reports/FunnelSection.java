package org.evident.reports;

import static org.evident.reports.ReportHtml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Funnel;
import org.evident.toc.Indicator;
import org.evident.toc.Period;

/**
 * The report's comparison of units on funnel plots: for each share or rate KPI returned by
 * regions (or by areas or systems), the funnel of its latest ended period, the limits it draws,
 * and the units outside them. Nothing at all for a project without comparable units.
 *
 * <p>A funnel of up to {@value #LIST_ALL_UP_TO} units lists every unit under its chart; a larger
 * one (the 153 areas of a national extract) lists only the units outside the 99.8% limits, and
 * {@code funnel.csv} and the workbook hold every unit.
 */
final class FunnelSection {
    /** The name every funnel chart's file starts with. */
    static final String CHART_PREFIX = "funnel-";
    /** Funnels of at most this many units list them all; larger ones only the units outside the 99.8% limits. */
    static final int LIST_ALL_UP_TO = 20;

    /** Where the section is written: the report's text, its images and its figure numbers. */
    interface Page {
        StringBuilder out();

        void png(String alt, byte[] png, double aspect, double maxWidthMm, double maxHeightMm);

        /** "Figure N: title", numbering the figure. */
        String figure(String name, String title);
    }

    private FunnelSection() {
    }

    /** The funnels drawn and reported: each indicator's and level's latest ended period. */
    static List<Funnel> charted(AnalysisResult analysis) {
        List<Period> periods = analysis.project().evaluation().periods();
        Map<String, Funnel> latest = new LinkedHashMap<>();
        for (Funnel f : analysis.funnels()) {
            String key = f.indicator() + "|" + f.level();
            Funnel before = latest.get(key);
            if (before == null || order(periods, f.period()) >= order(periods, before.period())) {
                latest.put(key, f);
            }
        }
        return List.copyOf(latest.values());
    }

    private static int order(List<Period> periods, String id) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The chart of each {@link #charted} funnel, to be drawn with the others. */
    static List<java.util.function.Supplier<ChartImage>> charts(AnalysisResult analysis) {
        List<java.util.function.Supplier<ChartImage>> charts = new ArrayList<>();
        for (Funnel f : charted(analysis)) {
            Indicator.Direction direction = analysis.project().theoryOfChange().indicators().stream()
                    .filter(i -> i.id().equals(f.indicator())).findFirst().map(Indicator::direction)
                    .orElse(Indicator.Direction.HIGHER);
            charts.add(() -> FunnelChart.draw(f, direction, Charts.provenance(analysis, f.indicator())));
        }
        return charts;
    }

    /** Writes the section (a heading, what a funnel shows, then each funnel), or nothing without a funnel. */
    static void write(ReportInput input, Page page) {
        List<Funnel> funnels = charted(input.analysis());
        if (funnels.isEmpty()) {
            return;
        }
        Map<String, ChartImage> images = new LinkedHashMap<>();
        input.charts().forEach(c -> images.put(c.name(), c));
        StringBuilder out = page.out();
        out.append("<h3>Units compared: funnel plots</h3>\n<p>Each region (or area) returning a KPI as a share or a rate is"
                + " set against the others on a funnel plot: its value against its denominator, the centre line the value"
                + " of all the units pooled, and limits within which 95% and 99.8% of units would fall if they differed"
                + " by chance alone. The limits narrow as the denominator grows, so a small unit is not singled out for"
                + " noise. A unit outside the 99.8% limits differs from the centre by more than chance is likely to"
                + " explain, and is worth a closer look; the plot does not say why (case mix, recording or practice). The limits are exact binomial"
                + " (a share) or Poisson (a rate) limits about the centre (Spiegelhalter 2005); where the units vary more"
                + " than chance allows (the Winsorised dispersion ratio phi above 1 + 2&#8730;(2/k) for k units), they are"
                + " widened by the between-unit variance, as the NHS-R community's FunnelPlotR does. Each unit of every"
                + " quarter is in funnel.csv.</p>\n");
        for (Funnel f : funnels) {
            ChartImage chart = images.get(FunnelChart.name(f));
            if (chart != null) {
                out.append("<div class=\"chart\"><p class=\"caption\">").append(esc(page.figure(chart.name(), chart.title())))
                        .append("</p>");
                page.png(chart.description(), chart.png(), (double) chart.width() / chart.height(),
                        ReportHtml.PORTRAIT_WIDTH_MM - 4, 200);
                out.append("</div>\n");
            }
            units(f, out);
        }
    }

    /** The funnel's summary sentence and its units: all of them, or for a large funnel those outside the 99.8% limits. */
    static void units(Funnel f, StringBuilder out) {
        List<Funnel.FunnelRow> outside = f.outside();
        String kind = f.level() == Funnel.Level.REGION ? "regions" : "areas";
        long above = outside.stream().filter(r -> r.position().orElseThrow() == Funnel.Position.ABOVE).count();
        out.append("<p>").append(esc(f.label())).append(", ").append(esc(f.period())).append(": ").append(f.rows().size())
                .append(' ').append(kind).append(", centre ").append(esc(value(f, f.centre()))).append("; ")
                .append(above).append(" above and ").append(outside.size() - above)
                .append(" below the 99.8% limits. Limits drawn: ").append(esc(f.method())).append(".</p>\n");
        boolean all = f.rows().size() <= LIST_ALL_UP_TO;
        List<Funnel.FunnelRow> listed = all ? f.rows() : outside;
        if (listed.isEmpty()) {
            out.append("<p>No ").append(kind.substring(0, kind.length() - 1)).append(" lies outside the 99.8% limits; all ")
                    .append(f.rows().size()).append(" are in funnel.csv.</p>\n");
            return;
        }
        if (!all) {
            out.append("<p>The ").append(listed.size()).append(' ').append(kind).append(" outside the 99.8% limits (all ")
                    .append(f.rows().size()).append(" are in funnel.csv and the workbook):</p>\n");
        }
        out.append("<table class=\"data small\"><thead><tr><th>").append(f.level() == Funnel.Level.REGION ? "Region" : "Area")
                .append("</th><th>Numerator / denominator</th><th>Value</th><th>95% limits</th><th>99.8% limits</th>")
                .append("<th>Position (99.8%)</th></tr></thead><tbody>\n");
        for (Funnel.FunnelRow r : listed) {
            out.append("<tr><td>").append(esc(r.unit())).append("</td><td class=\"num\">")
                    .append(r.numerator().isPresent() ? count(r.numerator().getAsLong()) : esc(r.suppressed()))
                    .append(" / ").append(r.denominator().isPresent() ? count(r.denominator().getAsLong()) : esc(r.suppressed()))
                    .append("</td><td class=\"num\">").append(r.value().isPresent() ? esc(value(f, r.value().getAsDouble())) : "")
                    .append("</td><td class=\"num nowrap\">")
                    .append(r.limits().map(l -> esc(value(f, l.lower95()) + " to " + value(f, l.upper95()))).orElse(""))
                    .append("</td><td class=\"num nowrap\">")
                    .append(r.limits().map(l -> esc(value(f, l.lower998()) + " to " + value(f, l.upper998()))).orElse(""))
                    .append("</td><td>").append(r.position().map(Funnel.Position::label).orElse("suppressed"))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** A share as a percentage to one place, a rate to two. */
    static String value(Funnel f, double v) {
        return f.kind() == Funnel.Kind.PROPORTION ? String.format(Locale.UK, "%.1f%%", v * 100)
                : String.format(Locale.UK, "%,.2f", v);
    }
}
