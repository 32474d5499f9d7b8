package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;

import org.evident.analysis.RunChart.Assurance;
import org.evident.analysis.RunChart.Reading;
import org.evident.analysis.RunChart.SpecialCause;
import org.evident.toc.Indicator.Direction;
import org.junit.jupiter.api.Test;

/** XmR charts on small series whose mean, moving ranges and limits are worked by hand. */
class RunChartTest {

    /**
     * 10, 12, 11, 13, 12, 14, 13, 15: sum 100, mean 12.5.
     * Moving ranges 2, 1, 2, 1, 2, 1, 2: sum 11, mean 11/7 = 1.571429.
     * 2.66 * 11/7 = 29.26/7 = 4.18, so limits 12.5 -+ 4.18 = 8.32 and 16.68.
     * Two-thirds of the way to a limit: 12.5 -+ 2.786667 = 9.713 and 15.287; no point is beyond.
     * Sides: below, below, below, above, below, above, above, above: no run of 7. No rise of 7.
     */
    private static final List<Double> STEADY = List.of(10.0, 12.0, 11.0, 13.0, 12.0, 14.0, 13.0, 15.0);

    @Test
    void steadySeries_limitsByHand_andOnlyCommonCause() {
        RunChart chart = chart(STEADY, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(12.5, chart.mean(), 1e-12);
        assertEquals(11.0 / 7, chart.meanMovingRange(), 1e-12);
        assertEquals(8.32, chart.lowerLimit(), 1e-9);
        assertEquals(16.68, chart.upperLimit(), 1e-9);
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), chart.signals()::toString);
        assertTrue(chart.readings().stream().allMatch(r -> r == Reading.COMMON_CAUSE));
        assertEquals(Assurance.NO_TARGET, chart.assurance());
    }

    @Test
    void assurance_higherIsBetter() {
        // Limits 8.32 to 16.68 (worked above).
        assertEquals(Assurance.CONSISTENTLY_PASSING, chart(STEADY, OptionalDouble.of(8.0), Direction.HIGHER).assurance());
        assertEquals(Assurance.HIT_AND_MISS, chart(STEADY, OptionalDouble.of(12.0), Direction.HIGHER).assurance());
        assertEquals(Assurance.CONSISTENTLY_FAILING, chart(STEADY, OptionalDouble.of(17.0), Direction.HIGHER).assurance());
        assertEquals("hit and miss", Assurance.HIT_AND_MISS.label());
    }

    @Test
    void assurance_targetOnTheLimit_countsAsPassing() {
        // Six equal values: mean 5, every moving range 0, so both limits are exactly 5.
        List<Double> flat = List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0);
        assertEquals(Assurance.CONSISTENTLY_PASSING, chart(flat, OptionalDouble.of(5.0), Direction.HIGHER).assurance());
        assertEquals(Assurance.CONSISTENTLY_PASSING, chart(flat, OptionalDouble.of(5.0), Direction.LOWER).assurance());
        assertEquals(Assurance.CONSISTENTLY_FAILING, chart(flat, OptionalDouble.of(5.5), Direction.HIGHER).assurance());
        assertEquals(Assurance.CONSISTENTLY_FAILING, chart(flat, OptionalDouble.of(4.5), Direction.LOWER).assurance());
    }

    @Test
    void assurance_lowerIsBetter() {
        assertEquals(Assurance.CONSISTENTLY_PASSING, chart(STEADY, OptionalDouble.of(17.0), Direction.LOWER).assurance());
        assertEquals(Assurance.HIT_AND_MISS, chart(STEADY, OptionalDouble.of(12.0), Direction.LOWER).assurance());
        assertEquals(Assurance.CONSISTENTLY_FAILING, chart(STEADY, OptionalDouble.of(8.0), Direction.LOWER).assurance());
    }

    @Test
    void pointBeyondTheUpperLimit() {
        // 10, 14 five times, then 10, 34: sum 6*10 + 5*14 + 34 = 164, mean 164/12 = 13.6667.
        // Moving ranges: ten of 4 and one of 24: sum 64, mean 64/11 = 5.818182.
        // 2.66 * 64/11 = 15.476364: limits -1.809697 and 29.143030. 34 > 29.14: outside.
        // Near-limit line: 13.6667 + 2/3 * 15.476364 = 23.984; only 34 is beyond it, so no two of three.
        // 10 below and 14 above alternate: no shift; no three rises in a row: no trend.
        List<Double> values = List.of(10.0, 14.0, 10.0, 14.0, 10.0, 14.0, 10.0, 14.0, 10.0, 14.0, 10.0, 34.0);
        RunChart higher = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(164.0 / 12, higher.mean(), 1e-12);
        assertEquals(64.0 / 11, higher.meanMovingRange(), 1e-12);
        assertEquals(29.143030, higher.upperLimit(), 1e-6);
        assertEquals(-1.809697, higher.lowerLimit(), 1e-6);
        assertEquals(flagged(values.size(), Set.of(11), SpecialCause.OUTSIDE_LIMITS), higher.signals());
        assertEquals(Reading.IMPROVEMENT, higher.readings().get(11));
        assertEquals(Reading.COMMON_CAUSE, higher.readings().get(10));
        RunChart lower = chart(values, OptionalDouble.empty(), Direction.LOWER, SpcRules.NHS);
        assertEquals(Reading.CONCERN, lower.readings().get(11));
    }

    /**
     * 13, 7, 13, 7, then 11 seven times, then 7, 13, 3: sum 40 + 77 + 23 = 140, mean 10 exactly.
     * Moving ranges 6, 6, 6, 4, 0 x6, 4, 6, 10: sum 42, mean 42/13 = 3.2308; 2.66 * 3.2308 = 8.594,
     * limits 1.406 and 18.594 (nothing beyond); near-limit lines 10 -+ 5.729: only 3 is beyond 4.271, alone.
     * Sides: a b a b, a x7, b a b: one run of 7 above, points 5 to 11 (indexes 4 to 10).
     */
    @Test
    void runOfSevenAboveTheMean_isAShift() {
        List<Double> values = List.of(13.0, 7.0, 13.0, 7.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 7.0, 13.0, 3.0);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(10.0, chart.mean(), 1e-12);
        assertEquals(8.594, chart.upperLimit() - chart.mean(), 1e-3);
        assertEquals(flagged(values.size(), range(4, 10), SpecialCause.SHIFT), chart.signals());
        assertEquals(Reading.IMPROVEMENT, chart.readings().get(4));
        assertEquals(Reading.CONCERN, chart(values, OptionalDouble.empty(), Direction.LOWER, SpcRules.NHS)
                .readings().get(4));
        assertEquals("shift (run on one side of the mean)", SpecialCause.SHIFT.label());
    }

    /**
     * 13, 7, 13, 7, then 11 six times, then 7, 13, 3: sum 40 + 66 + 23 = 129, mean 129/13 = 9.923.
     * Moving ranges 6, 6, 6, 4, 0 x5, 4, 6, 10: sum 42, mean 3.5; 2.66 * 3.5 = 9.31, limits 0.613 and 19.233;
     * near-limit lines 9.923 -+ 6.207: only 3 is beyond 3.717, alone. One run of 6 above (indexes 4 to 9).
     */
    @Test
    void runOfSix_isAShiftOnlyUnderRulesOfSix() {
        List<Double> values = List.of(13.0, 7.0, 13.0, 7.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 7.0, 13.0, 3.0);
        RunChart nhs = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(129.0 / 13, nhs.mean(), 1e-12);
        assertEquals(3.5, nhs.meanMovingRange(), 1e-12);
        assertTrue(nhs.signals().stream().allMatch(Set::isEmpty), nhs.signals()::toString);
        RunChart six = chart(values, OptionalDouble.empty(), Direction.HIGHER, new SpcRules(6, 6, 6));
        assertEquals(flagged(values.size(), range(4, 9), SpecialCause.SHIFT), six.signals());
    }

    /**
     * 13, 7, 13, 7, 11, 11, 11, 10, 11, 11, 11, 7, 13, 4: sum 40 + 33 + 10 + 33 + 24 = 140, mean 10.
     * The 10 at index 7 is on the mean, so the 11s form two runs of 3, not one of 7.
     * Moving ranges 6, 6, 6, 4, 0, 0, 1, 1, 0, 0, 4, 6, 9: sum 43, mean 3.3077; 2.66 * 3.3077 = 8.798,
     * near-limit lines 10 -+ 5.866: only 4 is beyond 4.134, alone.
     */
    @Test
    void aPointOnTheMean_breaksARun() {
        List<Double> values = List.of(13.0, 7.0, 13.0, 7.0, 11.0, 11.0, 11.0, 10.0, 11.0, 11.0, 11.0, 7.0, 13.0, 4.0);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(10.0, chart.mean(), 1e-12);
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), chart.signals()::toString);
    }

    /**
     * 4, 1, 2, 3, 4, 5, 6, 7, 4: sum 36, mean 4. Moving ranges 3, 1, 1, 1, 1, 1, 1, 3: sum 12, mean 1.5;
     * 2.66 * 1.5 = 3.99, limits 0.01 and 7.99 (nothing beyond). Near-limit lines 4 -+ 2.66 = 1.34 and 6.66:
     * only 1 is below and only 7 above, each alone. Points at 4 sit on the mean, so no run of 7.
     * Indexes 1 to 7 are 7 points with 6 rises: a trend.
     */
    @Test
    void sevenRisingPoints_areATrend_readAsImprovementEvenBelowTheMean() {
        List<Double> values = List.of(4.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 4.0);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(4.0, chart.mean(), 1e-12);
        assertEquals(0.01, chart.lowerLimit(), 1e-9);
        assertEquals(7.99, chart.upperLimit(), 1e-9);
        assertEquals(flagged(values.size(), range(1, 7), SpecialCause.TREND), chart.signals());
        assertEquals(Reading.IMPROVEMENT, chart.readings().get(1));
        assertEquals(Reading.COMMON_CAUSE, chart.readings().get(0));
    }

    /**
     * 4, 1, 2, 3, 4, 5, 6, 3: sum 28, mean 3.5. Moving ranges 3, 1, 1, 1, 1, 1, 3: sum 11, mean 1.5714;
     * 2.66 * 1.5714 = 4.18, limits -0.68 and 7.68; near-limit lines 3.5 -+ 2.787 = 0.713 and 6.287: none beyond.
     * Sides: a b b b a a a b: no run of 7. Six rising points (1 to 6): not a trend under NHS rules.
     */
    @Test
    void sixRisingPoints_areNotATrend() {
        List<Double> values = List.of(4.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 3.0);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(3.5, chart.mean(), 1e-12);
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), chart.signals()::toString);
        RunChart six = chart(values, OptionalDouble.empty(), Direction.HIGHER, new SpcRules(6, 6, 6));
        assertEquals(flagged(values.size(), range(1, 6), SpecialCause.TREND), six.signals());
    }

    @Test
    void anEqualNeighbour_breaksATrend() {
        // 1, 2, 3, 3, 4, 5, 6, 7: the repeated 3 splits the rise into 3 points and 5 points.
        List<Double> values = List.of(1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 6.0, 7.0);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertTrue(chart.signals().stream().noneMatch(s -> s.contains(SpecialCause.TREND)), chart.signals()::toString);
    }

    /**
     * 1..7 then 6..1: sum 28 + 21 = 49, mean 49/13 = 3.7692. Every moving range is 1, so limits are
     * 3.7692 -+ 2.66 = 1.1092 and 6.4292: both 1s are below (low), the 7 above (high).
     * Near-limit lines 3.7692 -+ 1.7733 = 1.9959 and 5.5426: 6, 7, 6 (indexes 5 to 7) are two of three high.
     * 4, 5, 6, 7, 6, 5, 4 (indexes 3 to 9) are 7 above the mean: a shift (high).
     * Indexes 0 to 6 rise (high), 6 to 12 fall (low).
     * Readings for higher-is-better:
     *   index 0: rising but below the lower limit, high and low at once: NEITHER;
     *   index 1: only in the rise (3 below the mean is too short a run): IMPROVEMENT;
     *   index 6: the peak, in the rise and the fall: NEITHER;
     *   index 11: only in the fall: CONCERN; index 12: in the fall and below the limit: CONCERN.
     */
    @Test
    void signalsPointingBothWays_readNeither() {
        List<Double> values = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(49.0 / 13, chart.mean(), 1e-12);
        assertEquals(1.0, chart.meanMovingRange(), 1e-12);
        assertEquals(EnumSet.of(SpecialCause.TREND, SpecialCause.OUTSIDE_LIMITS), chart.signals().get(0));
        assertEquals(EnumSet.allOf(SpecialCause.class), chart.signals().get(6));
        assertEquals(EnumSet.of(SpecialCause.TREND), chart.signals().get(1));
        assertEquals(List.of(Reading.NEITHER, Reading.IMPROVEMENT, Reading.NEITHER, Reading.CONCERN, Reading.CONCERN),
                List.of(chart.readings().get(0), chart.readings().get(1), chart.readings().get(6),
                        chart.readings().get(11), chart.readings().get(12)));
    }

    /**
     * 10, 12 six times, then 18, 12, 18, 12: sum 132 + 60 = 192, mean 12 exactly.
     * Moving ranges: eleven of 2 and four of 6, sum 46, mean 46/15 = 3.0667; 2.66 * 46/15 = 8.1573,
     * limits 3.843 and 20.157 (18 is inside). Near-limit line 12 + 2/3 * 8.1573 = 17.438: both 18s are
     * beyond it, in the window 18, 12, 18 (indexes 12 to 14). The 12s sit on the mean, so no shift.
     */
    @Test
    void twoOfThreeBeyondTwoSigma_areFlagged() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            values.add(10.0);
            values.add(12.0);
        }
        values.addAll(List.of(18.0, 12.0, 18.0, 12.0));
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(12.0, chart.mean(), 1e-12);
        assertEquals(46.0 / 15, chart.meanMovingRange(), 1e-12);
        assertEquals(20.157333, chart.upperLimit(), 1e-6);
        assertEquals(flagged(values.size(), Set.of(12, 14), SpecialCause.TWO_OF_THREE_NEAR_LIMIT), chart.signals());
        assertEquals(Reading.IMPROVEMENT, chart.readings().get(12));
        assertEquals(Reading.COMMON_CAUSE, chart.readings().get(13));
    }

    @Test
    void fewerThanMinimumPoints_givesNoChart() {
        List<Double> five = List.of(1.0, 2.0, 3.0, 4.0, 5.0);
        assertTrue(RunChart.of(periods(5), five, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS).isEmpty());
        assertTrue(RunChart.of(periods(5), five, OptionalDouble.empty(), Direction.HIGHER, new SpcRules(7, 7, 5))
                .isPresent());
    }

    @Test
    void listsAreUnmodifiableCopies() {
        List<Double> values = new ArrayList<>(STEADY);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        values.set(0, 99.0);
        assertEquals(10.0, chart.values().get(0));
        assertThrows(UnsupportedOperationException.class, () -> chart.values().set(0, 1.0));
        assertThrows(UnsupportedOperationException.class, () -> chart.periods().clear());
        assertThrows(UnsupportedOperationException.class, () -> chart.readings().clear());
        assertThrows(UnsupportedOperationException.class, () -> chart.signals().get(0).add(SpecialCause.SHIFT));
    }

    @Test
    void badInput_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SpcRules(1, 7, 6));
        assertThrows(IllegalArgumentException.class, () -> new SpcRules(7, 2, 6));
        assertThrows(IllegalArgumentException.class, () -> new SpcRules(7, 7, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RunChart.of(periods(3), STEADY, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS));
        List<Double> withNaN = new ArrayList<>(STEADY);
        withNaN.set(2, Double.NaN);
        assertThrows(IllegalArgumentException.class,
                () -> RunChart.of(periods(8), withNaN, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS));
    }

    /**
     * NHSRplotthedots' own case (tests/testthat/test-ptd_spc_standard.R, "it only reports special
     * cause for 2 of 3 points close to limits when they are on the same side of the mean"): 1, -1
     * alternating for 16 points, then the 15th set to 5.5 and the 16th to -5.5. Its ptd_spc_standard
     * gives mean 0 and limits mean -/+ 2.66 x the mean moving range: 13 ranges of 2, then 6.5 and 11,
     * so 43.5 / 15 = 2.9 and limits -/+ 7.714; the two last points are beyond two sigma (5.143) on
     * opposite sides, and it reads both as common cause. So does this.
     */
    @Test
    void xmr_matchesNhsrPlotTheDots_limitsAndTwoOfThreeOnOppositeSides() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            values.add(i % 2 == 0 ? 1.0 : -1.0);
        }
        values.set(14, 5.5);
        values.set(15, -5.5);
        RunChart chart = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(RunChart.Type.XMR, chart.type());
        assertEquals(0.0, chart.mean(), 1e-12);
        assertEquals(2.9, chart.meanMovingRange(), 1e-12);
        assertEquals(-7.714, chart.lowerLimit(), 1e-12);
        assertEquals(7.714, chart.upperLimit(), 1e-12);
        assertEquals(Reading.COMMON_CAUSE, chart.readings().get(14));
        assertEquals(Reading.COMMON_CAUSE, chart.readings().get(15));
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), chart.signals()::toString);
    }

    @Test
    void xmrOfAShare_hasItsLimitsClippedToZeroAndOne() {
        // 0.9, 1, 0.8, 1, 0.95, 1: mean 5.65 / 6 = 0.941667; moving ranges 0.1, 0.2, 0.2, 0.05, 0.05:
        // mean 0.12; 2.66 x 0.12 = 0.3192, so 0.622467 and 1.260867, which a share cannot reach: 1.
        List<Double> values = List.of(0.9, 1.0, 0.8, 1.0, 0.95, 1.0);
        RunChart chart = RunChart.xmr(periods(6), values, RunChart.Bounds.SHARE, OptionalDouble.empty(), Direction.HIGHER,
                SpcRules.NHS).orElseThrow();
        assertEquals(0.622467, chart.lowerLimit(), 1e-6);
        assertEquals(1.0, chart.upperLimit());
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), "a point at the clipped limit is not beyond it");
    }

    /**
     * A p chart with denominators from 4 to 20: 2/4, 6/10, 12/20, 3/5, 9/15, 8/16. Pooled p = 40/70
     * = 0.571429, p(1 - p) = 0.244898. Each point's limits are p -/+ 3 sqrt(0.244898 / n): for n = 20,
     * sqrt(0.0122449) = 0.110657, so 0.239459 to 0.903399; for n = 4, sqrt(0.0612245) = 0.247436,
     * so -0.170879 to 1.313736, clipped to 0 and 1. The standardised points (-0.289, 0.183, 0.258,
     * 0.129, 0.224, -0.577) vary less than sampling allows (Laney's sigma-z = 0.279), so a p chart.
     */
    @Test
    void pChart_limitsPerPointFromEachDenominator_clippedToZeroAndOne() {
        List<Long> x = List.of(2L, 6L, 12L, 3L, 9L, 8L);
        List<Long> n = List.of(4L, 10L, 20L, 5L, 15L, 16L);
        RunChart chart = RunChart.proportion(periods(6), x, n, OptionalDouble.of(0.5), Direction.HIGHER, SpcRules.NHS)
                .orElseThrow();
        assertEquals(RunChart.Type.P, chart.type());
        double p = 40.0 / 70;
        assertEquals(p, chart.mean(), 1e-12);
        for (int i = 0; i < 6; i++) {
            double half = 3 * Math.sqrt(p * (1 - p) / n.get(i));
            assertEquals(Math.max(0, p - half), chart.lowerLimits().get(i), 1e-12, "lower " + i);
            assertEquals(Math.min(1, p + half), chart.upperLimits().get(i), 1e-12, "upper " + i);
        }
        assertEquals(0.239459, chart.lowerLimits().get(2), 1e-6);
        assertEquals(0.903399, chart.upperLimits().get(2), 1e-6);
        assertEquals(0.0, chart.lowerLimits().get(0));
        assertEquals(1.0, chart.upperLimits().get(0));
        assertEquals(List.of(0.5, 0.6, 0.6, 0.6, 0.6, 0.5), chart.values());
        // The assurance reads the latest point's limits (n = 16: 0.200275 to 0.942582): 0.5 is between.
        assertEquals(Assurance.HIT_AND_MISS, chart.assurance());
    }

    /**
     * Shares of 1,000 each quarter that swing from 10% to 35%: pooled p = 1,350 / 6,000 = 0.225,
     * sigma = sqrt(0.225 x 0.775 / 1000) = 0.013205; standardised points -9.47, 5.68, -5.68, 9.47,
     * -7.95, 8.71; their mean moving range / 1.128 = 13.29 (Laney's sigma-z), far above 1: the p'
     * chart widens each limit by it, 0.225 -/+ 3 x 0.013205 x 13.29 = -0.3016 (clipped to 0) and 0.7516.
     */
    @Test
    void overDispersedShares_getLaneysPPrimeChart() {
        List<Long> x = List.of(100L, 300L, 150L, 350L, 120L, 330L);
        List<Long> n = List.of(1000L, 1000L, 1000L, 1000L, 1000L, 1000L);
        RunChart chart = RunChart.proportion(periods(6), x, n, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS)
                .orElseThrow();
        assertEquals(RunChart.Type.P_PRIME, chart.type());
        double p = 0.225;
        double sigma = Math.sqrt(p * (1 - p) / 1000);
        double[] z = {(0.1 - p) / sigma, (0.3 - p) / sigma, (0.15 - p) / sigma, (0.35 - p) / sigma, (0.12 - p) / sigma,
            (0.33 - p) / sigma};
        double ranges = 0;
        for (int i = 1; i < z.length; i++) {
            ranges += Math.abs(z[i] - z[i - 1]);
        }
        double sigmaZ = ranges / 5 / 1.128;
        assertEquals(13.2927, sigmaZ, 1e-4);
        assertEquals(0.0, chart.lowerLimit());
        assertEquals(p + 3 * sigma * sigmaZ, chart.upperLimit(), 1e-12);
        assertEquals(0.751596, chart.upperLimit(), 1e-6);
    }

    /**
     * A c chart of counts 1, 1, 2, 1, 1, 2, 1, 1: mean c = 10 / 8 = 1.25, limits 1.25 -/+ 3 sqrt(1.25)
     * = -2.104102 and 4.604102; a count cannot be negative, so the lower limit is 0. The standardised
     * counts (x - 1.25) / 1.118 move by 0 or 0.894: mean moving range 0.639, over 1.128 = 0.566, no
     * more than a Poisson count varies, so a c chart.
     */
    @Test
    void cChart_limitsFromThePoissonSpread_lowerClippedAtZero() {
        List<Double> counts = List.of(1.0, 1.0, 2.0, 1.0, 1.0, 2.0, 1.0, 1.0);
        RunChart chart = RunChart.counts(periods(8), counts, OptionalDouble.empty(), Direction.LOWER, SpcRules.NHS).orElseThrow();
        assertEquals(RunChart.Type.C, chart.type());
        assertEquals(1.25, chart.mean(), 1e-12);
        assertTrue(chart.lowerLimits().stream().allMatch(l -> l == 0.0), chart.lowerLimits()::toString);
        assertEquals(1.25 + 3 * Math.sqrt(1.25), chart.upperLimit(), 1e-12);
        assertEquals(4.604102, chart.upperLimit(), 1e-6);
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty));
    }

    /**
     * Counts 0, 1, 0, 2, 1, 0, 3, 1, 9: c = 17 / 9 = 1.888889. The standardised counts vary more
     * than a Poisson count would (Laney's sigma-z = 1.532), so each limit is widened by it: c' =
     * 1.888889 + 3 x sqrt(1.888889) x 1.532 = 8.205; the 9 is still beyond it: a concern when lower is
     * better. A plain c chart (upper 6.012) would also flag quarters that are only noisy.
     */
    @Test
    void overDispersedCounts_getLaneysWiderLimits_andAFarPointIsStillAConcern() {
        List<Double> counts = List.of(0.0, 1.0, 0.0, 2.0, 1.0, 0.0, 3.0, 1.0, 9.0);
        RunChart chart = RunChart.counts(periods(9), counts, OptionalDouble.empty(), Direction.LOWER, SpcRules.NHS).orElseThrow();
        assertEquals(RunChart.Type.C_PRIME, chart.type());
        double c = 17.0 / 9;
        double ranges = 0;
        for (int i = 1; i < counts.size(); i++) {
            ranges += Math.abs(counts.get(i) - counts.get(i - 1)) / Math.sqrt(c);
        }
        double sigmaZ = ranges / 8 / 1.128;
        assertEquals(1.532, sigmaZ, 1e-3);
        assertEquals(c + 3 * Math.sqrt(c) * sigmaZ, chart.upperLimit(), 1e-12);
        assertEquals(0.0, chart.lowerLimit());
        assertEquals("concern: outside the process limits", chart.signal(8));
    }

    /**
     * Rebased at the 7th point, as NHSRplotthedots' rebase: 10, 12, 11, 13, 12, 14, then 20, 22, 21,
     * 23, 22, 24. Each stretch has moving ranges 2, 1, 2, 1, 2 (mean 1.6; the jump from 14 to 20 is in
     * neither), so limits mean -/+ 2.66 x 1.6 = 4.256: 7.744 to 16.256 around 12, then 17.744 to
     * 26.256 around 22. Unrebased, the mean 17 and the jump's range of 6 (mean moving range 2 over
     * 11 ranges) give 11.68 to 22.32, with the first six points all below the mean and the last six
     * all above: no point is beyond, but the step is hidden in two long runs. Rebased, neither
     * stretch has a signal.
     */
    @Test
    void rebasedXmr_eachStretchHasItsOwnCentreAndLimits_andNoRangeCrossesTheRebase() {
        List<Double> first = List.of(10.0, 12.0, 11.0, 13.0, 12.0, 14.0);
        List<Double> second = List.of(20.0, 22.0, 21.0, 23.0, 22.0, 24.0);
        RunChart before = RunChart.xmr(periods(6), first, RunChart.Bounds.NONE, OptionalDouble.empty(), Direction.HIGHER,
                new SpcRules(7, 7, 2)).orElseThrow();
        RunChart after = RunChart.xmr(IntStream.rangeClosed(7, 12).mapToObj(i -> "M" + i).toList(), second, RunChart.Bounds.NONE,
                OptionalDouble.of(18.0), Direction.HIGHER, new SpcRules(7, 7, 2)).orElseThrow();
        RunChart chart = RunChart.rebased(List.of(before, after));
        assertEquals(12, chart.values().size());
        assertEquals(List.of(12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 22.0, 22.0, 22.0, 22.0, 22.0, 22.0), chart.centres());
        assertEquals(7.744, chart.lowerLimits().get(0), 1e-9);
        assertEquals(16.256, chart.upperLimits().get(5), 1e-9);
        assertEquals(17.744, chart.lowerLimits().get(6), 1e-9);
        assertEquals(26.256, chart.upperLimit(), 1e-9);
        assertEquals(22.0, chart.mean(), 1e-12);
        assertEquals(1.6, chart.meanMovingRange(), 1e-12);
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), chart.signals()::toString);
        // The target 18 lies between the latest stretch's limits: hit and miss.
        assertEquals(Assurance.HIT_AND_MISS, chart.assurance());
        List<Double> all = new ArrayList<>(first);
        all.addAll(second);
        RunChart whole = chart(all, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(17.0, whole.mean(), 1e-12);
        assertEquals(2.0, whole.meanMovingRange(), 1e-12);
        assertEquals(11.68, whole.lowerLimit(), 1e-9);
    }

    /**
     * A u chart of falls per 1,000 occupied bed days with exposures from 1,000 to 5,000: falls 4,
     * 10, 6, 3, 12, 5 in 2,000, 4,000, 3,000, 1,000, 5,000 and 2,500 bed days, so rates 2, 2.5, 2, 3,
     * 2.4, 2 per 1,000. Pooled u = 40 / 17,500 = 0.00228571 a bed day, 2.285714 per 1,000. Each
     * point's limits are u -/+ 3 sqrt(u / n), per 1,000: for n = 1,000, 1000 x sqrt(2.285714e-6) =
     * 1.511858, so -2.249859 (clipped to 0) to 6.821288; for n = 5,000, 0.676123, so 0.257344 to
     * 4.314084; for n = 4,000, 0.755929, so 0.017927 to 4.553501. The standardised points (-0.267,
     * 0.284, -0.327, 0.473, 0.169, -0.299) vary less than Poisson counts do (sigma-z 0.484): a u chart.
     */
    @Test
    void uChart_limitsPerPointFromEachExposure_lowerClippedAtZero() {
        List<Long> falls = List.of(4L, 10L, 6L, 3L, 12L, 5L);
        List<Long> bedDays = List.of(2000L, 4000L, 3000L, 1000L, 5000L, 2500L);
        RunChart chart = RunChart.rate(periods(6), falls, bedDays, 1000, OptionalDouble.of(2.5), Direction.LOWER, SpcRules.NHS)
                .orElseThrow();
        assertEquals(RunChart.Type.U, chart.type());
        assertEquals(2.285714, chart.mean(), 1e-6);
        assertEquals(List.of(2.0, 2.5, 2.0, 3.0, 2.4, 2.0), chart.values());
        assertEquals(0.0, chart.lowerLimits().get(3));
        assertEquals(6.821288, chart.upperLimits().get(3), 1e-6);
        assertEquals(0.257344, chart.lowerLimits().get(4), 1e-6);
        assertEquals(4.314084, chart.upperLimits().get(4), 1e-6);
        assertEquals(0.017927, chart.lowerLimits().get(1), 1e-6);
        assertEquals(4.553501, chart.upperLimits().get(1), 1e-6);
        assertTrue(chart.signals().stream().allMatch(Set::isEmpty), chart.signals()::toString);
        // The latest point's limits (n = 2,500) run from 0 to 5.154263: a target of 2.5 falls between.
        assertEquals(Assurance.HIT_AND_MISS, chart.assurance());
    }

    /**
     * Laney's correction as a setting. The over-dispersed shares above (sigma-z 13.29) with
     * {@code laney: off} keep the plain p chart's limits, 0.225 -/+ 3 x 0.013205: 0.185385 to
     * 0.264615, so every quarter is beyond one of them. The p chart's shares of 4 to 20 (sigma-z
     * 0.279, which {@code auto} leaves alone) with {@code laney: on} get limits narrowed by 0.279.
     */
    @Test
    void laneySetting_offKeepsThePlainChart_onAlwaysApplies() {
        SpcRules off = new SpcRules(7, 7, 6, org.evident.toc.Settings.Laney.OFF, 0);
        RunChart plain = RunChart.proportion(periods(6), List.of(100L, 300L, 150L, 350L, 120L, 330L),
                List.of(1000L, 1000L, 1000L, 1000L, 1000L, 1000L), OptionalDouble.empty(), Direction.HIGHER, off).orElseThrow();
        assertEquals(RunChart.Type.P, plain.type());
        assertEquals(0.185385, plain.lowerLimit(), 1e-6);
        assertEquals(0.264615, plain.upperLimit(), 1e-6);
        assertTrue(plain.signals().stream().allMatch(c -> c.contains(SpecialCause.OUTSIDE_LIMITS)));

        SpcRules on = new SpcRules(7, 7, 6, org.evident.toc.Settings.Laney.ON, 0);
        List<Long> n = List.of(4L, 10L, 20L, 5L, 15L, 16L);
        RunChart prime = RunChart.proportion(periods(6), List.of(2L, 6L, 12L, 3L, 9L, 8L), n, OptionalDouble.empty(),
                Direction.HIGHER, on).orElseThrow();
        assertEquals(RunChart.Type.P_PRIME, prime.type());
        // z = (share - 4/7) / sqrt(p(1 - p) / n): -0.288675, 0.182574, 0.258199, 0.129099, 0.223607, -0.577350;
        // moving ranges 0.471249, 0.075625, 0.129099, 0.094508, 0.800957: mean 0.314288, over 1.128 = 0.278624.
        double p = 40.0 / 70;
        double sigmaZ = 0.278624;
        assertEquals(p + 3 * Math.sqrt(p * (1 - p) / 20) * sigmaZ, prime.upperLimits().get(2), 1e-6);
    }

    /**
     * Limits fixed from a baseline, as NHSRplotthedots' fix_after_n_points: its ptd_spc_standard
     * keeps y only for row_number() <= fix_after_n_points (per rebase group), takes the mean and the
     * moving ranges of those alone, and draws the limits from them for every point of the group.
     * 10, 12, 11, 13, 12, 14 | 20, 22, 21, 23 with a baseline of 6: mean 72 / 6 = 12, moving ranges
     * 2, 1, 2, 1, 2 (mean 1.6), limits 12 -/+ 2.66 x 1.6 = 7.744 and 16.256 for all ten points, so the
     * four after the change are all beyond the upper limit: an improvement. Without the baseline the
     * change drags the limits up (mean 15.8, moving ranges 19 / 9 = 2.111111, limits 10.184444 and
     * 21.415556) and has 20 and 21 inside them.
     */
    @Test
    void fixedBaselineXmr_limitsFromTheFirstPointsOnly_asNhsrPlotTheDotsFixAfterNPoints() {
        List<Double> values = List.of(10.0, 12.0, 11.0, 13.0, 12.0, 14.0, 20.0, 22.0, 21.0, 23.0);
        RunChart fixed = RunChart.xmr(periods(10), values, RunChart.Bounds.NONE, OptionalDouble.empty(), Direction.HIGHER,
                SpcRules.NHS.withBaseline(6)).orElseThrow();
        assertEquals(12.0, fixed.mean(), 1e-12);
        assertEquals(1.6, fixed.meanMovingRange(), 1e-12);
        for (int i = 0; i < 10; i++) {
            assertEquals(7.744, fixed.lowerLimits().get(i), 1e-9);
            assertEquals(16.256, fixed.upperLimits().get(i), 1e-9);
            assertEquals(12.0, fixed.centres().get(i), 1e-12);
        }
        for (int i = 6; i < 10; i++) {
            assertTrue(fixed.signals().get(i).contains(SpecialCause.OUTSIDE_LIMITS), fixed.signals()::toString);
            assertEquals(Reading.IMPROVEMENT, fixed.readings().get(i));
        }
        assertTrue(fixed.signals().subList(0, 6).stream().allMatch(Set::isEmpty), fixed.signals()::toString);
        RunChart free = chart(values, OptionalDouble.empty(), Direction.HIGHER, SpcRules.NHS);
        assertEquals(10.184444, free.lowerLimit(), 1e-6);
        assertEquals(21.415556, free.upperLimit(), 1e-6);
        assertTrue(!free.signals().get(6).contains(SpecialCause.OUTSIDE_LIMITS)
                && !free.signals().get(8).contains(SpecialCause.OUTSIDE_LIMITS), free.signals()::toString);
        // A baseline longer than the series uses every point, as row_number() <= n does.
        assertEquals(free.upperLimit(), RunChart.xmr(periods(10), values, RunChart.Bounds.NONE, OptionalDouble.empty(),
                Direction.HIGHER, SpcRules.NHS.withBaseline(12)).orElseThrow().upperLimit(), 1e-12);
    }

    private static RunChart chart(List<Double> values, OptionalDouble target, Direction direction) {
        return chart(values, target, direction, SpcRules.NHS);
    }

    private static RunChart chart(List<Double> values, OptionalDouble target, Direction direction, SpcRules rules) {
        return RunChart.of(periods(values.size()), values, target, direction, rules).orElseThrow();
    }

    private static List<String> periods(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "M" + i).toList();
    }

    private static Set<Integer> range(int first, int last) {
        return Set.copyOf(IntStream.rangeClosed(first, last).boxed().toList());
    }

    /** The expected signals: {@code cause} at the given indexes, nothing elsewhere. */
    private static List<Set<SpecialCause>> flagged(int size, Set<Integer> indexes, SpecialCause cause) {
        List<Set<SpecialCause>> expected = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            expected.add(indexes.contains(i) ? EnumSet.of(cause) : EnumSet.noneOf(SpecialCause.class));
        }
        return expected;
    }
}
