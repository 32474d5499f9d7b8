package org.evident.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.evident.analysis.ComparedShares;
import org.evident.analysis.PublishedTable;
import org.evident.analysis.SurveyChange;
import org.evident.analysis.SurveyGroupDifference;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Source;
import org.evident.toc.SurveyItem;

/**
 * The survey section's comparisons, as XHTML: each item's change from one wave to the next, and each
 * group against the rest of its wave, drawn from the published tables {@code survey_changes} and
 * {@code survey_group_differences}, with what the interval means and what it cannot show. Nothing at
 * all for a project with one wave and no groups.
 */
final class SurveyComparisonSection {
    private final ReportInput input;
    private final EvaluationProject project;
    private final String level;
    private final StringBuilder out = new StringBuilder();

    private SurveyComparisonSection(ReportInput input) {
        this.input = input;
        this.project = input.project();
        this.level = percent(project.evaluation().settings().confidenceLevel());
    }

    static String html(ReportInput input) {
        SurveyComparisonSection s = new SurveyComparisonSection(input);
        s.changes();
        s.groups();
        return s.out.toString();
    }

    private void changes() {
        PublishedTable table = input.table("survey_changes");
        if (table.rows().isEmpty()) {
            return;
        }
        List<SurveyChange> changes = input.analysis().surveyChanges();
        out.append("<h3>Change between waves</h3>\n");
        out.append("<p>Each item asked in two waves: its positive share in a wave against the wave before, and the ")
                .append(level).append(" interval for the change in percentage points (Newcombe's hybrid score interval, built from the Wilson"
                        + " interval of each wave's share). The interval is the range of true changes the answers are"
                        + " consistent with. Where it includes zero, the waves differ by no more than who happened to answer"
                        + " would give, and the change is reported as <b>no clear change</b>, not as a rise or a fall, however"
                        + " large the difference in shares looks. An item <b>improved</b> or <b>worsened</b> only when its"
                        + " whole interval lies on one side of zero; the better side is a higher share of positive answers"
                        + " unless an indicator on the item says lower is better.</p>\n");
        Map<String, Integer> verdicts = new TreeMap<>();
        changes.forEach(c -> verdicts.merge(c.verdict().map(SurveyChange.Verdict::label).orElse("not compared"), 1, Integer::sum));
        out.append("<p>Of ").append(changes.size()).append(changes.size() == 1 ? " comparison, " : " comparisons, ")
                .append(String.join(", ", verdicts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()))
                .append(".</p>\n");
        out.append("<table class=\"data small\"><thead><tr><th style=\"width: 24%\">Item</th><th>From</th><th>To</th>"
                + "<th class=\"num\">Before</th><th class=\"num\">After</th><th class=\"num\">Change, points</th><th class=\"num\">")
                .append(level).append(" interval</th><th style=\"width: 20%\">Verdict</th></tr></thead><tbody>\n");
        for (List<PublishedTable.Cell> row : table.rows()) {
            out.append("<tr><td>").append(ReportHtml.esc(itemText(text(table, row, "item")))).append("</td><td class=\"nowrap\">")
                    .append(ReportHtml.esc(text(table, row, "from_period"))).append("</td><td class=\"nowrap\">")
                    .append(ReportHtml.esc(text(table, row, "to_period"))).append("</td>")
                    .append(share(table, row, "from_count", "from_n", "from_share"))
                    .append(share(table, row, "to_count", "to_n", "to_share"))
                    .append(difference(table, row, "change")).append(verdict(table, row)).append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        independence();
        finitePopulation(true);
    }

    private void independence() {
        out.append("<p><b>The waves are treated as independent samples.</b> Newcombe's interval assumes the two waves asked"
                + " different people. Respondent identifiers are pseudonymised with one key, so a person who answers both"
                + " waves carries the same pseudonym, but this comparison does not pair their answers. Where many of the same"
                + " people answer both waves and tend to answer as they did before, a paired comparison (Newcombe's interval"
                + " for paired proportions) would usually be narrower: a change reported here as no clear change could then"
                + " be a real change among those people, while an improved or worsened verdict stands.</p>\n");
    }

    /** What a census or a declared population does to the comparison. */
    private void finitePopulation(boolean waves) {
        List<Source> finite = project.evaluation().sources(Source.Type.SURVEY).stream()
                .filter(s -> s.population().isPresent()).toList();
        if (!waves) {
            out.append("<p>Groups are compared as samples from a larger population, even where the wave declares its"
                    + " population or asked everyone: the interval then allows for more uncertainty than there is, and a"
                    + " difference in a census is a difference among those units, whatever its interval.</p>\n");
            return;
        }
        if (finite.isEmpty()) {
            out.append("<p>No wave declares its population (<code>population:</code>), so each is treated as a sample from a"
                    + " large population. If a wave in fact asked every system, its share is known exactly, and the interval"
                    + " overstates the uncertainty of the change.</p>\n");
        } else {
            out.append("<p>Where a wave declares its population (")
                    .append(ReportHtml.esc(String.join(", ", finite.stream().map(s -> s.id() + ": "
                            + s.population().getAsLong()).toList())))
                    .append("), its own interval is the finite-population one (hypergeometric), combined with the other"
                            + " wave's in the same way (Zou and Donner's method of variance estimates recovery, of which"
                            + " Newcombe's is the case of two Wilson intervals). A wave that asked everyone adds no sampling"
                            + " error: a change between two such waves is a change among those units, known exactly.</p>\n");
        }
    }

    private void groups() {
        PublishedTable table = input.table("survey_group_differences");
        if (table.rows().isEmpty()) {
            return;
        }
        List<SurveyGroupDifference> differences = input.analysis().surveyGroupDifferences();
        out.append("<h3>Groups against the rest of their wave</h3>\n");
        out.append("<p>For a survey broken down by <code>groups:</code>, each group's positive share against everyone else"
                + " in the same wave who answered the item, with the ").append(level).append(" interval for the difference"
                + " (Newcombe's hybrid score interval, as for the waves). Where the interval includes zero the group is"
                + " reported as <b>no clear difference</b>. A group with under ").append(ComparedShares.SMALL_BASE)
                .append(" answers is marked as a small base: its interval is wide. A difference between groups shows that"
                        + " they answered differently, not why: directed systems, say, may differ from the others in other"
                        + " ways too.</p>\n");
        if (!project.evaluation().settings().suppression().equals("none")) {
            out.append("<p>The rest is the whole wave less the group, worked out from the published counts only. A group"
                    + " whose counts are hidden under the ").append(ReportHtml.esc(project.evaluation().settings().suppression()))
                    .append(" rule shows no figures, nor does a rest that is one other group with hidden counts or that is"
                            + " itself small, so no difference gives a hidden count away.</p>\n");
        }
        long clear = differences.stream().filter(d -> d.verdict().filter(v -> v != SurveyGroupDifference.Verdict.NO_CLEAR_DIFFERENCE)
                .isPresent()).count();
        out.append("<p>Of ").append(differences.size()).append(" groups set against the rest of their wave, ").append(clear)
                .append(clear == 1 ? " differs" : " differ").append(" clearly from the rest of their wave.</p>\n");
        out.append("<table class=\"data small\"><thead><tr><th>Wave</th><th>Item</th><th style=\"width: 16%\">Group</th>"
                + "<th class=\"num\">In the group</th><th class=\"num\">In the rest</th><th class=\"num\">Difference, points</th><th class=\"num\">")
                .append(level).append(" interval</th><th style=\"width: 20%\">Verdict</th></tr></thead><tbody>\n");
        for (List<PublishedTable.Cell> row : table.rows()) {
            out.append("<tr><td class=\"nowrap\">").append(ReportHtml.esc(text(table, row, "period"))).append("</td><td>")
                    .append(ReportHtml.esc(itemText(text(table, row, "item")))).append("</td><td>")
                    .append(ReportHtml.esc(text(table, row, "group"))).append("</td>")
                    .append(share(table, row, "group_count", "group_n", "group_share"))
                    .append(share(table, row, "rest_count", "rest_n", "rest_share"))
                    .append(difference(table, row, "difference")).append(verdict(table, row)).append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        finitePopulation(false);
    }

    /** "56 of 70" over "80.0%", or a dash where the counts are hidden. */
    private static String share(PublishedTable table, List<PublishedTable.Cell> row, String count, String base, String share) {
        PublishedTable.Cell x = row.get(table.columnIndex(count));
        PublishedTable.Cell n = row.get(table.columnIndex(base));
        PublishedTable.Cell s = row.get(table.columnIndex(share));
        String text = x instanceof PublishedTable.Count c && n instanceof PublishedTable.Count b
                ? c.value() + " of " + b.value() + (s instanceof PublishedTable.Number p ? "<br/>" + Summary.percent(p.value(), false) : "")
                : "&#8211;";
        return "<td class=\"num\">" + text + "</td>";
    }

    /** The difference in percentage points and its interval, or two dashes. */
    private static String difference(PublishedTable table, List<PublishedTable.Cell> row, String column) {
        PublishedTable.Cell d = row.get(table.columnIndex(column));
        PublishedTable.Cell low = row.get(table.columnIndex("ci_low"));
        PublishedTable.Cell high = row.get(table.columnIndex("ci_high"));
        if (!(d instanceof PublishedTable.Number v && low instanceof PublishedTable.Number l && high instanceof PublishedTable.Number h)) {
            return "<td class=\"num\">&#8211;</td><td class=\"num\">&#8211;</td>";
        }
        return "<td class=\"num\">" + points(v.value()) + "</td><td class=\"num\">" + points(l.value()) + " to " + points(h.value()) + "</td>";
    }

    /** A difference of shares in percentage points, signed: "+20.0", "&#8722;4.0", "0.0". */
    static String points(double difference) {
        double p = Math.round(difference * 1000) / 10.0;
        String text = String.format(Locale.UK, "%.1f", Math.abs(p));
        return (p > 0 ? "+" : p < 0 ? "\u2212" : "") + text;
    }

    private static String verdict(PublishedTable table, List<PublishedTable.Cell> row) {
        String verdict = text(table, row, "verdict");
        String note = text(table, row, "note");
        return "<td>" + (verdict.isEmpty() ? "" : "<b>" + ReportHtml.esc(verdict) + "</b>")
                + (note.isEmpty() ? "" : (verdict.isEmpty() ? "" : "<br/>") + "<span class=\"note\">" + ReportHtml.esc(note) + "</span>")
                + "</td>";
    }

    private static String text(PublishedTable table, List<PublishedTable.Cell> row, String column) {
        return row.get(table.columnIndex(column)).csv();
    }

    /** The item's question (its column) where it says more than the id. */
    private String itemText(String id) {
        return project.evaluation().sources(Source.Type.SURVEY).stream().flatMap(s -> s.items().stream())
                .filter(i -> i.id().equals(id)).map(SurveyItem::column).filter(c -> !c.equals(id)).findFirst().orElse(id);
    }

    private static String percent(double level) {
        return new java.math.BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString() + "%";
    }
}
