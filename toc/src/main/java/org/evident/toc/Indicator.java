package org.evident.toc;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A measure that speaks to a node: a KPI, a survey item or a tracker measure.
 *
 * @param measure the KPI code in the returns, the survey item id, or the tracker measure name
 * @param target  the threshold to meet, if any; shares are fractions (0.80 for 80%)
 * @param method  the evaluation method (a `methods` id) this indicator belongs to, so that evidence
 *                from it is not counted as a second, independent method beside the findings of
 *                that method; without it, the indicator counts as a method of its own
 * @param basis   whether the counts cover every case (a census, judged by its value) or a sample
 *                of them (judged by its interval); {@link Basis#defaultFor} when not declared
 * @param cumulative whether each period's value is a running total (projects completed so far):
 *                then its run chart and signals are of the increments, since a running total
 *                only ever rises and says nothing by rising
 * @param rebase  the periods from which the run chart's centre and limits are calculated afresh
 *                (a change of process, such as the intervention starting), as NHSRplotthedots'
 *                {@code rebase}: each stretch between them is its own chart, and no moving range,
 *                run or trend crosses from one to the next
 * @param per     for a rate ({@code unit: rate}), the exposure the value is per: events / exposure
 *                x {@code per} (falls per 1,000 occupied bed days: 1000); 1 for every other unit
 * @param rollup  whether the programme's figure for a period may be totalled from its units'
 *                returns when the programme row is missing (and is checked against them when not)
 * @param baselinePoints how many points of each stretch fix the run chart's centre and limits, as
 *                NHSRplotthedots' {@code fix_after_n_points}; 0 for every point of the stretch
 * @param toDate  how the programme-to-date figure is formed, when declared; else
 *                {@link ToDate#defaultFor} the measure
 */
public record Indicator(String id, String node, String label, Source source, String measure,
                        OptionalDouble target, Direction direction, String unit, java.util.Optional<String> method,
                        Basis basis, boolean cumulative, java.util.List<Period> rebase, double per, Rollup rollup,
                        int baselinePoints, java.util.Optional<ToDate> toDate) {

    /** The unit of a count of events per exposure. */
    public static final String RATE = "rate";

    /** Whether the programme figure may be totalled from the units' returns. */
    public enum Rollup {
        NONE, SUM;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a series' periods combine into a figure to date. Only additive measures add up: counts of
     * events, and shares or rates whose numerators and denominators are given. A level (regions
     * represented this quarter, staff in post), a mean, a median or a ratio returned as a value
     * does not: adding its quarters gives a number that means nothing.
     */
    public enum ToDate {
        /** Numerators and denominators pooled, or counts totalled, over the ended periods. */
        POOLED,
        /** The latest ended period's value: a running total, or a level that stands for the whole. */
        LATEST,
        /** No figure to date; each period stands alone. */
        NONE;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A running total's figure to date is its latest value; any other measure is pooled where it can be. */
        public static ToDate defaultFor(boolean cumulative) {
            return cumulative ? LATEST : POOLED;
        }
    }

    /**
     * Whether an indicator's numbers count every case or a sample of them. A census (every
     * completed project, every discharge) is what happened: it meets its target or not by its
     * value, and a 100% target is missed by one miss. A sample (the people who answered a
     * survey) stands for more than itself: it is judged by its interval, and a few answers can
     * leave the verdict inconclusive.
     */
    public enum Basis {
        CENSUS, SAMPLE;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Surveys are samples; KPI returns (counts of every case, or records aggregated by
         * Evident) and tracker measures (every project in the tracker) are censuses, except a rate:
         * its events, even when every one is counted, are one outcome of an underlying rate, which
         * public health practice judges by the events' Poisson interval (PHE's technical guide to
         * confidence intervals for rates), so a rate is a sample unless declared otherwise.
         */
        public static Basis defaultFor(Source source, String unit) {
            return source == Source.SURVEY || unit.equals(RATE) ? SAMPLE : CENSUS;
        }
    }

    /** Where an indicator's numbers come from. */
    public enum Source {
        KPI, SURVEY, TRACKER;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which way is better. */
    public enum Direction {
        HIGHER, LOWER;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(basis, "basis");
        rebase = java.util.List.copyOf(rebase);
        Objects.requireNonNull(rollup, "rollup");
        Objects.requireNonNull(toDate, "toDate");
        if (!(per > 0) || Double.isInfinite(per)) {
            throw new IllegalArgumentException("per must be a positive number, got " + per);
        }
        if (baselinePoints < 0) {
            throw new IllegalArgumentException("baseline points cannot be negative, got " + baselinePoints);
        }
    }

    /** Whether the value is a count of events per exposure ({@code unit: rate}). */
    public boolean rate() {
        return unit.equals(RATE);
    }

    /** How the figure to date is formed: as declared, else by {@link ToDate#defaultFor}. */
    public ToDate toDateRule() {
        return toDate.orElse(ToDate.defaultFor(cumulative));
    }
}
