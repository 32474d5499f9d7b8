package org.evident.reports;

import java.util.List;

import org.evident.analysis.Delivery;
import org.evident.analysis.Insights;
import org.evident.analysis.PublishedTable;
import org.evident.ingest.CodedText;
import org.evident.toc.CodeFrame;
import org.evident.toc.TheoryOfChange;

/**
 * The report's insight chapters, as plain semantic XHTML (h2 to h4, p, blockquote, tables with th)
 * that both the PDF and any other renderer of the report's XHTML can use: "What we learned" (the
 * lessons and quotes by theme, under the code frame's parents), "Suggested way forward" (the
 * recommendations with their owners) and an appendix with the themes and lessons tables. Each
 * lesson links to its row in the appendix, which lists the finding ids and document references;
 * the prose names only what kind of evidence it is.
 */
final class InsightChapters {
    static final String LEARNED_ID = "learned";
    static final String LEARNED = "What we learned";
    static final String WAY_FORWARD_ID = "way-forward";
    static final String WAY_FORWARD = "Suggested way forward";
    static final String APPENDIX_ID = "themes";
    static final String APPENDIX = "Appendix C: themes and lessons";

    /** The chapters' styles, added to the report's style sheet. */
    static final String CSS = """
            h4 { font-size: 10pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }
            blockquote { margin: 2mm 0 3mm 6mm; padding: 1mm 0 1mm 3mm; border-left: 2pt solid #3182bd; page-break-inside: avoid; }
            blockquote p { margin: 0; font-style: italic; }
            blockquote p.attribution { font-style: normal; font-size: 8pt; color: #555555; margin-top: 1mm; }
            p.lesson { margin: 0 0 2mm 0; }
            .evidence-ref { font-size: 8pt; color: #555555; }
            span.nowrap { white-space: nowrap; }
            """;

    private final Insights insights;
    private final TheoryOfChange toc;
    private final StringBuilder out;

    private InsightChapters(Insights insights, TheoryOfChange toc, StringBuilder out) {
        this.insights = insights;
        this.toc = toc;
        this.out = out;
    }

    /** "What we learned" and "Suggested way forward", appended to {@code out}. */
    static void chapters(Insights insights, TheoryOfChange toc, StringBuilder out) {
        InsightChapters chapters = new InsightChapters(insights, toc, out);
        chapters.learned();
        chapters.wayForward();
    }

    /** The appendix of themes and lessons, appended to {@code out}. */
    static void appendix(Insights insights, PublishedTable themes, PublishedTable lessons, StringBuilder out) {
        out.append("<div class=\"section\">\n<h2 id=\"").append(APPENDIX_ID).append("\">").append(esc(APPENDIX)).append("</h2>\n");
        if (insights.codeFrame().isEmpty()) {
            out.append("<p>").append(noCodeFrame()).append("</p>\n</div>\n");
            return;
        }
        out.append("<h3>").append(esc(themes.title())).append("</h3>\n");
        out.append("<p>Per theme, a row for each source with coded or proposed items, then the theme's total. An item coded"
                + " with two themes counts under both. Proposed counts are texts no person coded, which a keyword of the"
                + " theme matches: they are never quoted.</p>\n");
        table(themes, null, out, new int[] {34, 28, 12, 9, 9, 8}, "label", "parent", "source", "coded", "proposed", "quoted");
        out.append("<h3>").append(esc(lessons.title())).append("</h3>\n");
        out.append("<p>Findings are the ids of the findings file; the document references are as the lessons file gives them.</p>\n");
        // Widths in per cent: the finding ids ("F-017; F-018") need room not to break inside an id.
        table(lessons, "lesson-", out, new int[] {5, 12, 25, 23, 10, 11, 14}, "lesson_number", "theme_label", "lesson",
                "recommendation", "owner", "findings", "documents");
        out.append("</div>\n");
    }

    private void learned() {
        out.append("<div class=\"section\">\n<h2 id=\"").append(LEARNED_ID).append("\">").append(esc(LEARNED)).append("</h2>\n");
        if (insights.codeFrame().isEmpty()) {
            out.append("<p>").append(noCodeFrame()).append("</p>\n</div>\n");
            return;
        }
        CodeFrame frame = insights.codeFrame().get();
        out.append("<p>What the evaluation's qualitative evidence says, theme by theme, under the ")
                .append(frame.framework() == CodeFrame.Framework.CONDITIONS_OF_SUCCESS ? "four conditions of success"
                        : "evaluation questions")
                .append(". People coded the findings and the survey's free-text comments with the themes of the project's code"
                        + " frame. Each theme gives the lessons drawn from it and up to ").append(frame.quotesPerTheme())
                .append(" quotes, verbatim: the findings' quotes are the evaluation's own words; the comments are the"
                        + " respondents'. Quotes are chosen by a fixed rule (findings before comments, different sources and"
                        + " regions first, file order) and attributed only by the kind of source and region, never to a"
                        + " person. Personal data is replaced by its kind in brackets ([name], [email], [phone], [NHS number],"
                        + " [postcode], [url]) before any quote is chosen, and a quote that is mostly such brackets is not"
                        + " used. A region is named only when at least ").append(insights.attributionK())
                .append(" respondents (for a finding, cases) share it (otherwise England), and a survey's role only when at least as"
                        + " many answered it (otherwise \u201crespondent\u201d).</p>\n");
        for (String parent : frame.parents(toc)) {
            List<CodeFrame.Theme> themes = frame.themes().stream().filter(t -> t.parent().equals(parent)).toList();
            if (themes.isEmpty() && frame.framework() == CodeFrame.Framework.EVALUATION_QUESTIONS) {
                continue;
            }
            out.append("<h3>").append(esc(frame.parentLabel(parent, toc))).append("</h3>\n");
            boolean any = false;
            for (CodeFrame.Theme theme : themes) {
                List<Insights.LessonRow> lessons = insights.lessons(theme.code());
                List<Insights.Quote> quotes = insights.quotes(theme.code());
                if (lessons.isEmpty() && quotes.isEmpty()) {
                    continue;
                }
                any = true;
                out.append("<h4>").append(esc(theme.label())).append("</h4>\n");
                for (Insights.LessonRow lesson : lessons) {
                    out.append("<p class=\"lesson\">").append(esc(lesson.lesson().lesson())).append(' ')
                            .append(evidence(lesson)).append("</p>\n");
                }
                for (Insights.Quote quote : quotes) {
                    out.append("<blockquote><p>\u201c").append(esc(quote.text())).append("\u201d</p>");
                    if (!quote.attribution().isEmpty()) {
                        out.append("<p class=\"attribution\">\u2014 ").append(esc(quote.attribution()))
                                .append(quote.kind() == CodedText.Kind.SURVEY_COMMENT ? " (survey comment)" : "")
                                .append("</p>");
                    }
                    out.append("</blockquote>\n");
                }
            }
            if (!any) {
                out.append("<p>No lesson, and no finding or comment coded by people, under this heading.</p>\n");
            }
        }
        out.append("</div>\n");
    }

