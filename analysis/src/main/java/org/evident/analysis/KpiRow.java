package org.evident.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One KPI (or tracker measure) in one period, for the whole programme or one unit.
 *
 * @param indicator  the indicator id in toc.yaml
 * @param unit       the region or system the row is about, or "" for the whole programme
 * @param interval   present where the value is a share of a count (numerator and denominator)
 * @param verdict    against the target: by the interval where there is one, else by the value
 * @param change     the value minus the previous period's value in the same series
 * @param signal     the run chart's special-cause signals at this period, "" for common cause
 *                   or when the series is too short for a chart
 * @param assurance  the run chart's reading of the target, "" without a chart
 */
public record KpiRow(String indicator, String label, String measure, String unit, String period,
                     OptionalLong numerator, OptionalLong denominator, OptionalDouble value, OptionalDouble target,
                     Optional<Interval> interval, Optional<Verdict> verdict, OptionalDouble change, String signal,
                     String assurance) {
    public KpiRow {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(assurance, "assurance");
    }
}
