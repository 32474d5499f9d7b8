package org.evident.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.evident.ingest.SurveyItemCounts;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.Settings;
import org.evident.toc.Source;
import org.evident.toc.SurveyItem;

/** Per item per wave: counts and shares per category, the positive share, its interval and verdict. */
final class SurveyResults {
    private final EvaluationProject project;
    private final Settings settings;
    private final SuppressionRule suppression;

    SurveyResults(EvaluationProject project) {
        this.project = project;
        this.settings = project.evaluation().settings();
        this.suppression = SuppressionRule.fromYaml(settings.suppression());
    }

    List<SurveyRow> rows(List<SurveyItemCounts> counts) {
        List<SurveyRow> rows = new ArrayList<>();
        for (Source wave : project.evaluation().sources(Source.Type.SURVEY)) {
            for (SurveyItem item : wave.items()) {
                counts.stream().filter(c -> c.source().equals(wave.id()) && c.item().equals(item.id()))
                        .forEach(c -> rows.addAll(item(wave, item, c)));
            }
        }
        return rows;
    }

    private List<SurveyRow> item(Source wave, SurveyItem item, SurveyItemCounts c) {
        if (item.type() == SurveyItem.Type.FREE_TEXT) {
            return List.of();
        }
        // Suppression works on the categories as published, with the base as their total.
        Map<String, Long> categories = new LinkedHashMap<>(c.counts());
        Suppressed shown = suppression.apply(List.copyOf(categories.values()), c.base());
        OptionalLong base = Suppressed.number(shown.total());
        List<SurveyRow> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> e : categories.entrySet()) {
            boolean hidden = shown.hidden().get(i);
            String label = optionLabel(item, e.getKey());
            boolean multi = item.type() == SurveyItem.Type.MULTI_SELECT;
            Optional<Indicator> indicator = multi ? indicatorFor(e.getKey()) : Optional.empty();
            rows.add(row(wave, c.group(), item, label, false, base, hidden ? OptionalLong.empty() : Suppressed.number(shown.cells().get(i)),
                    hidden ? shown.cells().get(i) : "", hidden, e.getValue(), c.base(), indicator, OptionalDouble.empty()));
            i++;
        }
        if (item.type() != SurveyItem.Type.MULTI_SELECT && !item.positive().isEmpty()) {
            OptionalDouble net = OptionalDouble.empty();
            if (item.type() == SurveyItem.Type.AGREEMENT && c.base() > 0) {
                List<String> labels = item.labels();
                long bottom = c.counts().getOrDefault(labels.get(labels.size() - 1), 0L)
                        + c.counts().getOrDefault(labels.get(labels.size() - 2), 0L);
                net = OptionalDouble.of((double) (c.positive() - bottom) / c.base());
            }
            // Positive and the rest as a group of two, so a small "rest" cannot be read off the base.
            Suppressed positive = suppression.apply(List.of(c.positive(), c.base() - c.positive()), c.base());
            boolean hidden = positive.hidden().get(0);
            rows.add(row(wave, c.group(), item, String.join(" + ", item.positive()), true, base,
                    hidden ? OptionalLong.empty() : Suppressed.number(positive.cells().get(0)), hidden ? positive.cells().get(0) : "",
                    hidden, c.positive(), c.base(), indicatorFor(item.id()), net));
        }
        return rows;
    }

    private SurveyRow row(Source wave, String group, SurveyItem item, String option, boolean positive, OptionalLong base,
                          OptionalLong count, String mark, boolean hidden, long x, long n,
                          Optional<Indicator> indicator, OptionalDouble net) {
        String period = wave.period().orElse("");
        if (hidden || n == 0) {
            return new SurveyRow(wave.id(), period, group, item.id(), option, positive, base, count, mark, OptionalDouble.empty(),
                    Optional.empty(), OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    n == 0 ? "nobody in the base" : "suppressed", Optional.empty());
        }
        Interval interval;
        String method;
        if (wave.population().isPresent() && wave.population().getAsLong() >= n) {
            interval = Proportions.finitePopulation(x, n, wave.population().getAsLong(), settings.confidenceLevel());
            method = "finite population of " + wave.population().getAsLong() + " (hypergeometric) " + percent();
        } else {
            interval = Proportions.interval(x, n, settings.interval(), settings.confidenceLevel());
            method = settings.interval().yamlName() + " " + percent();
        }
        OptionalDouble threshold = indicator.map(Indicator::target).orElse(OptionalDouble.empty());
        Optional<Verdict> verdict = Optional.empty();
        OptionalDouble p = OptionalDouble.empty();
        if (threshold.isPresent()) {
            Indicator.Direction direction = indicator.get().direction();
            verdict = Optional.of(Verdict.of(interval, threshold.getAsDouble(), direction));
            p = OptionalDouble.of(direction == Indicator.Direction.HIGHER
                    ? Proportions.pValueAbove(x, n, threshold.getAsDouble())
                    : Proportions.pValueBelow(x, n, threshold.getAsDouble()));
        }
        return new SurveyRow(wave.id(), period, group, item.id(), option, positive, base, count, mark,
                OptionalDouble.of((double) x / n), Optional.of(interval), threshold, verdict, net, p, method,
                threshold.isPresent() && group.isEmpty() ? indicator.map(Indicator::id) : Optional.empty());
    }

    private String percent() {
        double level = settings.confidenceLevel() * 100;
        return (level == Math.rint(level) ? String.valueOf((long) level) : String.format(Locale.ROOT, "%.1f", level)) + "%";
    }

    private Optional<Indicator> indicatorFor(String measure) {
        return project.theoryOfChange().indicators().stream()
                .filter(i -> i.source() == Indicator.Source.SURVEY && i.measure().equals(measure)).findFirst();
    }

    private static String optionLabel(SurveyItem item, String key) {
        return item.options().stream().filter(o -> o.id().equals(key)).map(SurveyItem.Option::label).findFirst().orElse(key);
    }
}
