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
 */
public record Indicator(String id, String node, String label, Source source, String measure,
                        OptionalDouble target, Direction direction, String unit, java.util.Optional<String> method,
                        Basis basis, boolean cumulative, java.util.List<Period> rebase) {

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
         * Evident) and tracker measures (every project in the tracker) are censuses.
         */
        public static Basis defaultFor(Source source) {
            return source == Source.SURVEY ? SAMPLE : CENSUS;
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
    }
}
