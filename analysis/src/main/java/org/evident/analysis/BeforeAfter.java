package org.evident.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A KPI series either side of a declared change point (a {@code rebase:} period of the indicator):
 * the run chart's centre before and after, and whether the points since sit on one side of the
 * earlier centre for long enough to count as a sustained shift (the run chart's shift rule, {@code
 * run_charts.shift_length} points in a row, 7 by default).
 *
 * @param changePoint  the first charted period of the stretch after the change
 * @param centreBefore the centre line of the stretch before: its mean (XmR, c), pooled share (p) or
 *                     pooled rate (u), of its baseline points where {@code baseline_points} is set
 * @param centreAfter  the same for the stretch from the change point
 * @param longestRun   the most consecutive points since the change on one side of {@code centreBefore}
 * @param side         "above" or "below": the side of that run ("" when no point is off the centre)
 */
public record BeforeAfter(String indicator, String label, String unit, String changePoint, int pointsBefore,
                          double centreBefore, int pointsAfter, double centreAfter, int longestRun, String side,
                          int shiftLength) {
    public BeforeAfter {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(changePoint, "changePoint");
        Objects.requireNonNull(side, "side");
    }

    /** The stretch after minus the stretch before. */
    public double difference() {
        return centreAfter - centreBefore;
    }

    /** Whether the points since the change show a sustained shift from the earlier centre. */
    public boolean sustained() {
        return longestRun >= shiftLength;
    }

    /** The reading in words, for the table and the report. */
    public String reading() {
        if (sustained()) {
            return "sustained shift " + side + " the earlier centre: " + longestRun + " points in a row since " + changePoint;
        }
        return "no sustained shift yet: at most " + longestRun + " point" + (longestRun == 1 ? "" : "s") + " in a row on one"
                + " side of the earlier centre since " + changePoint + " (" + shiftLength + " needed)";
    }

    /**
     * The comparison of {@code after}'s points with {@code before}'s centre (each a stretch of one rebased run
     * chart). A point on the earlier centre belongs to neither side and ends a run.
     */
    static BeforeAfter of(String indicator, String label, String unit, RunChart before, RunChart after, int shiftLength) {
        double earlier = before.mean();
        int longest = 0;
        String side = "";
        int run = 0;
        int runSide = 0;
        for (double v : after.values()) {
            int s = Double.compare(v, earlier);
            run = s != 0 && s == runSide ? run + 1 : s != 0 ? 1 : 0;
            runSide = s;
            if (run > longest) {
                longest = run;
                side = s > 0 ? "above" : "below";
            }
        }
        return new BeforeAfter(indicator, label, unit, after.periods().get(0), before.values().size(), earlier,
                after.values().size(), after.mean(), longest, side, shiftLength);
    }

    static List<BeforeAfter> between(String indicator, String label, String unit, List<RunChart> stretches, int shiftLength) {
        List<BeforeAfter> changes = new java.util.ArrayList<>();
        for (int i = 1; i < stretches.size(); i++) {
            changes.add(of(indicator, label, unit, stretches.get(i - 1), stretches.get(i), shiftLength));
        }
        return List.copyOf(changes);
    }
}
