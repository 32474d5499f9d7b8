package org.evident.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.evident.toc.Indicator;

/**
 * An XmR run chart (individuals with moving ranges) read in the NHS England "Making Data Count"
 * way, following the NHS-R community's NHSRplotthedots.
 *
 * @param meanMovingRange the mean of |x(i) - x(i-1)| over consecutive points
 * @param lowerLimit      mean - 2.66 × meanMovingRange
 * @param upperLimit      mean + 2.66 × meanMovingRange
 * @param signals         the special causes at each point, empty where there are none
 * @param readings        how each point reads given which way is better
 * @param assurance       whether the process, as it runs, can be expected to meet the target
 */
public record RunChart(List<String> periods, List<Double> values, double mean, double meanMovingRange,
                       double lowerLimit, double upperLimit, List<Set<SpecialCause>> signals,
                       List<Reading> readings, Assurance assurance) {

    /** 2.66 = 3 / 1.128, where 1.128 (d2 for n = 2) turns a mean moving range into a standard deviation. */
    static final double LIMIT_FACTOR = 2.66;

    /** Why a point stands out from common-cause variation. */
    public enum SpecialCause {
        OUTSIDE_LIMITS("outside the process limits"),
        SHIFT("shift (run on one side of the mean)"),
        TREND("trend (run of rises or falls)"),
        TWO_OF_THREE_NEAR_LIMIT("two of three near a limit");

        private final String label;

        SpecialCause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What a point says. NEITHER is a special cause whose signals point both ways at once, such as
     * the top of a rise that is also the start of a fall.
     */
    public enum Reading {
        COMMON_CAUSE("common cause"),
        IMPROVEMENT("improvement"),
        CONCERN("concern"),
        NEITHER("special cause, neither improvement nor concern");

        private final String label;

        Reading(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the target lies inside the process limits, and so is met only some of the time. */
    public enum Assurance {
        CONSISTENTLY_PASSING("consistently passing"),
        CONSISTENTLY_FAILING("consistently failing"),
        HIT_AND_MISS("hit and miss"),
        NO_TARGET("no target");

        private final String label;

        Assurance(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public RunChart {
        if (periods == null || values == null || signals == null || readings == null || assurance == null) {
            throw new IllegalArgumentException("a run chart needs periods, values, signals, readings and assurance");
        }
        int size = values.size();
        if (periods.size() != size || signals.size() != size || readings.size() != size) {
            throw new IllegalArgumentException("a run chart needs one period, signal set and reading per value, got "
                    + periods.size() + " periods, " + size + " values, " + signals.size() + " signal sets and "
                    + readings.size() + " readings");
        }
        if (!(lowerLimit <= mean && mean <= upperLimit)) {
            throw new IllegalArgumentException("the mean " + mean + " must lie between the limits "
                    + lowerLimit + " and " + upperLimit);
        }
        periods = List.copyOf(periods);
        values = List.copyOf(values);
        List<Set<SpecialCause>> copies = new ArrayList<>(size);
        for (Set<SpecialCause> causes : signals) {
            EnumSet<SpecialCause> copy = EnumSet.noneOf(SpecialCause.class);
            copy.addAll(causes);
            copies.add(Collections.unmodifiableSet(copy));
        }
        signals = Collections.unmodifiableList(copies);
        readings = List.copyOf(readings);
    }

    /**
     * The run chart for a series, or empty when there are fewer than {@code rules.minimumPoints()}
     * values.
     *
     * <p>The limits come from every point: there is no baseline period and no screening of large
     * moving ranges (NHSRplotthedots can drop moving ranges above 3.267 times their mean; this does
     * not), so a single jump widens the limits.
     *
     * <p>Where this reads a chart differently from NHSRplotthedots, on purpose: two of three near a
     * limit needs only the two points beyond the same two-sigma line, wherever the third lies; a
     * point's reading comes from the side each of its signals points to (a rising trend counts as high
     * even below the mean), and a point whose signals point both ways reads NEITHER; a target exactly
     * on the limit on the better side counts as consistently passing.
     *
     * @param target an optional target on the same scale as the values; without one the assurance is
     *               {@link Assurance#NO_TARGET}
     */
    public static Optional<RunChart> of(List<String> periods, List<Double> values, OptionalDouble target,
                                        Indicator.Direction direction, SpcRules rules) {
        if (periods == null || values == null || target == null || direction == null || rules == null) {
            throw new IllegalArgumentException("a run chart needs periods, values, a target (possibly empty), "
                    + "a direction and rules");
        }
        if (periods.size() != values.size()) {
            throw new IllegalArgumentException("a run chart needs one period per value, got "
                    + periods.size() + " periods and " + values.size() + " values");
        }
        double[] y = new double[values.size()];
        for (int i = 0; i < y.length; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + (i + 1) + " (" + periods.get(i) + ") is not a number: " + v);
            }
            y[i] = v;
        }
        if (target.isPresent() && !Double.isFinite(target.getAsDouble())) {
            throw new IllegalArgumentException("the target must be a finite number, got " + target.getAsDouble());
        }
        if (y.length < rules.minimumPoints()) {
            return Optional.empty();
        }
        return Optional.of(new Calculation(y, rules).chart(periods, values, target, direction));
    }

    /** The arithmetic of one chart, kept apart so each rule reads on its own. */
    private static final class Calculation {
        private final double[] y;
        private final SpcRules rules;
        private final double mean;
        private final double meanMovingRange;
        private final double lower;
        private final double upper;
        private final List<EnumSet<SpecialCause>> causes = new ArrayList<>();
        /** Whether a signal at the point says "high" (above the mean, or rising), or "low". */
        private final boolean[] high;
        private final boolean[] low;

        Calculation(double[] y, SpcRules rules) {
            this.y = y;
            this.rules = rules;
            double sum = 0;
            for (double v : y) {
                sum += v;
            }
            mean = sum / y.length;
            double ranges = 0;
            for (int i = 1; i < y.length; i++) {
                ranges += Math.abs(y[i] - y[i - 1]);
            }
            meanMovingRange = ranges / (y.length - 1);
            lower = mean - LIMIT_FACTOR * meanMovingRange;
            upper = mean + LIMIT_FACTOR * meanMovingRange;
            high = new boolean[y.length];
            low = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                causes.add(EnumSet.noneOf(SpecialCause.class));
            }
        }

        RunChart chart(List<String> periods, List<Double> values, OptionalDouble target, Indicator.Direction direction) {
            markOutsideLimits();
            markShifts();
            markTrends();
            markTwoOfThree();
            List<Reading> readings = new ArrayList<>(y.length);
            for (int i = 0; i < y.length; i++) {
                readings.add(reading(i, direction));
            }
            return new RunChart(periods, values, mean, meanMovingRange, lower, upper,
                    List.copyOf(causes), readings, assurance(target, direction));
        }

        private void mark(int i, SpecialCause cause, boolean isHigh) {
            causes.get(i).add(cause);
            if (isHigh) {
                high[i] = true;
            } else {
                low[i] = true;
            }
        }

        private void markOutsideLimits() {
            for (int i = 0; i < y.length; i++) {
                if (y[i] > upper || y[i] < lower) {
                    mark(i, SpecialCause.OUTSIDE_LIMITS, y[i] > upper);
                }
            }
        }

        /** Runs on one side of the mean; a point on the mean belongs to no side and so ends a run. */
        private void markShifts() {
            int start = 0;
            while (start < y.length) {
                int side = Double.compare(y[start], mean);
                int end = start + 1;
                while (end < y.length && Double.compare(y[end], mean) == side) {
                    end++;
                }
                if (side != 0 && end - start >= rules.shiftLength()) {
                    for (int i = start; i < end; i++) {
                        mark(i, SpecialCause.SHIFT, side > 0);
                    }
                }
                start = end;
            }
        }

        /**
         * Runs of strict rises or strict falls; an equal neighbour ends a run. The point where a rise
         * turns into a fall belongs to both runs.
         */
        private void markTrends() {
            int start = 0;
            while (start < y.length - 1) {
                int step = Double.compare(y[start + 1], y[start]);
                int end = start + 1;
                while (end + 1 < y.length && Double.compare(y[end + 1], y[end]) == step) {
                    end++;
                }
                int points = end - start + 1;
                if (step != 0 && points >= rules.trendLength()) {
                    for (int i = start; i <= end; i++) {
                        mark(i, SpecialCause.TREND, step > 0);
                    }
                }
                start = end;
            }
        }

        /**
         * Two of three consecutive points beyond two sigma on the same side, where sigma is the mean
         * moving range / 1.128, i.e. beyond two thirds of the way from the mean to a limit.
         */
        private void markTwoOfThree() {
            double reach = 2.0 / 3.0 * LIMIT_FACTOR * meanMovingRange;
            for (int start = 0; start + 3 <= y.length; start++) {
                markWindow(start, i -> y[i] > mean + reach, true);
                markWindow(start, i -> y[i] < mean - reach, false);
            }
        }

        private void markWindow(int start, java.util.function.IntPredicate beyond, boolean isHigh) {
            int count = 0;
            for (int i = start; i < start + 3; i++) {
                if (beyond.test(i)) {
                    count++;
                }
            }
            if (count >= 2) {
                for (int i = start; i < start + 3; i++) {
                    if (beyond.test(i)) {
                        mark(i, SpecialCause.TWO_OF_THREE_NEAR_LIMIT, isHigh);
                    }
                }
            }
        }

        private Reading reading(int i, Indicator.Direction direction) {
            if (causes.get(i).isEmpty()) {
                return Reading.COMMON_CAUSE;
            }
            if (high[i] == low[i]) {
                return Reading.NEITHER;
            }
            boolean better = (direction == Indicator.Direction.HIGHER) == high[i];
            return better ? Reading.IMPROVEMENT : Reading.CONCERN;
        }

        private Assurance assurance(OptionalDouble target, Indicator.Direction direction) {
            if (target.isEmpty()) {
                return Assurance.NO_TARGET;
            }
            double t = target.getAsDouble();
            if (direction == Indicator.Direction.HIGHER) {
                if (t <= lower) {
                    return Assurance.CONSISTENTLY_PASSING;
                }
                return t > upper ? Assurance.CONSISTENTLY_FAILING : Assurance.HIT_AND_MISS;
            }
            if (t >= upper) {
                return Assurance.CONSISTENTLY_PASSING;
            }
            return t < lower ? Assurance.CONSISTENTLY_FAILING : Assurance.HIT_AND_MISS;
        }
    }
}
