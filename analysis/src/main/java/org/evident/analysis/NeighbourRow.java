package org.evident.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.evident.toc.Indicator;

/**
 * One area's value of one KPI set beside its comparable areas' values in the same period.
 *
 * @param area        the area's code (the KPI returns' unit)
 * @param areaName    its name, or the code when no name is known
 * @param indicator   the KPI indicator's id
 * @param label       the indicator's label
 * @param better      which way is better: rank 1 and the best quarter are on that side
 * @param share       whether the value is a share (0 to 1), for formatting
 * @param period      the period compared: the latest ended one with returns of the measure
 * @param value       the area's value; empty when it has none, or when it is hidden by the suppression rule
 * @param hidden      the suppression mark when the value is hidden, else empty
 * @param listed      how many comparable areas the neighbours file lists for the area
 * @param compared    the listed neighbours with a value shown in the period (hidden values are left out)
 * @param neighbourValues the compared neighbours' values, best first (ties in code order), with their codes, for the chart
 * @param lowerQuartile the compared neighbours' 25th percentile (R's type 7), without the area itself
 * @param median      their median
 * @param upperQuartile their 75th percentile
 * @param rank        1 + the number of compared neighbours better than the area (ties share the better rank)
 * @param quarter     which quarter of its neighbours the area is in: 1 the best quarter to 4 the worst
 * @param england     England's value in the period, when the project names the unit holding it
 * @param summary     the comparison in a sentence
 */
public record NeighbourRow(String area, String areaName, String indicator, String label, Indicator.Direction better,
                           boolean share, String period, OptionalDouble value, String hidden, int listed, int compared,
                           List<Neighbour> neighbourValues, OptionalDouble lowerQuartile, OptionalDouble median,
                           OptionalDouble upperQuartile, OptionalInt rank, OptionalInt quarter, OptionalDouble england,
                           String summary) {
    /** A compared neighbour and its value. */
    public record Neighbour(String area, String name, double value) {
    }

    public NeighbourRow {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(better, "better");
        neighbourValues = List.copyOf(neighbourValues);
        Objects.requireNonNull(summary, "summary");
    }

    /** Rank 1 in words: "highest" when higher is better, else "lowest". */
    public String rankOneIs() {
        return better == Indicator.Direction.HIGHER ? "highest" : "lowest";
    }

    /** The quarter in words: "best quarter", "second quarter", "third quarter", "worst quarter". */
    public Optional<String> quarterLabel() {
        if (quarter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (quarter.getAsInt()) {
            case 1 -> "best quarter";
            case 2 -> "second quarter";
            case 3 -> "third quarter";
            default -> "worst quarter";
        });
    }

    /** Whether the area is above, below or the same as England, when both are known. */
    public Optional<String> againstEngland() {
        if (value.isEmpty() || england.isEmpty()) {
            return Optional.empty();
        }
        int c = Double.compare(value.getAsDouble(), england.getAsDouble());
        return Optional.of(c > 0 ? "above" : c < 0 ? "below" : "same");
    }
}
