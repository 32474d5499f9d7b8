package org.evident.analysis;

import java.util.Objects;

/**
 * The run chart of one KPI series: an indicator for the whole programme ({@code unit} "") or one unit.
 *
 * @param ofIncrements whether the chart is of what each period added to a running total
 *                     ({@code cumulative: true}), not of the running total itself
 */
public record KpiChart(String indicator, String label, String unit, RunChart chart, boolean ofIncrements) {
    public KpiChart {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(chart, "chart");
    }
}
