package org.evident.analysis;

import org.evident.toc.Settings;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;
import org.hipparchus.stat.inference.AlternativeHypothesis;
import org.hipparchus.stat.inference.BinomialTest;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * Intervals and exact tests for a share x of n, as reported for survey items and KPIs.
 *
 * <p>Counts are taken as {@code long} because callers hold them so, but the distributions work on
 * {@code int}, so counts above {@link Integer#MAX_VALUE} are refused rather than silently cut.
 */
public final class Proportions {

    /**
     * Hipparchus finds quantiles to 1e-6 by default; tighter so that printed bounds (four decimals)
     * and the comparison with a target never hinge on solver noise.
     */
    private static final double QUANTILE_ACCURACY = 1e-12;

    private Proportions() {
    }

    /**
     * The two-sided interval for the share x/n.
     *
     * <ul>
     *   <li>Wilson score: the default; good coverage for small n (Brown, Cai and DasGupta 2001).</li>
     *   <li>Jeffreys: equal-tailed quantiles of Beta(x + 1/2, n - x + 1/2), with the lower end 0 when x = 0
     *       and the upper end 1 when x = n, as Brown, Cai and DasGupta recommend.</li>
     *   <li>Clopper-Pearson: exact, so never below the stated coverage, at the price of width.</li>
     * </ul>
     */
    public static Interval interval(long x, long n, Settings.IntervalMethod method, double confidence) {
        checkCounts(x, n);
        checkConfidence(confidence);
        if (method == null) {
            throw new IllegalArgumentException("interval method is missing");
        }
        double alpha = 1 - confidence;
        return switch (method) {
            case WILSON -> wilson(x, n, confidence);
            case JEFFREYS -> betaInterval(x, n, x + 0.5, n - x + 0.5, x + 0.5, n - x + 0.5, alpha);
            case CLOPPER_PEARSON -> betaInterval(x, n, x, n - x + 1, x + 1, n - x, alpha);
        };
    }

    /**
     * The exact interval for the share of a finite population of {@code population} units when n of
     * them were asked (without replacement) and x said yes.
     *
     * <p>This is the hypergeometric analogue of Clopper-Pearson: it inverts the hypergeometric
     * distribution over M, the number of "yes" units in the population, from x to N - (n - x). The
     * lower end is the smallest M with P(X &ge; x | N, M, n) &gt; alpha/2, the upper end the largest
     * M with P(X &le; x | N, M, n) &gt; alpha/2, both returned as M/N. Because it knows that the
     * people asked are a large share of everyone (for example 19 of 38 projects), it is narrower
     * than the binomial intervals, which treat the population as endless; when n is a small share of
     * N it comes close to Clopper-Pearson, and when everyone was asked it is the single point x/n.
     */
    public static Interval finitePopulation(long x, long n, long population, double confidence) {
        checkCounts(x, n);
        checkConfidence(confidence);
        if (population < n) {
            throw new IllegalArgumentException(
                    "population " + population + " is smaller than the " + n + " units asked");
        }
        requireInt(population, "population");
        if (n == population) {
            return Interval.point((double) x / n);
        }
        int bigN = (int) population;
        int sample = (int) n;
        int yes = (int) x;
        double halfAlpha = (1 - confidence) / 2;
        int fewestYes = yes;
        int mostYes = bigN - (sample - yes);

        // P(X >= x) rises with M, and is 1 at M = mostYes, so a search for the first M above alpha/2 succeeds.
        int lowM = firstTrue(fewestYes, mostYes,
                m -> new HypergeometricDistribution(bigN, m, sample).upperCumulativeProbability(yes) > halfAlpha);
        // P(X <= x) falls with M and is 1 at M = fewestYes, so the last M above alpha/2 is at least fewestYes.
        int highM = firstTrue(fewestYes, mostYes,
                m -> !(new HypergeometricDistribution(bigN, m, sample).cumulativeProbability(yes) > halfAlpha)) - 1;
        return new Interval((double) lowM / bigN, (double) highM / bigN);
    }

    /** Exact one-sided binomial test of H1: p &gt; p0; the p-value is P(X &ge; x | n, p0). */
    public static double pValueAbove(long x, long n, double p0) {
        checkCounts(x, n);
        checkProbability(p0);
        return new BinomialTest().binomialTest((int) n, (int) x, p0, AlternativeHypothesis.GREATER_THAN);
    }

    /** Exact one-sided binomial test of H1: p &lt; p0; the p-value is P(X &le; x | n, p0). */
    public static double pValueBelow(long x, long n, double p0) {
        checkCounts(x, n);
        checkProbability(p0);
        return new BinomialTest().binomialTest((int) n, (int) x, p0, AlternativeHypothesis.LESS_THAN);
    }

    private static Interval wilson(long x, long n, double confidence) {
        ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval((int) n, (double) x / n, confidence);
        // Algebraically the ends are exactly 0 at x = 0 and 1 at x = n; rounding can leave them a hair outside.
        double low = x == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double high = x == n ? 1 : Math.min(1, ci.getUpperBound());
        return new Interval(low, high);
    }

    /**
     * Equal-tailed interval from two Beta quantiles. Hipparchus's own Clopper-Pearson is not used
     * because it recovers x as (int) (n * x/n), which loses one for some x and n (1 of 49, for one).
     */
    private static Interval betaInterval(long x, long n, double lowA, double lowB, double highA, double highB,
                                         double alpha) {
        double low = x == 0 ? 0 : new BetaDistribution(lowA, lowB, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(alpha / 2);
        double high = x == n ? 1 : new BetaDistribution(highA, highB, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(low, high);
    }

    /** The smallest m in from..to (inclusive) where a monotone false-then-true test holds; to + 1 if none. */
    private static int firstTrue(int from, int to, java.util.function.IntPredicate test) {
        int lo = from;
        int hi = to + 1;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (test.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static void checkCounts(long x, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("the number asked must be at least 1, got " + n);
        }
        if (x < 0) {
            throw new IllegalArgumentException("the count of yes answers cannot be negative, got " + x);
        }
        if (x > n) {
            throw new IllegalArgumentException("the count of yes answers " + x + " is more than the " + n + " asked");
        }
        requireInt(n, "the number asked");
    }

    private static void requireInt(long value, String what) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + value + " is too large (at most " + Integer.MAX_VALUE + ")");
        }
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (for example 0.95), got " + confidence);
        }
    }

    private static void checkProbability(double p0) {
        if (!(p0 >= 0 && p0 <= 1)) {
            throw new IllegalArgumentException("the share to test against must be between 0 and 1, got " + p0);
        }
    }
}
