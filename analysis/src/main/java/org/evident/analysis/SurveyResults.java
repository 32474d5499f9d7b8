package org.evident.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                if (item.type() == SurveyItem.Type.FREE_TEXT) {
                    continue;
                }
                List<SurveyItemCounts> groups = counts.stream()
                        .filter(c -> c.source().equals(wave.id()) && c.item().equals(item.id())).toList();
                // What may be published is decided for the whole wave and its groups together, as a reader
                // can add the groups up to the whole wave.
                List<SurveyDisclosure.Shown> shown = SurveyDisclosure.plan(suppression, item, groups);
                for (int i = 0; i < groups.size(); i++) {
                    rows.addAll(item(wave, item, groups.get(i), shown.get(i)));
                }
            }
        }
        return rows;
    }

    private List<SurveyRow> item(Source wave, SurveyItem item, SurveyItemCounts c, SurveyDisclosure.Shown shown) {
        List<String> keys = List.copyOf(c.counts().keySet());
        OptionalLong base = Suppressed.number(shown.base());
        List<SurveyRow> rows = new ArrayList<>();
        boolean multi = item.type() == SurveyItem.Type.MULTI_SELECT;
        for (int i = 0; i < keys.size(); i++) {
            boolean hidden = shown.hidden().get(i);
            Optional<Indicator> indicator = multi ? indicatorFor(keys.get(i)) : Optional.empty();
            rows.add(row(wave, c.group(), item, optionLabel(item, keys.get(i)), false, base,
                    hidden ? OptionalLong.empty() : Suppressed.number(shown.cells().get(i)), hidden ? shown.cells().get(i) : "",
                    c.counts().get(keys.get(i)), c.base(), indicator, OptionalDouble.empty()));
        }
        if (!multi && !item.positive().isEmpty()) {
            OptionalLong positive = Suppressed.number(shown.positive());
            OptionalDouble net = OptionalDouble.empty();
            if (item.type() == SurveyItem.Type.AGREEMENT && base.isPresent() && base.getAsLong() > 0 && positive.isPresent()) {
                // Top two minus bottom two over the base, from the counts as published: a share like any other.
                List<String> labels = item.labels();
                OptionalLong disagree = Suppressed.number(shown.cells().get(keys.indexOf(labels.get(labels.size() - 2))));
                OptionalLong strongly = Suppressed.number(shown.cells().get(keys.indexOf(labels.get(labels.size() - 1))));
                if (disagree.isPresent() && strongly.isPresent()) {
                    net = OptionalDouble.of((double) (positive.getAsLong() - (disagree.getAsLong() + strongly.getAsLong()))
                            / base.getAsLong());
                }
            }
            rows.add(row(wave, c.group(), item, String.join(" + ", item.positive()), true, base, positive,
                    positive.isPresent() ? "" : shown.positive(), c.positive(), c.base(), indicatorFor(item.id()), net));
        }
        return rows;
    }

    /**
     * One line. Its share, interval and p-value come from the count and base as published (rounded, under
     * the NHS rule; NHS Digital's method for HES derives percentages from the rounded numerator and
     * denominator), so that they give back nothing the counts do not; a line whose count or base is
     * hidden has none. The verdict, three words that cannot give a count away, is judged on the true
     * counts {@code x} of {@code n}, so that the grading does not depend on how the tables are printed.
     */
    private SurveyRow row(Source wave, String group, SurveyItem item, String option, boolean positive, OptionalLong base,
                          OptionalLong count, String mark, long x, long n,
                          Optional<Indicator> indicator, OptionalDouble net) {
        String period = wave.period().orElse("");
        if (count.isEmpty() || base.isEmpty() || base.getAsLong() == 0) {
            return new SurveyRow(wave.id(), period, group, item.id(), option, positive, base, count, mark, OptionalDouble.empty(),
                    Optional.empty(), OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    base.isPresent() && base.getAsLong() == 0 ? "nobody in the base" : "suppressed", Optional.empty());
        }
        long shownX = count.getAsLong();
        long shownN = base.getAsLong();
        Interval interval = interval(wave, shownX, shownN);
        String method = method(wave, shownN) + (suppression.rounds() ? ", of the counts rounded to 5" : "");
        OptionalDouble threshold = indicator.map(Indicator::target).orElse(OptionalDouble.empty());
        Optional<Verdict> verdict = Optional.empty();
        OptionalDouble p = OptionalDouble.empty();
        if (threshold.isPresent()) {
            Indicator.Direction direction = indicator.get().direction();
            verdict = Optional.of(Verdict.of(interval(wave, x, n), threshold.getAsDouble(), direction));
            p = OptionalDouble.of(direction == Indicator.Direction.HIGHER
                    ? Proportions.pValueAbove(shownX, shownN, threshold.getAsDouble())
                    : Proportions.pValueBelow(shownX, shownN, threshold.getAsDouble()));
        }
        return new SurveyRow(wave.id(), period, group, item.id(), option, positive, base, count, mark,
                OptionalDouble.of((double) shownX / shownN), Optional.of(interval), threshold, verdict, net, p, method,
                threshold.isPresent() && group.isEmpty() ? indicator.map(Indicator::id) : Optional.empty());
    }

    /** The finite-population interval where the wave declares a population at least n, else the configured one. */
    private Interval interval(Source wave, long x, long n) {
        return finite(wave, n)
                ? Proportions.finitePopulation(x, n, wave.population().getAsLong(), settings.confidenceLevel())
                : Proportions.interval(x, n, settings.interval(), settings.confidenceLevel());
    }

    private String method(Source wave, long n) {
        return finite(wave, n)
                ? "finite population of " + wave.population().getAsLong() + " (hypergeometric) " + percent()
                : settings.interval().yamlName() + " " + percent();
    }

    private static boolean finite(Source wave, long n) {
        return wave.population().isPresent() && wave.population().getAsLong() >= n;
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
