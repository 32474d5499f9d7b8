package org.evident.reports;

import static org.evident.reports.ReportHtml.esc;

import java.util.List;
import java.util.Locale;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.BeforeAfter;

/**
 * The report's reading of each KPI either side of a declared change point ({@code rebase:}): the
 * centre before and since, and whether the points since show a sustained shift. Nothing for a
 * project that declares no change point.
 */
final class BeforeAfterSection {
    private BeforeAfterSection() {
    }

    static void write(AnalysisResult analysis, StringBuilder out) {
        List<BeforeAfter> changes = analysis.kpiCharts().stream().flatMap(c -> c.changes().stream()).toList();
        if (changes.isEmpty()) {
            return;
        }
        out.append("<h3>Before and after a change point</h3>\n<p>Where a KPI declares a change point (rebase: in toc.yaml),"
                + " its run chart is calculated afresh from it. The centre line before and since is the mean (or the pooled"
                + " share or rate) of each stretch; a difference between them is not by itself a change: a sustained shift"
                + " needs the run chart's shift rule, that many points in a row on one side of the earlier centre.</p>\n");
        out.append("<table class=\"data small\"><thead><tr><th>KPI</th><th>Change point</th><th>Before</th><th>Since</th>")
                .append("<th>Difference</th><th>Reading</th></tr></thead><tbody>\n");
        for (BeforeAfter b : changes) {
            boolean share = shares(analysis, b);
            out.append("<tr><td>").append(esc(b.label() + (b.unit().isEmpty() ? "" : " (" + b.unit() + ")")))
                    .append("</td><td class=\"nowrap\">").append(esc(b.changePoint())).append("</td><td class=\"num\">")
                    .append(esc(value(b.centreBefore(), share))).append(" (").append(b.pointsBefore()).append(" points)")
                    .append("</td><td class=\"num\">").append(esc(value(b.centreAfter(), share))).append(" (")
                    .append(b.pointsAfter()).append(" points)</td><td class=\"num\">")
                    .append(esc((b.difference() >= 0 ? "+" : "") + value(b.difference(), share))).append("</td><td>")
                    .append(esc(b.reading())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    /** Whether the series is a share: its indicator's unit, or a p chart of a share's counts. */
    private static boolean shares(AnalysisResult analysis, BeforeAfter b) {
        return analysis.project().theoryOfChange().indicators().stream().filter(i -> i.id().equals(b.indicator()))
                .anyMatch(i -> i.unit().equals("share"));
    }

    private static String value(double v, boolean share) {
        return share ? String.format(Locale.UK, "%.1f%%", v * 100) : String.format(Locale.UK, "%,.2f", v);
    }
}
