package org.evident.toc;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a record-level source (one row per event, e.g. one hospital discharge) is read: the column
 * that dates each record into a reporting period, the column naming its area, optionally its
 * region, and the measures aggregated from the records to period x area, then rolled up to region
 * and England.
 *
 * @param store  folder of the intermediate aggregates (Parquet, one partition per period), kept
 *               between runs so that a new quarter adds a partition and a re-run replaces only its own
 * @param levels the levels returns are made for: England, each region, each area (default all three)
 */
public record RecordLayout(String date, String area, Optional<String> region, List<RecordMeasure> measures, Path store,
                           Set<Level> levels) {

    /**
     * Whether a file in a records folder is read: a {@code .csv} or {@code .parquet} file (any case).
     * The one rule, shared by the reader and by the check that names every file it leaves out.
     */
    public static boolean isDataFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".parquet");
    }

    /** The units returns are made for. */
    public enum Level {
        ENGLAND, REGION, AREA;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RecordLayout {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(region, "region");
        measures = List.copyOf(measures);
        Objects.requireNonNull(store, "store");
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a records source needs at least one level");
        }
        levels = Set.copyOf(levels);
    }
}
