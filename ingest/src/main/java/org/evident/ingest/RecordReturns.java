package org.evident.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.evident.toc.RecordLayout;
import org.evident.toc.RecordMeasure;

/**
 * Turns the aggregates of a records source into KPI returns, at up to three levels (the source's
 * {@code levels}): each area (the return's {@code system}), each region, and England (neither). Counts add up the levels, so a
 * region's share is its areas' hits over their records, not a mean of their shares.
 */
final class RecordReturns {
    private RecordReturns() {
    }

    /** Totals of one measure for one unit in one period. */
    private static final class Sum {
        long records;
        long hits;
        long sumMicro;

        void add(RecordAggregates.Cell c) {
            records += c.count();
            hits += c.hits();
            sumMicro += c.sumMicro();
        }
    }

    static List<KpiReturn> of(RecordRules rules, RecordAggregates aggregates, String source) {
        int measures = rules.measures().size();
        int periods = rules.periods().size();
        Sum[][] england = new Sum[measures][periods];
        List<Map<String, Sum[]>> regions = new ArrayList<>();
        List<Map<String, Sum[]>> areas = new ArrayList<>();
        for (int m = 0; m < measures; m++) {
            regions.add(new TreeMap<>());
            areas.add(new TreeMap<>());
        }
        boolean hasRegions = false;
        for (RecordAggregates.Cell c : aggregates.cells()) {
            sum(england[c.measure()], c.period()).add(c);
            if (!c.region().isEmpty()) {
                hasRegions = true;
                sum(regions.get(c.measure()).computeIfAbsent(c.region(), k -> new Sum[periods]), c.period()).add(c);
            }
            sum(areas.get(c.measure()).computeIfAbsent(c.area(), k -> new Sum[periods]), c.period()).add(c);
        }
        List<KpiReturn> returns = new ArrayList<>();
        for (int m = 0; m < measures; m++) {
            for (int p = 0; p < periods; p++) {
                if (rules.returnsFor(RecordLayout.Level.ENGLAND)) {
                    add(returns, rules, m, p, england[m][p], Optional.empty(), Optional.empty(), source);
                }
                if (hasRegions && rules.returnsFor(RecordLayout.Level.REGION)) {
                    for (Map.Entry<String, Sum[]> r : regions.get(m).entrySet()) {
                        add(returns, rules, m, p, r.getValue()[p], Optional.of(r.getKey()), Optional.empty(), source);
                    }
                }
                if (rules.returnsFor(RecordLayout.Level.AREA)) {
                    for (Map.Entry<String, Sum[]> a : areas.get(m).entrySet()) {
                        add(returns, rules, m, p, a.getValue()[p], Optional.empty(), Optional.of(a.getKey()), source);
                    }
                }
            }
        }
        return returns;
    }

    private static Sum sum(Sum[] sums, int period) {
        if (sums[period] == null) {
            sums[period] = new Sum();
        }
        return sums[period];
    }

    private static void add(List<KpiReturn> into, RecordRules rules, int measure, int period, Sum sum,
                            Optional<String> region, Optional<String> area, String source) {
        if (sum == null || sum.records == 0) {
            return;
        }
        RecordMeasure.Kind kind = rules.kind(measure);
        double value = switch (kind) {
            case COUNT -> sum.records;
            case SHARE -> (double) sum.hits / sum.records;
            case MEAN -> sum.sumMicro / RecordRules.MICRO / sum.records;
        };
        OptionalLong numerator = kind == RecordMeasure.Kind.SHARE ? OptionalLong.of(sum.hits) : OptionalLong.empty();
        OptionalLong denominator = kind == RecordMeasure.Kind.SHARE ? OptionalLong.of(sum.records) : OptionalLong.empty();
        into.add(new KpiReturn(rules.measures().get(measure), rules.periods().get(period), region, area, value, numerator,
                denominator, OptionalDouble.empty(), source + ": " + sum.records + " records", 0));
    }
}
