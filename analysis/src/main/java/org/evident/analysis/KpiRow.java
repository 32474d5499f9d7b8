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
 * @param period     a period id, or {@link #TO_DATE} for the series' ended periods pooled
 * @param status     "" for a period that had ended by the reporting date; for a period still in
 *                   progress, {@link #IN_PROGRESS} and how much of it had passed: its figures are
 *                   partial and it has no verdict, change, signal or assurance; for the row
 *                   {@link #TO_DATE}, what was pooled (or why nothing could be)
 * @param basis      "census" (the counts cover every case: judged by the value) or "sample" (judged
 *                   by the interval), as the indicator declares or its source's default
 * @param interval   present where the value is a share of a count from a sample
 * @param verdict    against the target: a sample's by its interval, a census's (or a value-only
 *                   KPI's) by its value
 * @param change     the value minus the previous period's value in the same series
 * @param signal     the run chart's special-cause signals at this period, "" for common cause
 *                   or when the series is too short for a chart
 * @param assurance  the run chart's reading of the target, "" without a chart
 */
public record KpiRow(String indicator, String label, String measure, String unit, String period, String status,
                     OptionalLong numerator, OptionalLong denominator, OptionalDouble value, OptionalDouble target,
                     String basis, Optional<Interval> interval, Optional<Verdict> verdict, OptionalDouble change, String signal,
                     String assurance) {
    /** The period of a series' row for the programme to date: every ended period pooled. */
    public static final String TO_DATE = "to date";

    /** The start of the status of a period not ended by the reporting date. */
    public static final String IN_PROGRESS = "in progress";

    /** The start of the status of a programme row that does not add up to its units' returns ({@code rollup: sum}). */
    public static final String DIFFERS_FROM_UNITS = "reconciled, differs: ";

    public KpiRow {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(assurance, "assurance");
    }

    /** Whether the row pools every ended period of its series ({@link #TO_DATE}). */
    public boolean toDate() {
        return period.equals(TO_DATE);
    }

    /** Whether the row is a programme return that differs from the sum of its units' returns. */
    public boolean differsFromUnits() {
        return status.startsWith(DIFFERS_FROM_UNITS);
    }

    /** Whether the row is about a period not ended by the reporting date. */
    public boolean inProgress() {
        return status.startsWith(IN_PROGRESS);
    }
}
