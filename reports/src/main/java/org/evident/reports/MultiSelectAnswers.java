package org.evident.reports;

import java.util.List;

import org.evident.analysis.SurveyRow;
import org.evident.toc.Source;
import org.evident.toc.SurveyItem;

/**
 * The survey's multi-select questions (what systems said they wanted and saw) as tables: each
 * option with how many chose it, of how many answered. Options are not exclusive, so the counts
 * add up to more than the base.
 */
final class MultiSelectAnswers {
    private MultiSelectAnswers() {
    }

    /** A table per multi-select question of every survey, whole wave only, as XHTML; "" when there is none. */
    static String html(ReportInput input) {
        StringBuilder out = new StringBuilder();
        for (Source source : input.project().evaluation().sources(Source.Type.SURVEY)) {
            for (SurveyItem item : source.items()) {
                if (item.type() != SurveyItem.Type.MULTI_SELECT) {
                    continue;
                }
                List<SurveyRow> rows = input.analysis().surveyItems().stream().filter(r -> r.wave().equals(source.id())
                        && r.item().equals(item.id()) && r.group().isEmpty() && !r.positive()).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                String base = rows.get(0).base().isPresent() ? String.valueOf(rows.get(0).base().getAsLong()) : rows.get(0).suppressed();
                // A question asked as one column per option has no wording of its own: its options say what it asks.
                String question = item.column().isEmpty() || item.column().equals(item.id()) ? "Which of these applied"
                        : item.column().matches(".*[?.:]$") ? item.column() : item.column() + "\u2026";
                out.append("<h3>Survey: ").append(ReportHtml.esc(question)).append("</h3>\n<p>").append(ReportHtml.esc(base))
                        .append(" answered; each could choose more than one.</p>\n");
                out.append("<table class=\"data\"><thead><tr><th style=\"width: 60%\">Answer</th><th>Chose it</th><th>Share of those"
                        + " answering</th></tr></thead><tbody>\n");
                for (SurveyRow row : rows) {
                    out.append("<tr><td>").append(ReportHtml.esc(row.option())).append("</td><td class=\"num\">")
                            .append(ReportHtml.esc(row.count().isPresent() ? Summary.count(row.count().getAsLong()) : row.suppressed()))
                            .append("</td><td class=\"num\">")
                            .append(ReportHtml.esc(row.share().isPresent() ? Summary.percent(row.share().getAsDouble(), true) : ""))
                            .append("</td></tr>\n");
                }
                out.append("</tbody></table>\n");
            }
        }
        return out.toString();
    }
}
