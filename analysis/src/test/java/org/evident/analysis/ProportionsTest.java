package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;

import org.evident.toc.Settings.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * Intervals and exact tests for shares. Every expected value is worked by hand below, taken from a
 * closed form, or checked against the defining equation with an implementation written here.
 */
class ProportionsTest {
    private static final double Z_975 = 1.959964; // standard normal 97.5% point, from tables

    @Test
    void wilson_15of19_matchesTheScoreFormula() {
        // p = 15/19 = 0.789474, z = 1.959964, z^2 = 3.841459, z^2/n = 0.202182, z^2/2n = 0.101091.
        // centre = (0.789474 + 0.101091) / 1.202182 = 0.740790
        // p(1-p)/n = 0.789474 * 0.210526 / 19 = 0.0087476; z^2/4n^2 = 3.841459 / 1444 = 0.0026603
        // half-width = 1.959964 * sqrt(0.0114079) / 1.202182 = 1.959964 * 0.106808 / 1.202182 = 0.174133
        // interval = 0.740790 -+ 0.174133 = 0.566657 to 0.914923 (the brief's "about 0.567 to 0.915").
        Interval ci = Proportions.interval(15, 19, IntervalMethod.WILSON, 0.95);
        assertEquals(0.566657, ci.low(), 1e-5);
        assertEquals(0.914923, ci.high(), 1e-5);

        double n = 19;
        double p = 15 / n;
        double z2 = Z_975 * Z_975;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z_975 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        assertEquals(centre - half, ci.low(), 1e-6);
        assertEquals(centre + half, ci.high(), 1e-6);
    }

    @Test
    void wilson_allYes_lowerBoundIsNOverNPlusZSquared() {
        // With p = 1 the score formula reduces to low = n / (n + z^2) = 19 / 22.841459 = 0.831822, high = 1.
        Interval ci = Proportions.interval(19, 19, IntervalMethod.WILSON, 0.95);
        assertEquals(0.831822, ci.low(), 1e-5);
        assertEquals(1.0, ci.high());
        Interval none = Proportions.interval(0, 19, IntervalMethod.WILSON, 0.95);
        assertEquals(0.0, none.low());
        assertEquals(1 - 0.831822, none.high(), 1e-5);
    }

