package org.evident.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.PublishedTable;
import org.evident.toc.EvaluationProject;

/**
 * The workbook's numbered notes, and the columns each is about: a header of such a column ends
 * with {@code [note N]}, as the Analysis Function's guidance asks. A note says which columns it is
 * about by what they hold (their type, format or name), so a table added later gets its
 * references without being listed here.
 */
final class WorkbookNotes {
    record Note(int number, String text, BiPredicate<PublishedTable, Integer> about) {
    }

    private final List<Note> notes = new ArrayList<>();

    WorkbookNotes(EvaluationProject project) {
        add("Shorthand in cells that hold no figure: [x] not available (no figure for this row, e.g. a change in a series' "
                + "first period); [c] confidential, a count hidden by the suppression rule (the table's Suppressed column gives "
                + "the rule's mark); [z] not applicable.", (t, c) -> numeric(t, c) && t.rows().stream()
                        .anyMatch(r -> r.get(c) instanceof PublishedTable.Missing));
        add("A change between two shares is in percentage points: +5.0 pp is a rise from, say, 40% to 45%. The cell holds the "
                + "points (5.0), not a fraction.", (t, c) -> holds(t, c, PublishedTable.Format.POINTS));
        add("Days are shown to the whole day; the cell holds the exact value (a median may fall on a half day).",
                (t, c) -> holds(t, c, PublishedTable.Format.DAYS));
        add("Confidence intervals at the evaluation's confidence level (" + Math.round(project.evaluation().settings()
                .confidenceLevel() * 100) + "%), given where a figure is a share from a sample; a census has none. The method is "
                + "named in the table or in the report's methodology.", (t, c) -> name(t, c).startsWith("ci_"));
        add("A verdict compares a figure with its target: a sample's by its confidence interval, a census's by its value. "
                + "The Summary and the report count one verdict per KPI: " + KpiVerdicts.WHAT + ".",
                (t, c) -> name(t, c).equals("verdict"));
        add("Grades follow the evaluation's rubric (" + project.evaluation().rubric().name() + "). Each grade's explanation is "
                + "the cell's comment (hover over the cell); the items behind it are on the Evidence items sheet.",
                (t, c) -> t.rows().stream().anyMatch(r -> r.get(c) instanceof PublishedTable.GradeCell));
        add("Run chart centre lines and process limits (XmR, p, c or u chart, with Laney's correction where the data are "
                + "overdispersed), clipped to the values a figure can take (a share between 0% and 100%, a count at 0 or more).",
                (t, c) -> t.name().equals("run_charts") && List.of("centre", "lower", "upper").contains(name(t, c)));
        add("Where a count is suppressed, this column gives the suppression rule's mark; the count's own cell shows [c].",
                (t, c) -> name(t, c).startsWith("suppressed"));
    }

    private void add(String text, BiPredicate<PublishedTable, Integer> about) {
        notes.add(new Note(notes.size() + 1, text, about));
    }

    List<Note> all() {
        return List.copyOf(notes);
    }

    /** The table's headings, each followed by the notes about its column, made unique (an Excel table's columns must be). */
    List<String> headings(PublishedTable table) {
        List<String> headings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < table.columns().size(); c++) {
            StringBuilder heading = new StringBuilder(table.columns().get(c).heading());
            for (Note note : notes) {
                if (note.about().test(table, c)) {
                    heading.append(" [note ").append(note.number()).append(']');
                }
            }
            String unique = heading.toString();
            for (int n = 2; !seen.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = heading + " (" + n + ")";
            }
            headings.add(unique);
        }
        return headings;
    }

    private static boolean numeric(PublishedTable t, int c) {
        return t.columns().get(c).type() != PublishedTable.Type.TEXT;
    }

    private static boolean holds(PublishedTable t, int c, PublishedTable.Format format) {
        return t.rows().stream().anyMatch(r -> r.get(c) instanceof PublishedTable.Number n && n.format() == format);
    }

    private static String name(PublishedTable t, int c) {
        return t.columns().get(c).name();
    }
}
