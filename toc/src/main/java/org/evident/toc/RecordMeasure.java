package org.evident.toc;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One measure computed from records, named by the {@code measure} of a {@code source: kpi}
 * indicator in toc.yaml.
 * <ul>
 * <li>{@code count}: the number of records (that pass {@code where});</li>
 * <li>{@code share}: of those, the share that meet {@code condition} (numerator / denominator);</li>
 * <li>{@code mean}: the mean of the numeric column {@code column}.</li>
 * </ul>
 */
public record RecordMeasure(String id, Kind kind, Optional<RecordCondition> condition, Optional<String> column,
                            List<RecordCondition> where) {

    /** What is computed. */
    public enum Kind {
        COUNT, SHARE, MEAN;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RecordMeasure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(column, "column");
        where = List.copyOf(where);
        if (kind == Kind.SHARE && condition.isEmpty()) {
            throw new IllegalArgumentException("a share measure needs a condition");
        }
        if (kind == Kind.MEAN && column.isEmpty()) {
            throw new IllegalArgumentException("a mean measure needs a column");
        }
    }
}
