package org.evident.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.evident.ingest.IndicatorData;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.Period;
import org.evident.toc.Settings;

/**
 * KPIs and tracker measures per period: the value against its target, the interval where the
 * value is a share of a count, the change from the previous period, and the run chart's reading.
 */
final class KpiResults {
    private final EvaluationProject project;
    private final Settings settings;
    private final List<KpiRow> toDate = new ArrayList<>();
    private final List<KpiRow> rows = new ArrayList<>();
    private final List<KpiChart> charts = new ArrayList<>();
    /** Each indicator's whole-programme series, its ended periods with a value: what {@link #toDateBy} pools. */
    private final Map<String, List<IndicatorData>> programme = new HashMap<>();

    KpiResults(EvaluationProject project, List<IndicatorData> data) {
        this.project = project;
        this.settings = project.evaluation().settings();
        Map<String, Integer> periodOrder = new HashMap<>();
        List<Period> periods = project.evaluation().periods();
        for (int i = 0; i < periods.size(); i++) {
            periodOrder.put(periods.get(i).id(), i);
        }
        Comparator<IndicatorData> byPeriod = Comparator.<IndicatorData>comparingInt(d -> periodOrder.getOrDefault(d.period(), Integer.MAX_VALUE))
                .thenComparing(IndicatorData::period);
        for (Indicator indicator : project.theoryOfChange().indicators()) {
            if (indicator.source() == Indicator.Source.SURVEY) {
                continue;
            }
            List<IndicatorData> own = data.stream().filter(d -> d.indicator().equals(indicator.id())).toList();
            Map<String, String> notes = Map.of();
            if (indicator.rollup() == Indicator.Rollup.SUM) {
                Rollup rollup = Rollup.of(indicator, own);
                own = rollup.data();
                notes = rollup.notes();
            }
            Map<String, List<IndicatorData>> series = own.stream()
                    .sorted(Comparator.comparing((IndicatorData d) -> d.unit().orElse("")).thenComparing(byPeriod))
                    .collect(Collectors.groupingBy(d -> d.unit().orElse(""), LinkedHashMap::new, Collectors.toList()));
            Map<String, String> programmeNotes = notes;
            series.forEach((unit, points) -> series(indicator, unit, points, unit.isEmpty() ? programmeNotes : Map.of()));
        }
    }

    /** The programme-to-date row of every series first, then every series period by period. */
    List<KpiRow> rows() {
        List<KpiRow> all = new ArrayList<>(toDate);
        all.addAll(rows);
        return List.copyOf(all);
    }

    List<KpiChart> charts() {
        return List.copyOf(charts);
    }

    /**
     * The whole programme's figure to date as it stood at {@code end}: the to-date row over the ended periods that
     * ended by then (at the reporting date, the {@link KpiRow#TO_DATE} row itself). Empty for an indicator with no
     * whole-programme series.
     */
    Optional<KpiRow> toDateBy(Indicator indicator, LocalDate end) {
        List<IndicatorData> valued = programme.get(indicator.id());
        if (valued == null) {
            return Optional.empty();
        }
        return Optional.of(toDate(indicator, "", valued.stream()
                .filter(d -> project.evaluation().period(d.period()).map(p -> !p.end().isAfter(end)).orElse(false)).toList(), ""));
    }

    /**
     * "" when the period had ended by the reporting date; else "in progress" and how many of its
     * days had passed. A period id the evaluation does not define (cannot happen after ingest) counts as ended.
     */
    private String status(String periodId) {
        LocalDate asOf = project.evaluation().reportingDate();
        return project.evaluation().period(periodId).filter(p -> !p.endedBy(asOf))
                .map(p -> KpiRow.IN_PROGRESS + ": " + Math.max(0, ChronoUnit.DAYS.between(p.start(), asOf) + 1) + " of "
                        + (ChronoUnit.DAYS.between(p.start(), p.end()) + 1) + " days by the reporting date, figures partial")
                .orElse("");
    }

    private static String basis(Indicator indicator) {
        return indicator.basis().yamlName();
    }

