package org.evident.analysis;

import org.evident.toc.Settings;

/**
 * Intervals for the difference of two independent shares, built from an interval for each share.
 *
 * <p>Newcombe's hybrid score interval (method 10 of Newcombe 1998, "Interval estimation for the
 * difference between independent proportions: comparison of eleven methods", Statistics in Medicine
 * 17:873-890) takes the Wilson interval of each share: for d = p1 - p2,
 * low = d - sqrt((p1 - l1)^2 + (u2 - p2)^2) and high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2). Zou and
 * Donner (2008, "Construction of confidence limits about effect measures: a general approach",
 * Statistics in Medicine 27:1693-1702) showed the same recipe (MOVER) works with any good interval for
 * each share, which lets a wave that declares its population bring its finite-population interval:
 * a census contributes no sampling error at all.
 */
final class DifferenceInterval {
    private DifferenceInterval() {
    }

    /** Newcombe's method 10: the interval for x1/n1 - x2/n2 from the two Wilson intervals. */
    static Interval newcombe(long x1, long n1, long x2, long n2, double confidence) {
        return combine((double) x1 / n1, Proportions.interval(x1, n1, Settings.IntervalMethod.WILSON, confidence),
                (double) x2 / n2, Proportions.interval(x2, n2, Settings.IntervalMethod.WILSON, confidence));
    }

    /** The interval for p1 - p2 from an interval about each share (Zou and Donner's MOVER; Newcombe's with Wilson's). */
    static Interval combine(double p1, Interval i1, double p2, Interval i2) {
        double d = p1 - p2;
        double low = d - Math.hypot(p1 - i1.low(), i2.high() - p2);
        double high = d + Math.hypot(i1.high() - p1, p2 - i2.low());
        // The ends are differences of shares: never beyond -1 and 1, whatever rounding does.
        return new Interval(Math.max(-1, Math.min(low, d)), Math.min(1, Math.max(high, d)));
    }
}
