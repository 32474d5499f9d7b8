package org.evident.analysis;

/**
 * How many points make a special cause on a run chart.
 *
 * @param shiftLength   consecutive points all above, or all below, the mean
 * @param trendLength   consecutive points each strictly higher (or each strictly lower) than the one
 *                      before; 7 points are 6 rises
 * @param minimumPoints fewer points than this give no chart at all, since limits from a few points
 *                      mislead more than they inform
 */
public record SpcRules(int shiftLength, int trendLength, int minimumPoints) {

    /** NHS England "Making Data Count": runs of 7 for shifts and trends. */
    public static final SpcRules NHS = new SpcRules(7, 7, 6);

    public SpcRules {
        if (shiftLength < 2) {
            throw new IllegalArgumentException("a shift needs at least 2 points, got " + shiftLength);
        }
        if (trendLength < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 points, got " + trendLength);
        }
        if (minimumPoints < 2) {
            throw new IllegalArgumentException("a run chart needs at least 2 points, got " + minimumPoints);
        }
    }
}