    private void wayForward() {
        out.append("<div class=\"section\">\n<h2 id=\"").append(WAY_FORWARD_ID).append("\">").append(esc(WAY_FORWARD))
                .append("</h2>\n");
        List<Insights.LessonRow> recommended = insights.lessons().stream()
                .filter(l -> !l.lesson().recommendation().isEmpty()).toList();
        if (recommended.isEmpty()) {
            out.append("<p>").append(insights.codeFrame().isEmpty() ? noCodeFrame() : "The lessons carry no recommendation.")
                    .append("</p>\n</div>\n");
            return;
        }
        out.append("<p>What the lessons suggest doing next, who should do it, and the lesson each recommendation comes from."
                + " The evidence behind each is listed in ").append(link(APPENDIX_ID, APPENDIX)).append(".</p>\n");
        out.append("<table><thead><tr><th style=\"width: 6%\">No.</th><th style=\"width: 50%\">Recommendation</th>"
                + "<th style=\"width: 20%\">Owner</th><th>Rests on</th></tr></thead><tbody>\n");
        int number = 0;
        for (Insights.LessonRow lesson : recommended) {
            number++;
            out.append("<tr><td class=\"num\">").append(number).append("</td><td>")
                    .append(esc(lesson.lesson().recommendation())).append("</td><td>")
                    .append(esc(lesson.lesson().owner().isEmpty() ? "not named" : lesson.lesson().owner())).append("</td><td>")
                    .append(link("lesson-" + lesson.number(), "lesson " + lesson.number())).append(" (")
                    .append(esc(lesson.themeLabel().toLowerCase(java.util.Locale.UK))).append(")</td></tr>\n");
        }
        out.append("</tbody></table>\n</div>\n");
    }

    /** "(evidence: 4 findings from case study interviews with systems; ...; lesson 3 in Appendix C)". */
    private static String evidence(Insights.LessonRow lesson) {
        String summary = lesson.evidenceSummary().isEmpty() ? "none recorded" : esc(lesson.evidenceSummary());
        return "<span class=\"evidence-ref\">(evidence: " + summary + "; "
                + link("lesson-" + lesson.number(), "lesson " + lesson.number() + " in Appendix C") + ")</span>";
    }

    private static String link(String id, String text) {
        return "<a href=\"#" + id + "\">" + esc(text) + "</a>";
    }

    private static String noCodeFrame() {
        return "The project has no code frame (" + CodeFrame.FILE + "), so its findings and comments carry no themes.";
    }

    /**
     * Some of a published table's columns, headings as th (the CSV and the workbook have them all);
     * with {@code rowIds}, each row's id is that prefix and its first cell, for the lessons' links.
     */
    private static void table(PublishedTable table, String rowIds, StringBuilder out, int[] widths, String... columns) {
        int[] shown = java.util.Arrays.stream(columns).mapToInt(table::columnIndex).toArray();
        out.append("<table class=\"small\"><thead><tr>");
        for (int i = 0; i < shown.length; i++) {
            out.append("<th style=\"width: ").append(widths[i]).append("%\">").append(esc(table.columns().get(shown[i]).heading()))
                    .append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        int findings = table.columnIndex("findings");
        for (List<PublishedTable.Cell> all : table.rows()) {
            List<PublishedTable.Cell> row = java.util.Arrays.stream(shown).mapToObj(all::get).toList();
            boolean total = row.stream().anyMatch(c -> c instanceof PublishedTable.Text t && t.value().equals(Delivery.TOTAL));
            out.append("<tr");
            if (rowIds != null) {
                out.append(" id=\"").append(rowIds).append(esc(all.get(0).csv())).append('"');
            }
            out.append(total ? " class=\"total\">" : ">");
            for (int i = 0; i < shown.length; i++) {
                PublishedTable.Cell cell = row.get(i);
                boolean number = cell instanceof PublishedTable.Count || cell instanceof PublishedTable.Number;
                // A finding id breaks at its hyphen ("F-" / "017") unless each is kept whole.
                String text = shown[i] == findings ? java.util.Arrays.stream(cell.csv().split("; "))
                        .map(id -> "<span class=\"nowrap\">" + esc(id) + "</span>").collect(java.util.stream.Collectors.joining("; "))
                        : esc(cell.csv());
                out.append(number ? "<td class=\"num\">" : "<td>").append(text).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String esc(String text) {
        return ReportHtml.esc(text);
    }
}