    /**
     * A sample's share of a count, or rate of events per exposure, has an interval; a census has
     * none: its value is what happened.
     */
    private Optional<Interval> interval(Indicator indicator, OptionalLong numerator, OptionalLong denominator) {
        if (indicator.basis() == Indicator.Basis.SAMPLE && numerator.isPresent() && denominator.isPresent()
                && denominator.getAsLong() > 0) {
            return Optional.of(indicator.rate()
                    ? Rates.garwood(numerator.getAsLong(), denominator.getAsLong(), indicator.per(), settings.confidenceLevel())
                    : Proportions.interval(numerator.getAsLong(), denominator.getAsLong(), settings.interval(),
                            settings.confidenceLevel()));
        }
        return Optional.empty();
    }

    /** By the interval where there is one (a sample), else by the value: a census misses a 100% target by one miss. */
    private static Optional<Verdict> verdict(Indicator indicator, OptionalDouble value, OptionalDouble target,
                                             Optional<Interval> interval) {
        if (target.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(interval.isPresent()
                ? Verdict.of(interval.get(), target.getAsDouble(), indicator.direction())
                : Verdict.ofValue(value.getAsDouble(), target.getAsDouble(), indicator.direction()));
    }

    /**
     * The chart that fits the measure: a p chart (or Laney's p') for a share of a count, a c chart
     * for a count, an XmR chart otherwise, its limits clipped to what the measure can take.
     */
    /** The chart's stretches, one per {@code rebase:} stretch (one without a rebase); empty when too short to chart. */
    private Optional<List<RunChart>> chart(Indicator indicator, List<IndicatorData> valued, OptionalDouble target) {
        List<IndicatorData> points = charted(indicator, valued);
        if (points.size() < settings.runCharts().minimumPoints()) {
            return Optional.empty();
        }
        // Each stretch from a rebase period on is charted on its own (at least 2 points a stretch).
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (Period at : indicator.rebase()) {
            for (int i = 0; i < points.size(); i++) {
                Optional<Period> p = project.evaluation().period(points.get(i).period());
                if (p.isPresent() && !p.get().start().isBefore(at.start())) {
                    if (i - starts.get(starts.size() - 1) >= 2 && points.size() - i >= 2) {
                        starts.add(i);
                    }
                    break;
                }
            }
        }
        starts.add(points.size());
        List<RunChart> stretches = new ArrayList<>();
        for (int s = 0; s + 1 < starts.size(); s++) {
            stretch(indicator, points.subList(starts.get(s), starts.get(s + 1)), target, starts.size() > 2)
                    .ifPresent(stretches::add);
        }
        return stretches.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(stretches));
    }

    private Optional<RunChart> stretch(Indicator indicator, List<IndicatorData> points, OptionalDouble target, boolean rebased) {
        List<String> periods = points.stream().map(IndicatorData::period).toList();
        List<Double> values = points.stream().map(d -> d.value().getAsDouble()).toList();
        SpcRules rules = new SpcRules(settings.runCharts().shiftLength(), settings.runCharts().trendLength(),
                rebased ? 2 : settings.runCharts().minimumPoints(), settings.runCharts().laney(), indicator.baselinePoints());
        if (!indicator.cumulative() && !points.isEmpty() && points.stream().allMatch(d -> d.numerator().isPresent()
                && d.denominator().isPresent() && d.denominator().getAsLong() > 0)) {
            List<Long> numerators = points.stream().map(d -> d.numerator().getAsLong()).toList();
            List<Long> denominators = points.stream().map(d -> d.denominator().getAsLong()).toList();
            return indicator.rate()
                    ? RunChart.rate(periods, numerators, denominators, indicator.per(), target, indicator.direction(), rules)
                    : RunChart.proportion(periods, numerators, denominators, target, indicator.direction(), rules);
        }
        if (indicator.unit().equals("count") && values.stream().allMatch(v -> v >= 0 && v == Math.rint(v))) {
            return RunChart.counts(periods, values, target, indicator.direction(), rules);
        }
        return RunChart.xmr(periods, values, bounds(indicator), target, indicator.direction(), rules);
    }

