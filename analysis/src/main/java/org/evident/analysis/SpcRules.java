package org.evident.analysis;

import org.evident.toc.Settings;

/**
 * How many points make a special cause on a run chart, and how its limits are set.
 *
 * @param shiftLength    consecutive points all above, or all below, the mean
 * @param trendLength    consecutive points each strictly higher (or each strictly lower) than the one
 *                       before; 7 points are 6 rises
 * @param minimumPoints  fewer points than this give no chart at all, since limits from a few points
 *                       mislead more than they inform
 * @param laney          whether p, c and u charts widen their limits by Laney's sigma-z
 * @param baselinePoints how many of the first points fix the centre and limits for every point, as
 *                       NHSRplotthedots' {@code fix_after_n_points}; 0 for all of them
 */
public record SpcRules(int shiftLength, int trendLength, int minimumPoints, Settings.Laney laney, int baselinePoints) {

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
        if (laney == null) {
            throw new IllegalArgumentException("a run chart needs a Laney setting (auto, on or off)");
        }
        if (baselinePoints < 0 || baselinePoints == 1) {
            throw new IllegalArgumentException("a baseline needs at least 2 points (0 for all), got " + baselinePoints);
        }
    }

    /** Laney's correction where the data call for it, limits from every point. */
    public SpcRules(int shiftLength, int trendLength, int minimumPoints) {
        this(shiftLength, trendLength, minimumPoints, Settings.Laney.AUTO, 0);
    }

    /** The same rules with the limits fixed from the first {@code points} points (0 for all). */
    SpcRules withBaseline(int points) {
        return new SpcRules(shiftLength, trendLength, minimumPoints, laney, points);
    }

    /** How many of {@code size} points set the limits. */
    int baselineOf(int size) {
        return baselinePoints == 0 ? size : Math.min(size, baselinePoints);
    }
}
