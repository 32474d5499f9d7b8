package org.evident.analysis;

import java.util.Objects;

/** The run chart of one KPI series: an indicator for the whole programme ({@code unit} "") or one unit. */
public record KpiChart(String indicator, String label, String unit, RunChart chart) {
    public KpiChart {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(chart, "chart");
    }
}
