package org.evident.toc;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@code type: neighbours} source names each area's comparable areas (statistical neighbours,
 * such as CIPFA's nearest-neighbour groups or NHS England's near-neighbour peer groups), and what the
 * comparison needs besides: whose neighbours a one-area list gives, which unit of the KPI returns is
 * England, where the areas' names are, and which areas the report describes.
 *
 * @param of        the area whose neighbours the file lists, for a CSV with one area's list (no {@code area} column)
 * @param england   the unit of the KPI returns (its {@code system} or {@code region} value) holding England's figure
 * @param names     a CSV file of area codes and names ({@code area_code}, {@code area_name}, or aliases)
 * @param highlight the areas the report charts and describes among their neighbours; the {@code of} area
 *                  when none are named
 */
public record NeighbourLayout(Optional<String> of, Optional<String> england, Optional<Path> names, List<String> highlight) {
    public NeighbourLayout {
        Objects.requireNonNull(of, "of");
        Objects.requireNonNull(england, "england");
        Objects.requireNonNull(names, "names");
        highlight = List.copyOf(highlight);
    }

    /** The areas the report describes: those named by {@code highlight}, else the {@code of} area. */
    public List<String> reported() {
        return highlight.isEmpty() ? of.map(List::of).orElse(List.of()) : highlight;
    }
}