    /** What the measure can take: a share 0 to 1, a score anything, the rest (days, amounts, ratios) 0 or more. */
    static RunChart.Bounds bounds(Indicator indicator) {
        if (indicator.cumulative()) {
            return indicator.unit().equals("count") ? RunChart.Bounds.NON_NEGATIVE : RunChart.Bounds.NONE;
        }
        return switch (indicator.unit()) {
            case "share" -> RunChart.Bounds.SHARE;
            case "score" -> RunChart.Bounds.NONE;
            default -> RunChart.Bounds.NON_NEGATIVE;
        };
    }

    /**
     * The points a run chart is drawn from: the values, or for a running total what each period
     * added to the one before. The first period of a running total has no total before it to take
     * away (what it holds may have built up before the series starts), so its increments start at
     * the second period.
     */
    static List<IndicatorData> charted(Indicator indicator, List<IndicatorData> valued) {
        if (!indicator.cumulative()) {
            return valued;
        }
        List<IndicatorData> increments = new ArrayList<>(Math.max(0, valued.size() - 1));
        for (int i = 1; i < valued.size(); i++) {
            IndicatorData d = valued.get(i);
            increments.add(new IndicatorData(d.indicator(), d.period(), d.unit(),
                    OptionalDouble.of(d.value().getAsDouble() - valued.get(i - 1).value().getAsDouble()), OptionalLong.empty(),
                    OptionalLong.empty(), d.target(), d.categories(), d.evidence()));
        }
        return increments;
    }

