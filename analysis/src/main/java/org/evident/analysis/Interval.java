package org.evident.analysis;

/**
 * A two-sided interval, usually for a share (then both ends lie in 0 to 1, but the record does not
 * insist: the same type carries intervals for counts and differences).
 */
public record Interval(double low, double high) {

    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("interval ends must be finite numbers, got " + low + " and " + high);
        }
        if (low > high) {
            throw new IllegalArgumentException("interval low end " + low + " is above its high end " + high);
        }
    }

    /** The low end of a row's interval, for a table column; empty where the row has none. */
    public static java.util.OptionalDouble lowOf(java.util.Optional<Interval> interval) {
        return interval.map(i -> java.util.OptionalDouble.of(i.low())).orElse(java.util.OptionalDouble.empty());
    }

    /** The high end of a row's interval, for a table column; empty where the row has none. */
    public static java.util.OptionalDouble highOf(java.util.Optional<Interval> interval) {
        return interval.map(i -> java.util.OptionalDouble.of(i.high())).orElse(java.util.OptionalDouble.empty());
    }

    /** An interval of one value, for a share known exactly (everyone in the population answered). */
    static Interval point(double value) {
        return new Interval(value, value);
    }
}