    @Test
    void clopperPearson_boundaryCasesHaveClosedForms() {
        // x = 0: P(X = 0) = (1 - p)^n = alpha/2 gives upper = 1 - 0.025^(1/10) = 1 - 0.691503 = 0.308497.
        Interval zero = Proportions.interval(0, 10, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertEquals(0.0, zero.low());
        assertEquals(0.308497, zero.high(), 1e-6);
        // x = n: p^n = alpha/2 gives lower = 0.025^(1/10) = 0.691503.
        Interval all = Proportions.interval(10, 10, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertEquals(0.691503, all.low(), 1e-6);
        assertEquals(1.0, all.high());
    }

    @Test
    void clopperPearson_oneOf49_isNotThrownByRounding() {
        // 49 * (1/49.0) is 0.999... in floating point; a count recovered from the share would be 0.
        // x = 1: P(X >= 1) = 1 - (1 - p)^n = alpha/2 gives lower = 1 - 0.975^(1/49).
        Interval ci = Proportions.interval(1, 49, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertEquals(1 - Math.pow(0.975, 1.0 / 49), ci.low(), 1e-9);
        assertTrue(ci.low() > 0);
    }

    @Test
    void clopperPearson_15of19_solvesItsDefiningEquations() {
        // The Clopper-Pearson ends are where each binomial tail equals alpha/2:
        // P(X >= 15 | 19, low) = 0.025 and P(X <= 15 | 19, high) = 0.025.
        Interval ci = Proportions.interval(15, 19, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertEquals(0.025, binomialTail(15, 19, ci.low(), true), 1e-9);
        assertEquals(0.025, binomialTail(15, 19, ci.high(), false), 1e-9);
    }

    @Test
    void jeffreys_matchesClosedFormBetaQuantiles() {
        // n = 1, x = 0: upper = 97.5% point of Beta(1/2, 3/2). B(1/2, 3/2) = sqrt(pi) * sqrt(pi)/2 / 1! = pi/2.
        // With s = sin^2(phi): integral of s^(-1/2) (1-s)^(1/2) ds from 0 to t = theta + sin(theta) cos(theta),
        // theta = asin(sqrt t), so F(t) = (2/pi) (theta + sin(theta) cos(theta)).
        DoubleUnaryOperator betaHalfThreeHalves = t -> {
            double theta = Math.asin(Math.sqrt(t));
            return 2 / Math.PI * (theta + Math.sin(theta) * Math.cos(theta));
        };
        Interval none = Proportions.interval(0, 1, IntervalMethod.JEFFREYS, 0.95);
        assertEquals(0.0, none.low());
        assertEquals(quantile(betaHalfThreeHalves, 0.975), none.high(), 1e-8);
        Interval one = Proportions.interval(1, 1, IntervalMethod.JEFFREYS, 0.95);
        assertEquals(1 - quantile(betaHalfThreeHalves, 0.975), one.low(), 1e-8);
        assertEquals(1.0, one.high());

        // n = 2, x = 1: Beta(3/2, 3/2). B(3/2, 3/2) = (sqrt(pi)/2)^2 / 2! = pi/8. The same substitution gives
        // integral of 2 sin^2 cos^2 = (1 - cos 4phi)/4, so F(t) = (8/pi)(theta/4 - sin(4 theta)/16)
        // = (2 theta - sin(4 theta)/2) / pi.
        DoubleUnaryOperator betaThreeHalves = t -> {
            double theta = Math.asin(Math.sqrt(t));
            return (2 * theta - Math.sin(4 * theta) / 2) / Math.PI;
        };
        Interval half = Proportions.interval(1, 2, IntervalMethod.JEFFREYS, 0.95);
        assertEquals(quantile(betaThreeHalves, 0.025), half.low(), 1e-8);
        assertEquals(quantile(betaThreeHalves, 0.975), half.high(), 1e-8);
    }

    @Test
    void jeffreys_isSymmetricAtOneHalf_andInsideClopperPearson() {
        Interval half = Proportions.interval(10, 20, IntervalMethod.JEFFREYS, 0.95);
        assertEquals(1.0, half.low() + half.high(), 1e-9);
        Interval jeffreys = Proportions.interval(15, 19, IntervalMethod.JEFFREYS, 0.95);
        Interval exact = Proportions.interval(15, 19, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertTrue(exact.low() < jeffreys.low() && jeffreys.high() < exact.high(), jeffreys + " in " + exact);
        Interval zero = Proportions.interval(0, 19, IntervalMethod.JEFFREYS, 0.95);
        assertEquals(0.0, zero.low());
        assertEquals(1.0, Proportions.interval(19, 19, IntervalMethod.JEFFREYS, 0.95).high());
    }

    @Test
    void everyMethod_handlesOneAnswer() {
        for (IntervalMethod method : IntervalMethod.values()) {
            Interval no = Proportions.interval(0, 1, method, 0.95);
            Interval yes = Proportions.interval(1, 1, method, 0.95);
            assertEquals(0.0, no.low(), method.name());
            assertEquals(1.0, yes.high(), method.name());
            // One answer says almost nothing: the interval takes in most of 0 to 1.
            assertTrue(no.high() > 0.5 && yes.low() < 0.5, method.name());
            // Yes and no are mirror images.
            assertEquals(1 - no.high(), yes.low(), 1e-9, method.name());
        }
    }

    @Test
    void finitePopulation_everyoneAsked_isThePoint() {
        Interval ci = Proportions.finitePopulation(15, 19, 19, 0.95);
        assertEquals(15.0 / 19, ci.low());
        assertEquals(15.0 / 19, ci.high());
    }

    @Test
    void finitePopulation_smallCaseByHand() {
        // N = 20, n = 5, x = 1, alpha/2 = 0.025. C(20,5) = 15504, so a tail is above 0.025 when its count of
        // samples is above 0.025 * 15504 = 387.6.
        // Lower: M = 1 gives P(X >= 1) = 1 - C(19,5)/C(20,5) = 1 - 11628/15504 = 0.25 > 0.025, and M cannot be
        // below x = 1, so lower = 1/20 = 0.05.
        // Upper: P(X <= 1 | M) counts C(20-M,5) + M * C(20-M,4) samples:
        //   M = 13: C(7,5) + 13 * C(7,4) = 21 + 13 * 35 = 476 > 387.6
        //   M = 14: C(6,5) + 14 * C(6,4) = 6 + 14 * 15 = 216 < 387.6
        // so upper = 13/20 = 0.65.
        Interval ci = Proportions.finitePopulation(1, 5, 20, 0.95);
        assertEquals(0.05, ci.low(), 1e-12);
        assertEquals(0.65, ci.high(), 1e-12);
        // Narrower than the binomial exact interval, whose upper end for 1 of 5 is above 0.7.
        assertTrue(ci.high() < Proportions.interval(1, 5, IntervalMethod.CLOPPER_PEARSON, 0.95).high());
    }

    @Test
    void finitePopulation_15of19of38_agreesWithExactArithmetic_andIsNarrowerThanClopperPearson() {
        int bigN = 38;
        int n = 19;
        int x = 15;
        // alpha/2 = 1/40: a tail P > 1/40 exactly when 40 * (count of samples in the tail) > C(N, n).
        BigInteger all = choose(bigN, n);
        int lowM = -1;
        int highM = -1;
        for (int m = x; m <= bigN - (n - x); m++) {
            BigInteger atLeast = BigInteger.ZERO;
            BigInteger atMost = BigInteger.ZERO;
            for (int k = 0; k <= n; k++) {
                BigInteger ways = choose(m, k).multiply(choose(bigN - m, n - k));
                if (k >= x) {
                    atLeast = atLeast.add(ways);
                }
                if (k <= x) {
                    atMost = atMost.add(ways);
                }
            }
            if (lowM < 0 && atLeast.multiply(BigInteger.valueOf(40)).compareTo(all) > 0) {
                lowM = m;
            }
            if (atMost.multiply(BigInteger.valueOf(40)).compareTo(all) > 0) {
                highM = m;
            }
        }
        Interval ci = Proportions.finitePopulation(x, n, bigN, 0.95);
        assertEquals((double) lowM / bigN, ci.low(), 1e-12);
        assertEquals((double) highM / bigN, ci.high(), 1e-12);

        Interval exact = Proportions.interval(x, n, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertTrue(ci.high() - ci.low() < exact.high() - exact.low(), ci + " against " + exact);
    }

    @Test
    void finitePopulation_largePopulation_approachesClopperPearson() {
        Interval ci = Proportions.finitePopulation(15, 19, 1_000_000, 0.95);
        Interval exact = Proportions.interval(15, 19, IntervalMethod.CLOPPER_PEARSON, 0.95);
        assertEquals(exact.low(), ci.low(), 0.002);
        assertEquals(exact.high(), ci.high(), 0.002);
    }

    @Test
    void finitePopulation_edges() {
        assertEquals(0.0, Proportions.finitePopulation(0, 10, 40, 0.95).low());
        assertEquals(1.0, Proportions.finitePopulation(10, 10, 40, 0.95).high());
        // n = 1 of N = 2, yes: M = 1 gives P(X >= 1) = 1/2 > 0.025, so lower = 1/2; upper = 2/2.
        Interval one = Proportions.finitePopulation(1, 1, 2, 0.95);
        assertEquals(0.5, one.low());
        assertEquals(1.0, one.high());
        assertThrows(IllegalArgumentException.class, () -> Proportions.finitePopulation(1, 5, 4, 0.95));
    }

    @Test
    void pValueAbove_allOrAllButOneOf19_against80Percent() {
        // P(X >= 19 | 19, 0.8) = 0.8^19 = 0.014412 (< 0.05: the share is above 80%).
        assertEquals(0.014412, Proportions.pValueAbove(19, 19, 0.8), 1e-6);
        // P(X >= 18) = 0.8^19 + 19 * 0.8^18 * 0.2 = 0.014412 + 19 * 0.018014 * 0.2 = 0.014412 + 0.068455
        // = 0.082867 (> 0.05: not shown).
        assertEquals(0.082867, Proportions.pValueAbove(18, 19, 0.8), 1e-6);
        assertEquals(1.0, Proportions.pValueAbove(0, 19, 0.8), 1e-12);
    }

    @Test
    void pValueBelow_mirrorsAbove() {
        // P(X <= 1 | 19, 0.2) = 0.8^19 + 19 * 0.2 * 0.8^18 = 0.082867, the same sum as above.
        assertEquals(0.082867, Proportions.pValueBelow(1, 19, 0.2), 1e-6);
        assertEquals(0.014412, Proportions.pValueBelow(0, 19, 0.2), 1e-6);
        assertEquals(1.0, Proportions.pValueBelow(19, 19, 0.2), 1e-12);
    }

    @Test
    void badArguments_areRefusedPlainly() {
        assertThrows(IllegalArgumentException.class, () -> Proportions.interval(0, 0, IntervalMethod.WILSON, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.interval(-1, 5, IntervalMethod.WILSON, 0.95));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Proportions.interval(6, 5, IntervalMethod.WILSON, 0.95));
        assertTrue(tooMany.getMessage().contains("6"), tooMany.getMessage());
        for (double confidence : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class,
                    () -> Proportions.interval(1, 5, IntervalMethod.JEFFREYS, confidence));
        }
        assertThrows(IllegalArgumentException.class, () -> Proportions.pValueAbove(1, 5, 1.2));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.6, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new Interval(Double.NaN, 0.4));
    }

    /** P(X >= x) or P(X <= x) for X ~ Binomial(n, p), summed term by term. */
    private static double binomialTail(int x, int n, double p, boolean upper) {
        double sum = 0;
        for (int k = upper ? x : 0; k <= (upper ? n : x); k++) {
            sum += choose(n, k).doubleValue() * Math.pow(p, k) * Math.pow(1 - p, n - k);
        }
        return sum;
    }

    private static BigInteger choose(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }

    /** The t in 0..1 with cdf(t) = q, by bisection (cdf rising). */
    private static double quantile(DoubleUnaryOperator cdf, double q) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (cdf.applyAsDouble(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
