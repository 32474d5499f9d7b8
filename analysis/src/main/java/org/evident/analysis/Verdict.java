package org.evident.analysis;

import org.evident.toc.Indicator;

/** Whether an indicator met its target, said so only when the evidence allows. */
public enum Verdict {
    MET("met"),
    NOT_MET("not met"),
    INCONCLUSIVE("inconclusive: too few answers to say");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A row's verdict as a table shows it: its label, or blank where there is no target. */
    public static String labelOf(java.util.Optional<Verdict> verdict) {
        return verdict.map(Verdict::label).orElse("");
    }

    /**
     * The verdict for a share with an interval: met or not met only when the whole interval lies on
     * one side of the target, so that a handful of answers cannot be read as success or failure.
     * An interval that touches the target is inconclusive.
     */
    public static Verdict of(Interval interval, double target, Indicator.Direction direction) {
        if (interval == null || direction == null) {
            throw new IllegalArgumentException("an interval and a direction are needed for a verdict");
        }
        checkTarget(target);
        double better = direction == Indicator.Direction.HIGHER ? interval.low() : -interval.high();
        double worse = direction == Indicator.Direction.HIGHER ? interval.high() : -interval.low();
        double goal = direction == Indicator.Direction.HIGHER ? target : -target;
        if (better > goal) {
            return MET;
        }
        if (worse < goal) {
            return NOT_MET;
        }
        return INCONCLUSIVE;
    }

    /**
     * The verdict for a KPI reported as a plain value (a count from the returns, with no sampling
     * behind it): reaching the target exactly counts as meeting it.
     */
    public static Verdict ofValue(double value, double target, Indicator.Direction direction) {
        if (direction == null) {
            throw new IllegalArgumentException("a direction is needed for a verdict");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the value must be a finite number, got " + value);
        }
        checkTarget(target);
        boolean met = direction == Indicator.Direction.HIGHER ? value >= target : value <= target;
        return met ? MET : NOT_MET;
    }

    private static void checkTarget(double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("the target must be a finite number, got " + target);
        }
    }
}