    /**
     * The series to date, by the indicator's {@link Indicator.ToDate} rule. Pooled: a share's (or
     * rate's) numerators and denominators over the ended periods (judged as any period is), a
     * count's total (the target is per period, so no verdict); a value-only measure of another
     * kind (a ratio, a median, a mean) cannot be pooled without its counts and has no figure.
     * Latest: a running total's, or a level's, latest ended value, judged against the target.
     * None: no figure, and why.
     */
    private KpiRow toDate(Indicator indicator, String unit, List<IndicatorData> ended, String assurance) {
        OptionalDouble target = indicator.target();
        OptionalLong numerator = OptionalLong.empty();
        OptionalLong denominator = OptionalLong.empty();
        OptionalDouble value = OptionalDouble.empty();
        Optional<Interval> interval = Optional.empty();
        Optional<Verdict> verdict = Optional.empty();
        String status;
        String span = ended.isEmpty() ? "" : ended.size() + (ended.size() == 1 ? " ended period, " : " ended periods, ")
                + ended.get(0).period() + (ended.size() == 1 ? "" : " to " + ended.get(ended.size() - 1).period());
        Indicator.ToDate rule = indicator.toDateRule();
        if (ended.isEmpty()) {
            status = "to date: no period with a value has ended yet";
        } else if (rule == Indicator.ToDate.NONE) {
            status = "to date: no figure; declared to_date: none, as its periods do not add up (see each period)";
            target = OptionalDouble.empty();
        } else if (rule == Indicator.ToDate.LATEST) {
            IndicatorData latest = ended.get(ended.size() - 1);
            value = latest.value();
            numerator = latest.numerator();
            denominator = latest.denominator();
            interval = interval(indicator, numerator, denominator);
            verdict = verdict(indicator, value, target, interval);
            status = indicator.cumulative() ? "to date: the running total at the end of " + latest.period()
                    : "to date: the latest ended period, " + latest.period() + " (declared to_date: latest: a level,"
                    + " which does not add up across periods)";
        } else if (ended.stream().allMatch(d -> d.numerator().isPresent() && d.denominator().isPresent())) {
            long x = ended.stream().mapToLong(d -> d.numerator().getAsLong()).sum();
            long n = ended.stream().mapToLong(d -> d.denominator().getAsLong()).sum();
            numerator = OptionalLong.of(x);
            denominator = OptionalLong.of(n);
            value = n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n * indicator.per());
            interval = interval(indicator, numerator, denominator);
            verdict = verdict(indicator, value, target, interval);
            status = "to date: numerators and denominators pooled over " + span;
        } else if (indicator.unit().equals("count")) {
            value = OptionalDouble.of(ended.stream().mapToDouble(d -> d.value().getAsDouble()).sum());
            status = "to date: the total over " + span + (target.isPresent() ? "; the target is per period, so no verdict" : "");
            target = OptionalDouble.empty();
        } else {
            status = "to date: no figure; a value-only measure (unit: " + indicator.unit() + ") cannot be pooled"
                    + " without its counts (see each period)";
            target = OptionalDouble.empty();
        }
        return new KpiRow(indicator.id(), indicator.label(), indicator.measure(), unit, KpiRow.TO_DATE, status, numerator,
                denominator, value, target, basis(indicator), interval, verdict, OptionalDouble.empty(), "", assurance);
    }

    private void series(Indicator indicator, String unit, List<IndicatorData> points, Map<String, String> notes) {
        // A period in progress is shown, as partial, but never judged, charted or compared.
        List<IndicatorData> valued = points.stream().filter(d -> d.value().isPresent() && status(d.period()).isEmpty()).toList();
        if (unit.isEmpty()) {
            programme.put(indicator.id(), valued);
        }
        OptionalDouble target = indicator.target();
        // A running total only rises: its chart, signals and assurance are of what each period added.
        // The target of a running total is not a target for one period's increment.
        Optional<List<RunChart>> stretches = chart(indicator, valued, indicator.cumulative() ? OptionalDouble.empty() : target);
        Optional<RunChart> chart = stretches.map(RunChart::rebased);
        stretches.ifPresent(s -> charts.add(new KpiChart(indicator.id(), indicator.label(), unit, chart.get(),
                indicator.cumulative(), BeforeAfter.between(indicator.id(), indicator.label(), unit, s,
                        settings.runCharts().shiftLength()))));
        toDate.add(toDate(indicator, unit, valued,
                chart.filter(c -> !indicator.cumulative()).map(c -> c.assurance().label()).orElse("")));
        OptionalDouble previous = OptionalDouble.empty();
        Map<String, Integer> pointOf = new HashMap<>();
        chart.ifPresent(c -> {
            for (int i = 0; i < c.periods().size(); i++) {
                pointOf.put(c.periods().get(i), i);
            }
        });
        for (IndicatorData d : points) {
            OptionalDouble rowTarget = d.target().isPresent() ? d.target() : target;
            String status = status(d.period());
            if (!status.isEmpty()) {
                rows.add(new KpiRow(indicator.id(), indicator.label(), indicator.measure(), unit, d.period(), status,
                        d.numerator(), d.denominator(), d.value(), rowTarget, basis(indicator), Optional.empty(), Optional.empty(),
                        OptionalDouble.empty(), "", ""));
                continue;
            }
            Optional<Interval> interval = interval(indicator, d.numerator(), d.denominator());
            Optional<Verdict> verdict = verdict(indicator, d.value(), rowTarget, interval);
            OptionalDouble change = d.value().isPresent() && previous.isPresent()
                    ? OptionalDouble.of(d.value().getAsDouble() - previous.getAsDouble()) : OptionalDouble.empty();
            String signal = "";
            String assurance = "";
            if (chart.isPresent() && d.value().isPresent()) {
                RunChart c = chart.get();
                signal = pointOf.containsKey(d.period()) ? c.signal(pointOf.get(d.period())) : "";
                assurance = indicator.cumulative() ? "" : c.assurance().label();
            }
            if (d.value().isPresent()) {
                previous = d.value();
            }
            rows.add(new KpiRow(indicator.id(), indicator.label(), indicator.measure(), unit, d.period(),
                    notes.getOrDefault(d.period(), ""), d.numerator(),
                    d.denominator(), d.value(), rowTarget, basis(indicator), interval, verdict, change, signal, assurance));
        }
    }
}
