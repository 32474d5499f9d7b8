package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;

import org.evident.toc.Indicator;
import org.junit.jupiter.api.Test;

/**
 * Newcombe's hybrid score interval for a difference of two independent shares, against the method 10
 * limits printed in Newcombe (1998), "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17:873-890, Table II (95%, four
 * decimals), and the verdicts read from it.
 */
class DifferenceIntervalTest {
    private static final double PRINTED = 0.00005;

    /**
     * Example (a), 56/70 - 48/80, by hand (z = 1.959964, z^2 = 3.841459). Wilson for 56/70: centre
     * (0.8 + z^2/140) / (1 + z^2/70) = 0.827439 / 1.054878 = 0.784393, half-width
     * z sqrt(0.8 x 0.2 / 70 + z^2 / 19600) / 1.054878 = 1.959964 x 0.049817 / 1.054878 = 0.092560, so
     * 0.691834 to 0.876954. For 48/80: centre (0.6 + z^2/160) / (1 + z^2/80) = 0.624009 / 1.048018 = 0.595418,
     * half-width z sqrt(0.6 x 0.4 / 80 + z^2 / 25600) / 1.048018 = 1.959964 x 0.056125 / 1.048018 = 0.104962, so 0.490455 to 0.700382. Then
     * low = 0.2 - sqrt((0.8 - 0.691834)^2 + (0.700382 - 0.6)^2) = 0.2 - sqrt(0.011700 + 0.010077) = 0.2 - 0.147569
     * = 0.0524, and high = 0.2 + sqrt((0.876954 - 0.8)^2 + (0.6 - 0.490455)^2) = 0.2 + sqrt(0.005922 + 0.012000)
     * = 0.2 + 0.133873 = 0.3339: Table II prints 0.0524 to 0.3339.
     */
    @Test
    void newcombeMethod10_matchesTableII() {
        assertLimits(0.0524, 0.3339, 56, 70, 48, 80);   // (a)
        assertLimits(0.1705, 0.8090, 9, 10, 3, 10);     // (b)
        assertLimits(0.0582, 0.8062, 6, 7, 2, 7);       // (c)
        assertLimits(-0.0381, 0.1926, 5, 56, 0, 29);    // (d)
        assertLimits(-0.1611, 0.2775, 0, 10, 0, 20);    // (e)
        assertLimits(-0.2775, 0.2775, 0, 10, 0, 10);    // (f)
        assertLimits(0.6791, 1.0000, 10, 10, 0, 20);    // (g)
        assertLimits(0.6075, 1.0000, 10, 10, 0, 10);    // (h)
    }

    /** Two censuses (each share known exactly): the interval is the change itself, 30/38 - 24/38 = 6/38. */
    @Test
    void twoCensuses_giveThePointChange() {
        Interval i = DifferenceInterval.combine(30 / 38.0, Proportions.finitePopulation(30, 38, 38, 0.95),
                24 / 38.0, Proportions.finitePopulation(24, 38, 38, 0.95));
        assertEquals(6 / 38.0, i.low(), 1e-12);
        assertEquals(6 / 38.0, i.high(), 1e-12);
    }

    /** A rise is an improvement only where higher is better; an interval across zero is no clear change. */
    @Test
    void verdict_takesTheItemsDirection() {
        Interval rise = new Interval(0.0524, 0.3339);
        assertEquals(Optional.of(SurveyChange.Verdict.IMPROVED), change(rise, Indicator.Direction.HIGHER).verdict());
        assertEquals(Optional.of(SurveyChange.Verdict.WORSENED), change(rise, Indicator.Direction.LOWER).verdict());
        assertEquals(Optional.of(SurveyChange.Verdict.NO_CLEAR_CHANGE),
                change(new Interval(-0.0381, 0.1926), Indicator.Direction.HIGHER).verdict());
        assertEquals("no clear change", SurveyChange.Verdict.NO_CLEAR_CHANGE.label());
    }

    private static SurveyChange change(Interval interval, Indicator.Direction better) {
        ComparedShares.Side before = new ComparedShares.Side(OptionalLong.of(48), OptionalLong.of(80));
        ComparedShares.Side after = new ComparedShares.Side(OptionalLong.of(56), OptionalLong.of(70));
        return new SurveyChange("q1", "w1", "p1", "w2", "p2",
                new ComparedShares(before, after, Optional.of(interval), better, "", "newcombe hybrid score (wilson) 95%"));
    }

    private static void assertLimits(double low, double high, long x1, long n1, long x2, long n2) {
        Interval i = DifferenceInterval.newcombe(x1, n1, x2, n2, 0.95);
        String what = x1 + "/" + n1 + " - " + x2 + "/" + n2;
        assertEquals(low, i.low(), PRINTED, what + ", low");
        assertEquals(high, i.high(), PRINTED, what + ", high");
    }
}
