package org.evident.ingest;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One KPI value for one period, as accepted.
 *
 * @param period the quarter's id as declared in evaluation.yaml (e.g. "2024-25 Q3")
 * @param value  the value; for a share, numerator / denominator when those were given
 * @param row    the row it came from, for explanations
 */
public record KpiReturn(String kpi, String period, Optional<String> region, Optional<String> system, double value,
                        OptionalLong numerator, OptionalLong denominator, OptionalDouble target, String file, long row) {
    public KpiReturn {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(period, "period");
    }
}
