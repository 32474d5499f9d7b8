package org.evident.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.evident.ingest.IndicatorData;
import org.evident.toc.Indicator;

/**
 * A KPI declared {@code rollup: sum}: the programme's figure for a period totalled from its
 * units' returns where the programme row is missing, and checked against them where it is given.
 * The units are taken to make up the programme between them (one level: regions, or systems).
 *
 * @param data  the indicator's returns, with a programme row added for each period that had only units
 * @param notes per period, what was totalled or how the programme row compares with its units
 */
record Rollup(List<IndicatorData> data, Map<String, String> notes) {

    static Rollup of(Indicator indicator, List<IndicatorData> returns) {
        Map<String, List<IndicatorData>> byPeriod = returns.stream()
                .collect(Collectors.groupingBy(IndicatorData::period, LinkedHashMap::new, Collectors.toList()));
        List<IndicatorData> data = new ArrayList<>(returns);
        Map<String, String> notes = new LinkedHashMap<>();
        byPeriod.forEach((period, rows) -> {
            Optional<IndicatorData> programme = rows.stream().filter(d -> d.unit().isEmpty()).findFirst();
            List<IndicatorData> units = rows.stream().filter(d -> d.unit().isPresent()).toList();
            if (units.isEmpty()) {
                return;
            }
            String whose = units.size() + (units.size() == 1 ? " unit's return" : " units' returns");
            Optional<IndicatorData> total = total(indicator, period, units, whose);
            if (total.isEmpty()) {
                notes.put(period, "not rolled up: the " + whose + " are not all counts (a numerator and denominator,"
                        + " or a count) and cannot be added");
            } else if (programme.isEmpty()) {
                data.add(total.get());
                notes.put(period, "rolled up: the sum of the " + whose);
            } else {
                String given = figure(programme.get());
                String summed = figure(total.get());
                notes.put(period, given.equals(summed)
                        ? "reconciled: the programme return (" + given + ") equals the sum of the " + whose
                        : KpiRow.DIFFERS_FROM_UNITS + "the programme return (" + given + ") differs from the sum of the " + whose + " ("
                                + summed + ")" + difference(programme.get(), total.get()));
            }
        });
        return new Rollup(List.copyOf(data), Map.copyOf(notes));
    }

    /** The units summed: numerators and denominators where every unit gives both, else whole-number counts. */
    private static Optional<IndicatorData> total(Indicator indicator, String period, List<IndicatorData> units,
                                                 String whose) {
        OptionalDouble target = indicator.target();
        if (units.stream().allMatch(d -> d.numerator().isPresent() && d.denominator().isPresent())) {
            long x = units.stream().mapToLong(d -> d.numerator().getAsLong()).sum();
            long n = units.stream().mapToLong(d -> d.denominator().getAsLong()).sum();
            OptionalDouble value = n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n * indicator.per());
            return Optional.of(new IndicatorData(indicator.id(), period, Optional.empty(), value, OptionalLong.of(x),
                    OptionalLong.of(n), target, Map.of(), "the sum of the " + whose));
        }
        if (indicator.unit().equals("count") && units.stream().allMatch(d -> d.value().isPresent())) {
            return Optional.of(new IndicatorData(indicator.id(), period, Optional.empty(),
                    OptionalDouble.of(units.stream().mapToDouble(d -> d.value().getAsDouble()).sum()), OptionalLong.empty(),
                    OptionalLong.empty(), target, Map.of(), "the sum of the " + whose));
        }
        return Optional.empty();
    }

    private static String figure(IndicatorData d) {
        if (d.numerator().isPresent() && d.denominator().isPresent()) {
            return d.numerator().getAsLong() + " of " + d.denominator().getAsLong();
        }
        return d.value().isPresent() ? plain(d.value().getAsDouble()) : "no value";
    }

    /** The programme row minus the units' sum, in words, so a reader sees which way and by how much. */
    private static String difference(IndicatorData programme, IndicatorData total) {
        if (programme.numerator().isPresent() && programme.denominator().isPresent() && total.numerator().isPresent()) {
            return ": " + signed(programme.numerator().getAsLong() - total.numerator().getAsLong()) + " in the numerator, "
                    + signed(programme.denominator().getAsLong() - total.denominator().getAsLong()) + " in the denominator";
        }
        if (programme.value().isPresent() && total.value().isPresent()) {
            return ": " + plain(programme.value().getAsDouble() - total.value().getAsDouble()) + " on the programme row";
        }
        return "";
    }

    /** As the tables print a number. */
    private static String plain(double value) {
        return new PublishedTable.Number(value, PublishedTable.Format.DECIMAL).csv();
    }

    private static String signed(long difference) {
        return (difference > 0 ? "+" : "") + difference;
    }
}
