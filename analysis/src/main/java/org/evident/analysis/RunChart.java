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
 * A run chart (statistical process control chart) read in the NHS England "Making Data Count"
 * way, following the NHS-R community's NHSRplotthedots for the XmR chart and qicharts2 for the
 * others. The chart type fits the measure: XmR (individuals with moving ranges) for a continuous
 * value, a p chart (Laney's p' chart where the points vary more than sampling alone allows) for a
 * share of a count, whose limits widen where the denominator is small, a c chart (c' where
 * over-dispersed) for a count, and a u chart (u' where over-dispersed) for a rate of events per
 * exposure. Every limit is clipped to what the measure can take ({@link Bounds}). The limits come
 * from every point, or from the first {@link SpcRules#baselinePoints} and then held fixed, as
 * NHSRplotthedots' {@code fix_after_n_points} does.
 *
 * @param type            which chart, so which limits
 * @param mean            the centre line: the mean (XmR, c) or the pooled share (p, p'); of the
 *                        latest stretch when the chart is {@link #rebased}
 * @param meanMovingRange the mean of |x(i) - x(i-1)| over consecutive values (of the latest stretch)
 * @param centres         each point's centre line: {@code mean} throughout, unless rebased
 * @param lowerLimits     each point's lower process limit, clipped to the measure's bounds
 * @param upperLimits     each point's upper process limit, clipped likewise
 * @param signals         the special causes at each point, empty where there are none
 * @param readings        how each point reads given which way is better
 * @param assurance       whether the process, as it runs, can be expected to meet the target
 *                        (against the latest point's limits)
 */
public record RunChart(Type type, List<String> periods, List<Double> values, double mean, double meanMovingRange,
                       List<Double> centres, List<Double> lowerLimits, List<Double> upperLimits, List<Set<SpecialCause>> signals,
                       List<Reading> readings, Assurance assurance) {

    /** 2.66 = 3 / 1.128, where 1.128 (d2 for n = 2) turns a mean moving range into a standard deviation. */
    static final double LIMIT_FACTOR = 2.66;
    /** d2 for moving ranges of two points. */
    static final double D2 = 1.128;

    /** The kind of chart, named as the SPC literature names it. */
    public enum Type {
        XMR("XmR"),
        P("p"),
        P_PRIME("p' (Laney)"),
        C("c"),
        C_PRIME("c' (Laney)"),
        U("u"),
        U_PRIME("u' (Laney)");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What values a measure can take; limits beyond them cannot happen and are clipped to them. */
    public record Bounds(double min, double max) {
        public static final Bounds NONE = new Bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        /** A share: 0 to 1. */
        public static final Bounds SHARE = new Bounds(0, 1);
        /** A count, a number of days, an amount: 0 or more. */
        public static final Bounds NON_NEGATIVE = new Bounds(0, Double.POSITIVE_INFINITY);

        public Bounds {
            if (!(min < max)) {
                throw new IllegalArgumentException("bounds need min < max, got " + min + " and " + max);
            }
        }

        double clip(double value) {
            return Math.max(min, Math.min(max, value));
        }
    }

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
        if (type == null || periods == null || values == null || centres == null || lowerLimits == null || upperLimits == null
                || signals == null || readings == null || assurance == null) {
            throw new IllegalArgumentException("a run chart needs a type, periods, values, limits, signals, readings and"
                    + " assurance");
        }
        int size = values.size();
        if (periods.size() != size || signals.size() != size || readings.size() != size || lowerLimits.size() != size
                || upperLimits.size() != size || centres.size() != size) {
            throw new IllegalArgumentException("a run chart needs one period, pair of limits, signal set and reading per"
                    + " value, got " + periods.size() + " periods, " + size + " values, " + lowerLimits.size() + " lower and "
                    + upperLimits.size() + " upper limits, " + signals.size() + " signal sets and " + readings.size()
                    + " readings");
        }
        for (int i = 0; i < size; i++) {
            if (!(lowerLimits.get(i) <= centres.get(i) && centres.get(i) <= upperLimits.get(i))) {
                throw new IllegalArgumentException("the centre " + centres.get(i) + " must lie between the limits "
                        + lowerLimits.get(i) + " and " + upperLimits.get(i) + " (point " + (i + 1) + ")");
            }
        }
        periods = List.copyOf(periods);
        centres = List.copyOf(centres);
        values = List.copyOf(values);
        lowerLimits = List.copyOf(lowerLimits);
        upperLimits = List.copyOf(upperLimits);
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
     * One chart of stretches charted on their own, as NHSRplotthedots' {@code rebase} does: each
     * stretch has its own centre and limits, and no moving range, run or trend crosses from one to
     * the next. The chart's type, mean, mean moving range and assurance are the latest stretch's.
     */
    public static RunChart rebased(List<RunChart> stretches) {
        if (stretches == null || stretches.isEmpty()) {
            throw new IllegalArgumentException("a rebased chart needs at least one stretch");
        }
        if (stretches.size() == 1) {
            return stretches.get(0);
        }
        List<String> periods = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> centres = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Set<SpecialCause>> signals = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        for (RunChart s : stretches) {
            periods.addAll(s.periods());
            values.addAll(s.values());
            centres.addAll(s.centres());
            lower.addAll(s.lowerLimits());
            upper.addAll(s.upperLimits());
            signals.addAll(s.signals());
            readings.addAll(s.readings());
        }
        RunChart last = stretches.get(stretches.size() - 1);
        return new RunChart(last.type(), periods, values, last.mean(), last.meanMovingRange(), centres, lower, upper, signals,
                readings, last.assurance());
    }

    /** The latest point's lower limit (on an XmR or c chart, every point's). */
    public double lowerLimit() {
        return lowerLimits.get(lowerLimits.size() - 1);
    }

    /** The latest point's upper limit (on an XmR or c chart, every point's). */
    public double upperLimit() {
        return upperLimits.get(upperLimits.size() - 1);
    }

    /**
     * The point's special causes in words, as the tables show them: its reading, then each cause
     * ({@code improvement: outside the process limits}); "" for common cause.
     */
    public String signal(int point) {
        Set<SpecialCause> causes = signals.get(point);
        if (causes.isEmpty()) {
            return "";
        }
        return readings.get(point).label() + ": " + causes.stream().sorted().map(SpecialCause::label)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * The XmR chart of a series with no bounds on its values, or empty when there are fewer
     * than {@code rules.minimumPoints()} values: {@link #xmr} with {@link Bounds#NONE}.
     */
    public static Optional<RunChart> of(List<String> periods, List<Double> values, OptionalDouble target,
                                        Indicator.Direction direction, SpcRules rules) {
        return xmr(periods, values, Bounds.NONE, target, direction, rules);
    }

    /**
     * The XmR chart of a series, or empty when there are fewer than {@code rules.minimumPoints()}
     * values: process limits at the mean ± 2.66 × the mean moving range, clipped to {@code bounds}.
     *
     * <p>The mean and mean moving range come from every point, or from the first
     * {@code rules.baselinePoints()} (the moving ranges between them) and then apply to every point,
     * as NHSRplotthedots' {@code fix_after_n_points}. There is no screening of large
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
    public static Optional<RunChart> xmr(List<String> periods, List<Double> values, Bounds bounds, OptionalDouble target,
                                         Indicator.Direction direction, SpcRules rules) {
        if (bounds == null) {
            throw new IllegalArgumentException("a run chart needs bounds (Bounds.NONE for none)");
        }
        double[] y = checked(periods, values, target, direction, rules);
        if (y.length < rules.minimumPoints()) {
            return Optional.empty();
        }
        // NHSRplotthedots' fix_after_n_points: the mean and the moving ranges of the first n points only.
        double[] baseline = java.util.Arrays.copyOf(y, rules.baselineOf(y.length));
        double mean = mean(baseline);
        double halfWidth = LIMIT_FACTOR * meanMovingRange(baseline);
        double[] half = new double[y.length];
        java.util.Arrays.fill(half, halfWidth);
        return Optional.of(new Calculation(Type.XMR, y, mean, meanMovingRange(baseline), half, bounds, rules)
                .chart(periods, values, target, direction));
    }

    /**
     * The chart of a share of a count, period by period ({@code numerators[i]} of
     * {@code denominators[i]}), or empty when there are fewer than {@code rules.minimumPoints()}
     * points. The centre is the pooled share p = sum of numerators / sum of denominators; each
     * point's limits are p ± 3 × sqrt(p(1 - p) / n(i)), so a quarter of 3 has wide limits and one of
     * 300 narrow ones (the p chart). Where the points vary more than that (Laney's sigma-z, the mean
     * moving range of the standardised points over 1.128, is above 1, as it is with large
     * denominators and real quarter-to-quarter change), each half-width is multiplied by sigma-z:
     * Laney's p' chart. Limits are clipped to 0 and 1.
     */
    public static Optional<RunChart> proportion(List<String> periods, List<Long> numerators, List<Long> denominators,
                                                OptionalDouble target, Indicator.Direction direction, SpcRules rules) {
        if (numerators == null || denominators == null || periods == null || numerators.size() != periods.size()
                || denominators.size() != periods.size()) {
            throw new IllegalArgumentException("a p chart needs one numerator and one denominator per period");
        }
        long x = 0;
        long n = 0;
        List<Double> shares = new ArrayList<>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            long xi = numerators.get(i);
            long ni = denominators.get(i);
            if (ni <= 0 || xi < 0 || xi > ni) {
                throw new IllegalArgumentException("point " + (i + 1) + " (" + periods.get(i) + "): " + xi + " of " + ni
                        + " is not a share of a count");
            }
            x += xi;
            n += ni;
            shares.add((double) xi / ni);
        }
        double[] y = checked(periods, shares, target, direction, rules);
        if (y.length < rules.minimumPoints()) {
            return Optional.empty();
        }
        int b = rules.baselineOf(y.length);
        double p = (double) sum(numerators, b) / sum(denominators, b);
        double[] sigma = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            sigma[i] = Math.sqrt(p * (1 - p) / denominators.get(i));
        }
        return Optional.of(laney(Type.P, Type.P_PRIME, y, p, sigma, Bounds.SHARE, rules).chart(periods, shares, target,
                direction));
    }

    /**
     * The c chart of counts of events in equal periods, or empty when there are fewer than
     * {@code rules.minimumPoints()} values: the mean count c and limits c ± 3 × sqrt(c) (a Poisson
     * count's spread), the lower one clipped at 0. Where the counts vary more than a Poisson count
     * does (Laney's sigma-z of the standardised counts (x - c) / sqrt(c) is above 1, as with
     * completions that bunch at the year's end), each half-width is multiplied by sigma-z: Laney's
     * u' chart with equal exposure, here called c'.
     */
    public static Optional<RunChart> counts(List<String> periods, List<Double> values, OptionalDouble target,
                                            Indicator.Direction direction, SpcRules rules) {
        double[] y = checked(periods, values, target, direction, rules);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("value " + (i + 1) + " (" + periods.get(i) + ") is not a count: " + y[i]);
            }
        }
        if (y.length < rules.minimumPoints()) {
            return Optional.empty();
        }
        double c = mean(java.util.Arrays.copyOf(y, rules.baselineOf(y.length)));
        double[] sigma = new double[y.length];
        java.util.Arrays.fill(sigma, Math.sqrt(c));
        return Optional.of(laney(Type.C, Type.C_PRIME, y, c, sigma, Bounds.NON_NEGATIVE, rules).chart(periods, values, target,
                direction));
    }

    /**
     * The u chart of a rate, events per exposure ({@code events[i]} in {@code exposures[i]}, e.g.
     * falls in occupied bed days), each shown per {@code per} of exposure (1000: per 1,000 bed days);
     * empty when there are fewer than {@code rules.minimumPoints()} points. The centre is the pooled
     * rate u = sum of events / sum of exposures; each point's limits are u ± 3 × sqrt(u / n(i)),
     * n(i) the point's exposure, so a small exposure has wide limits; the lower one is clipped at 0.
     * Where the points vary more than Poisson counts do (Laney's sigma-z above 1), each half-width is
     * multiplied by sigma-z: Laney's u' chart.
     */
    public static Optional<RunChart> rate(List<String> periods, List<Long> events, List<Long> exposures, double per,
                                          OptionalDouble target, Indicator.Direction direction, SpcRules rules) {
        if (events == null || exposures == null || periods == null || events.size() != periods.size()
                || exposures.size() != periods.size()) {
            throw new IllegalArgumentException("a u chart needs one count of events and one exposure per period");
        }
        if (!(per > 0) || Double.isInfinite(per)) {
            throw new IllegalArgumentException("a rate is per a positive exposure, got " + per);
        }
        List<Double> rates = new ArrayList<>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            if (exposures.get(i) <= 0 || events.get(i) < 0) {
                throw new IllegalArgumentException("point " + (i + 1) + " (" + periods.get(i) + "): " + events.get(i)
                        + " events in " + exposures.get(i) + " is not a rate");
            }
            rates.add((double) events.get(i) / exposures.get(i) * per);
        }
        double[] y = checked(periods, rates, target, direction, rules);
        if (y.length < rules.minimumPoints()) {
            return Optional.empty();
        }
        int b = rules.baselineOf(y.length);
        double u = (double) sum(events, b) / sum(exposures, b);
        double[] sigma = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            sigma[i] = per * Math.sqrt(u / exposures.get(i));
        }
        return Optional.of(laney(Type.U, Type.U_PRIME, y, u * per, sigma, Bounds.NON_NEGATIVE, rules).chart(periods, rates,
                target, direction));
    }

    /**
     * An attribute chart's arithmetic: limits at 3 sigma of each point, widened (or, with
     * {@code laney: on}, narrowed) by Laney's sigma-z, the mean moving range of the standardised
     * baseline points (y - centre) / sigma over 1.128. A centre of 0 (or a share of 1) has no spread
     * to standardise by, so no correction.
     */
    private static Calculation laney(Type plain, Type prime, double[] y, double centre, double[] sigma, Bounds bounds,
                                     SpcRules rules) {
        int b = rules.baselineOf(y.length);
        double sigmaZ = 1;
        boolean spread = java.util.Arrays.stream(sigma).allMatch(s -> s > 0);
        if (spread) {
            double[] z = new double[b];
            for (int i = 0; i < b; i++) {
                z[i] = (y[i] - centre) / sigma[i];
            }
            sigmaZ = meanMovingRange(z) / D2;
        }
        boolean widened = spread && switch (rules.laney()) {
            case AUTO -> sigmaZ > 1;
            case ON -> true;
            case OFF -> false;
        };
        double[] half = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            half[i] = 3 * sigma[i] * (widened ? sigmaZ : 1);
        }
        return new Calculation(widened ? prime : plain, y, centre, meanMovingRange(y), half, bounds, rules);
    }

    private static long sum(List<Long> counts, int first) {
        long total = 0;
        for (int i = 0; i < first; i++) {
            total += counts.get(i);
        }
        return total;
    }

    private static double[] checked(List<String> periods, List<Double> values, OptionalDouble target,
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
        return y;
    }

    private static double mean(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return sum / y.length;
    }

    private static double meanMovingRange(double[] y) {
        double ranges = 0;
        for (int i = 1; i < y.length; i++) {
            ranges += Math.abs(y[i] - y[i - 1]);
        }
        return y.length < 2 ? 0 : ranges / (y.length - 1);
    }

    /** The arithmetic of one chart, kept apart so each rule reads on its own. */
    private static final class Calculation {
        private final Type type;
        private final double[] y;
        private final SpcRules rules;
        private final double mean;
        private final double meanMovingRange;
        /** Each point's distance from the centre to its limits before clipping: three sigma. */
        private final double[] half;
        private final double[] lower;
        private final double[] upper;
        private final List<EnumSet<SpecialCause>> causes = new ArrayList<>();
        /** Whether a signal at the point says "high" (above the mean, or rising), or "low". */
        private final boolean[] high;
        private final boolean[] low;

        Calculation(Type type, double[] y, double mean, double meanMovingRange, double[] half, Bounds bounds, SpcRules rules) {
            this.type = type;
            this.meanMovingRange = meanMovingRange;
            this.y = y;
            this.rules = rules;
            this.mean = mean;
            this.half = half;
            lower = new double[y.length];
            upper = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                // Clipped to what the measure can take, never past the centre line.
                lower[i] = Math.min(mean, bounds.clip(mean - half[i]));
                upper[i] = Math.max(mean, bounds.clip(mean + half[i]));
            }
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
            double[] centres = new double[y.length];
            java.util.Arrays.fill(centres, mean);
            return new RunChart(type, periods, values, mean, meanMovingRange, boxed(centres), boxed(lower), boxed(upper),
                    List.copyOf(causes), readings, assurance(target, direction));
        }

        private static List<Double> boxed(double[] values) {
            return java.util.Arrays.stream(values).boxed().toList();
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
                if (y[i] > upper[i] || y[i] < lower[i]) {
                    mark(i, SpecialCause.OUTSIDE_LIMITS, y[i] > upper[i]);
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
         * Two of three consecutive points beyond two sigma on the same side, i.e. beyond two thirds
         * of the way from the centre to a limit (before clipping; on an XmR chart sigma is the mean
         * moving range / 1.128).
         */
        private void markTwoOfThree() {
            for (int start = 0; start + 3 <= y.length; start++) {
                markWindow(start, i -> y[i] > mean + 2.0 / 3.0 * half[i], true);
                markWindow(start, i -> y[i] < mean - 2.0 / 3.0 * half[i], false);
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
            double lower = this.lower[y.length - 1];
            double upper = this.upper[y.length - 1];
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
