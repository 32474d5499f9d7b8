package org.evident.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The KPI verdict totals the report and the workbook both show, counted once here: one verdict
 * per indicator with a target, for the whole programme, to date (every ended period pooled), so
 * that a KPI is not counted once per region or per quarter.
 *
 * @param indicators the indicators counted: those whose programme-to-date row has a verdict
 */
public record KpiVerdicts(int indicators, Map<Verdict, Long> counts) {

    /** What is counted, in words, for a heading or a sentence. */
    public static final String WHAT = "KPIs and tracker measures with a target and a figure to date, whole programme";

    public KpiVerdicts {
        counts = Map.copyOf(counts);
    }

    /** The totals over the analysis's KPI rows. */
    static KpiVerdicts of(List<KpiRow> kpis) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        int indicators = 0;
        for (KpiRow k : kpis) {
            if (k.toDate() && k.unit().isEmpty() && k.verdict().isPresent()) {
                counts.merge(k.verdict().get(), 1L, Long::sum);
                indicators++;
            }
        }
        return new KpiVerdicts(indicators, counts);
    }

    /** How many of the indicators have this verdict. */
    public long count(Verdict verdict) {
        return counts.getOrDefault(verdict, 0L);
    }
}
