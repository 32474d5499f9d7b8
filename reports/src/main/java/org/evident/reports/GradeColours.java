package org.evident.reports;

import java.util.LinkedHashMap;
import java.util.Optional;

import org.evident.toc.Grade;

/**
 * The colour of each evidence grade, the same in the diagram, the workbook, the charts and the
 * PDF. One hue getting darker with stronger evidence, so the order reads without colour vision
 * and in greyscale print; "limited or no evidence" is a pale grey, close to "no colour".
 */
public final class GradeColours {
    private GradeColours() {
    }

    /** A hex colour such as {@code #3182bd}. */
    public static String fill(Grade grade) {
        return switch (grade) {
            case STRONGEST -> "#3182bd";
            case SOME -> "#9ecae1";
            case LIMITED -> "#e6e6e6";
        };
    }

    /**
     * The fill of an outcome or impact with no grade (yet): a pale sand, apart from the grades' blue
     * and grey and from the white of inputs, activities and outputs, which are never graded.
     */
    public static final String NOT_GRADED = "#f6ecd6";

    /** The legend's words for {@link #NOT_GRADED}: the grading's own words for an outcome with no evidence yet. */
    public static final String NOT_GRADED_LABEL = Grade.NOT_YET_ASSESSED;

    /** The fill of a grade, or of "not yet assessed" (no grade). */
    public static String fill(Optional<Grade> grade) {
        return grade.map(GradeColours::fill).orElse(NOT_GRADED);
    }

    /** Black or white, whichever reads better on the grade's fill. */
    public static String text(Grade grade) {
        return grade == Grade.STRONGEST ? "#ffffff" : "#000000";
    }

    /** The text colour on {@link #fill(Optional)}: a grey for "not yet assessed", so it reads as no grade. */
    public static String text(Optional<Grade> grade) {
        return grade.map(GradeColours::text).orElse("#595959");
    }

    /** Grade label to fill, strongest first, then "Not yet assessed", for a legend. */
    public static LinkedHashMap<String, String> legend() {
        LinkedHashMap<String, String> legend = new LinkedHashMap<>();
        for (Grade g : new Grade[] {Grade.STRONGEST, Grade.SOME, Grade.LIMITED}) {
            legend.put(g.label(), fill(g));
        }
        legend.put(NOT_GRADED_LABEL, NOT_GRADED);
        return legend;
    }
}
