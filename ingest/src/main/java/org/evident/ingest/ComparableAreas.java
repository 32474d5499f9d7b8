package org.evident.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Each area's comparable areas (statistical neighbours), as a {@code type: neighbours} source lists
 * them, with the areas' names where known.
 *
 * @param source     the source's id
 * @param file       the file, as shown in messages
 * @param neighbours area code to its comparable areas' codes, in file order; never the area itself
 * @param names      area code to name, from the neighbours file and the source's {@code names} file
 * @param england    the unit of the KPI returns that holds England's figure, when declared
 * @param reported   the areas the report charts and describes
 */
public record ComparableAreas(String source, String file, Map<String, List<String>> neighbours, Map<String, String> names,
                              Optional<String> england, List<String> reported) {
    public ComparableAreas {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        neighbours.forEach((area, list) -> copy.put(area, List.copyOf(list)));
        neighbours = java.util.Collections.unmodifiableMap(copy);
        names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
        Objects.requireNonNull(england, "england");
        reported = List.copyOf(reported);
    }

    /** The area's name, or its code when no name is known. */
    public String name(String area) {
        return names.getOrDefault(area, area);
    }
}
