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
import java.util.Set;
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
    private final List<KpiRow> rows = new ArrayList<>();
    private final List<KpiChart> charts = new ArrayList<>();

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
            Map<String, List<IndicatorData>> series = data.stream().filter(d -> d.indicator().equals(indicator.id()))
                    .sorted(Comparator.comparing((IndicatorData d) -> d.unit().orElse("")).thenComparing(byPeriod))
                    .collect(Collectors.groupingBy(d -> d.unit().orElse(""), LinkedHashMap::new, Collectors.toList()));
            series.forEach((unit, points) -> series(indicator, unit, points));
        }
    }

    List<KpiRow> rows() {
        return List.copyOf(rows);
    }

    List<KpiChart> charts() {
        return List.copyOf(charts);
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

    /** A sample's share of a count has an interval; a census has none: its value is what happened. */
    private Optional<Interval> interval(Indicator indicator, OptionalLong numerator, OptionalLong denominator) {
        if (indicator.basis() == Indicator.Basis.SAMPLE && numerator.isPresent() && denominator.isPresent()
                && denominator.getAsLong() > 0) {
            return Optional.of(Proportions.interval(numerator.getAsLong(), denominator.getAsLong(), settings.interval(),
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
     * The values a run chart is drawn from: the values, or for a running total the increments,
     * taken from zero before the first period.
     */
    static List<Double> charted(Indicator indicator, List<IndicatorData> valued) {
        List<Double> values = new ArrayList<>(valued.size());
        double before = 0;
        for (IndicatorData d : valued) {
            double v = d.value().getAsDouble();
            values.add(indicator.cumulative() ? v - before : v);
            before = v;
        }
        return values;
    }

    private void series(Indicator indicator, String unit, List<IndicatorData> points) {
        // A period in progress is shown, as partial, but never judged, charted or compared.
        List<IndicatorData> valued = points.stream().filter(d -> d.value().isPresent() && status(d.period()).isEmpty()).toList();
        OptionalDouble target = indicator.target();
        // A running total only rises: its chart, signals and assurance are of what each period added.
        // The target of a running total is not a target for one period's increment.
        Optional<RunChart> chart = RunChart.of(valued.stream().map(IndicatorData::period).toList(),
                charted(indicator, valued), indicator.cumulative() ? OptionalDouble.empty() : target, indicator.direction(),
                new SpcRules(settings.runCharts().shiftLength(), settings.runCharts().trendLength(),
                        settings.runCharts().minimumPoints()));
        chart.ifPresent(c -> charts.add(new KpiChart(indicator.id(), indicator.label(), unit, c, indicator.cumulative())));
        OptionalDouble previous = OptionalDouble.empty();
        int index = 0;
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
                Set<RunChart.SpecialCause> causes = c.signals().get(index);
                if (!causes.isEmpty()) {
                    signal = c.readings().get(index).label() + ": " + causes.stream().sorted()
                            .map(RunChart.SpecialCause::label).collect(Collectors.joining("; "));
                }
                assurance = indicator.cumulative() ? "" : c.assurance().label();
            }
            if (d.value().isPresent()) {
                previous = d.value();
                index++;
            }
            rows.add(new KpiRow(indicator.id(), indicator.label(), indicator.measure(), unit, d.period(), "", d.numerator(),
                    d.denominator(), d.value(), rowTarget, basis(indicator), interval, verdict, change, signal, assurance));
        }
    }
}
