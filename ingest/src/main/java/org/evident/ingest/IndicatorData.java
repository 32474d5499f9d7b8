package org.evident.ingest;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the data say about one indicator in one period (and unit, where the returns are per
 * region or system): the aggregate the analysis works from.
 *
 * @param unit        the region or system the value is about; empty for the whole programme
 * @param numerator   for a share, the count that met the measure (e.g. the top two boxes)
 * @param denominator for a share, the base
 * @param categories  for a survey item, the count per answer in the item's order
 * @param evidence    where the value comes from, e.g. "kpi_returns.csv row 14" or "survey leads-survey"
 */
public record IndicatorData(String indicator, String period, Optional<String> unit, OptionalDouble value,
                            OptionalLong numerator, OptionalLong denominator, OptionalDouble target,
                            Map<String, Long> categories, String evidence) {
    public IndicatorData {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(period, "period");
        categories = Map.copyOf(categories);
    }
}
