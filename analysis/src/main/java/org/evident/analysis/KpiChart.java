package org.evident.analysis;

import java.util.Objects;

/**
 * The run chart of one KPI series: an indicator for the whole programme ({@code unit} "") or one unit.
 *
 * @param ofIncrements whether the chart is of what each period added to a running total
 *                     ({@code cumulative: true}), not of the running total itself
 * @param changes      the series before and after each declared change point ({@code rebase:}), empty without one
 */
public record KpiChart(String indicator, String label, String unit, RunChart chart, boolean ofIncrements,
                       java.util.List<BeforeAfter> changes) {
    public KpiChart {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(chart, "chart");
        changes = java.util.List.copyOf(changes);
    }

    /** A chart without a change point. */
    public KpiChart(String indicator, String label, String unit, RunChart chart, boolean ofIncrements) {
        this(indicator, label, unit, chart, ofIncrements, java.util.List.of());
    }
}
