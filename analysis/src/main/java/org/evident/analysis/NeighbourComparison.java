package org.evident.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import org.evident.ingest.ComparableAreas;
import org.evident.ingest.KpiReturn;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.Period;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Each area's KPI values against its comparable areas (statistical neighbours) and England.
 *
 * <p>For every KPI indicator and every area with returns, in the latest period ended by the
 * reporting date that has returns of the measure: the area's value, its neighbours' lower
 * quartile, median and upper quartile (R's type 7, the default of R's {@code quantile()} and
 * Excel's {@code QUARTILE.INC}, which councils' benchmarking spreadsheets use), its rank among
 * itself and its neighbours (1 is the best, by the indicator's direction; ties share the better
 * rank, as R's {@code rank(ties.method = "min")} on the values negated when higher is better), the
 * quarter of its neighbours it is in, and England's value.
 *
 * <p>Suppression: a value the project's rule would hide (a count of people of 1 to 7, or 1 to 4,
 * on a {@code unit: count} indicator under {@code suppression: nhs} or {@code fewer-than-5}) is
 * treated as missing everywhere: it is not shown, and it is left out of every other area's
 * quartiles, median, rank and count of neighbours compared, so that none of those changes with it.
 */
final class NeighbourComparison {
    /** Fewer compared neighbours than this and no quartiles or quarter are given: a quarter of three is not a quarter. */
    static final int FEWEST_FOR_QUARTILES = 4;

    private NeighbourComparison() {
    }

    static List<NeighbourRow> of(EvaluationProject project, List<KpiReturn> returns, Optional<ComparableAreas> areas,
                                 SuppressionRule rule) {
        if (areas.isEmpty()) {
            return List.of();
        }
        ComparableAreas groups = areas.get();
        String england = groups.england().orElse(null);
        List<Period> ended = project.evaluation().periods().stream()
                .filter(p -> p.endedBy(project.evaluation().reportingDate())).toList();
        List<NeighbourRow> rows = new ArrayList<>();
        // Areas in the order of their codes, so the table's order does not depend on the files' order.
        Set<String> allAreas = new java.util.TreeSet<>();
        List<Indicator> compared = project.theoryOfChange().indicators().stream()
                .filter(i -> i.source() == Indicator.Source.KPI).toList();
        Map<Indicator, Map<String, Map<String, Double>>> byIndicator = new LinkedHashMap<>();
        for (Indicator indicator : compared) {
            Map<String, Map<String, Double>> byPeriod = new LinkedHashMap<>();
            for (KpiReturn r : returns) {
                Optional<String> unit = r.system().or(r::region);
                if (r.kpi().equals(indicator.measure()) && unit.isPresent()) {
                    byPeriod.computeIfAbsent(r.period(), p -> new TreeMap<>()).putIfAbsent(unit.get(), r.value());
                    if (!unit.get().equals(england)) {
                        allAreas.add(unit.get());
                    }
                }
            }
            if (!byPeriod.isEmpty()) {
                byIndicator.put(indicator, byPeriod);
            }
        }
        for (Map.Entry<Indicator, Map<String, Map<String, Double>>> e : byIndicator.entrySet()) {
            Indicator indicator = e.getKey();
            Optional<Period> latest = ended.stream().filter(p -> e.getValue().containsKey(p.id())
                    && e.getValue().get(p.id()).keySet().stream().anyMatch(u -> !u.equals(england)))
                    .reduce((a, b) -> b);
            if (latest.isEmpty()) {
                continue;
            }
            Map<String, Double> values = e.getValue().get(latest.get().id());
            Map<String, Double> shown = new TreeMap<>();
            values.forEach((unit, v) -> {
                if (!hidden(indicator, rule, v)) {
                    shown.put(unit, v);
                }
            });
            for (String area : allAreas) {
                rows.add(row(indicator, latest.get().id(), area, values, shown, groups, rule,
                        england == null ? OptionalDouble.empty() : optional(shown.get(england))));
            }
        }
        return rows;
    }

    private static boolean hidden(Indicator indicator, SuppressionRule rule, double value) {
        return rule != SuppressionRule.NONE && indicator.unit().equals("count") && value == Math.rint(value)
                && rule.isSmall((long) value);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static NeighbourRow row(Indicator indicator, String period, String area, Map<String, Double> values,
                                    Map<String, Double> shown, ComparableAreas groups, SuppressionRule rule,
                                    OptionalDouble england) {
        List<String> listed = groups.neighbours().getOrDefault(area, List.of());
        boolean higher = indicator.direction() == Indicator.Direction.HIGHER;
        Comparator<Double> better = higher ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<NeighbourRow.Neighbour> neighbours = new ArrayList<>();
        for (String n : new LinkedHashSet<>(listed)) {
            Double v = shown.get(n);
            if (v != null) {
                neighbours.add(new NeighbourRow.Neighbour(n, groups.name(n), v));
            }
        }
        neighbours.sort(Comparator.comparing(NeighbourRow.Neighbour::value, better).thenComparing(NeighbourRow.Neighbour::area));
        OptionalDouble value = optional(shown.get(area));
        String mark = values.containsKey(area) && !shown.containsKey(area) ? rule.mark() : "";
        double[] theirs = neighbours.stream().mapToDouble(NeighbourRow.Neighbour::value).toArray();
        OptionalDouble lower = OptionalDouble.empty();
        OptionalDouble median = OptionalDouble.empty();
        OptionalDouble upper = OptionalDouble.empty();
        if (theirs.length > 0) {
            median = OptionalDouble.of(typeSeven(theirs, 50));
        }
        if (theirs.length >= FEWEST_FOR_QUARTILES) {
            lower = OptionalDouble.of(typeSeven(theirs, 25));
            upper = OptionalDouble.of(typeSeven(theirs, 75));
        }
        OptionalInt rank = OptionalInt.empty();
        OptionalInt quarter = OptionalInt.empty();
        if (value.isPresent() && theirs.length > 0) {
            double v = value.getAsDouble();
            rank = OptionalInt.of(1 + (int) neighbours.stream().filter(n -> better.compare(n.value(), v) < 0).count());
            if (lower.isPresent()) {
                // The quarter is judged against the neighbours' quartiles; a value on a quartile takes the better side.
                double best = higher ? upper.getAsDouble() : lower.getAsDouble();
                double worst = higher ? lower.getAsDouble() : upper.getAsDouble();
                int q = better.compare(v, best) <= 0 ? 1 : better.compare(v, median.getAsDouble()) <= 0 ? 2
                        : better.compare(v, worst) <= 0 ? 3 : 4;
                quarter = OptionalInt.of(q);
            }
        }
        NeighbourRow draft = new NeighbourRow(area, groups.name(area), indicator.id(), indicator.label(), indicator.direction(),
                indicator.unit().equals("share"), period, value, mark, listed.size(), neighbours.size(), neighbours, lower,
                median, upper, rank, quarter, england, "");
        return new NeighbourRow(area, draft.areaName(), indicator.id(), indicator.label(), indicator.direction(),
                draft.share(), period, value, mark, listed.size(), neighbours.size(), neighbours, lower, median, upper, rank,
                quarter, england, NeighbourSentences.summary(draft));
    }

    /** The p-th percentile by R's type 7 (linear interpolation between order statistics at (n - 1)p). */
    static double typeSeven(double[] values, double p) {
        return new Percentile(p).withEstimationType(Percentile.EstimationType.R_7).evaluate(values);
    }
}
