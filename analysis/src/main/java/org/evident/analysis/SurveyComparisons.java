package org.evident.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.Settings;
import org.evident.toc.Source;
import org.evident.toc.SurveyItem;

/**
 * Survey items compared wave against wave and group against the rest of its wave, from the positive
 * lines of the survey table as published: a hidden count stays hidden, and every count shown is one
 * the survey table shows or the difference of two it shows.
 */
final class SurveyComparisons {
    private final EvaluationProject project;
    private final Settings settings;
    private final SuppressionRule rule;
    /** The positive line of each wave, group and item. */
    private final Map<String, SurveyRow> positive = new LinkedHashMap<>();

    private SurveyComparisons(EvaluationProject project, List<SurveyRow> rows) {
        this.project = project;
        this.settings = project.evaluation().settings();
        this.rule = SuppressionRule.fromYaml(settings.suppression());
        rows.stream().filter(SurveyRow::positive).forEach(r -> positive.put(key(r.wave(), r.group(), r.item()), r));
    }

    /** Each item asked in two waves, each wave against the one before it (in the order of their periods). */
    static List<SurveyChange> changes(EvaluationProject project, List<SurveyRow> rows) {
        return new SurveyComparisons(project, rows).changes();
    }

    /** Each group of each breakdown against the rest of its wave, item by item. */
    static List<SurveyGroupDifference> groupDifferences(EvaluationProject project, List<SurveyRow> rows) {
        return new SurveyComparisons(project, rows).groupDifferences();
    }

    private List<SurveyChange> changes() {
        List<Source> waves = new ArrayList<>(project.evaluation().sources(Source.Type.SURVEY));
        // Stable: waves whose periods start together, or that have none, keep the order they are declared in.
        waves.sort(Comparator.comparing(w -> w.period().flatMap(p -> project.evaluation().period(p))
                .map(p -> p.start()).orElse(LocalDate.MIN)));
        Set<String> items = new LinkedHashSet<>();
        waves.forEach(w -> w.items().stream().filter(SurveyComparisons::hasPositiveShare).forEach(i -> items.add(i.id())));
        List<SurveyChange> changes = new ArrayList<>();
        for (String id : items) {
            Source before = null;
            for (Source wave : waves) {
                Optional<SurveyItem> item = wave.items().stream().filter(i -> i.id().equals(id) && hasPositiveShare(i)).findFirst();
                if (item.isEmpty()) {
                    continue;
                }
                if (before != null) {
                    changes.add(change(before, wave, item.get()));
                }
                before = wave;
            }
        }
        return changes;
    }

    private SurveyChange change(Source from, Source to, SurveyItem item) {
        SurveyItem earlier = from.items().stream().filter(i -> i.id().equals(item.id())).findFirst().orElseThrow();
        SurveyRow a = positive.get(key(from.id(), "", item.id()));
        SurveyRow b = positive.get(key(to.id(), "", item.id()));
        Indicator.Direction better = project.theoryOfChange().indicators().stream()
                .filter(i -> i.source() == Indicator.Source.SURVEY && i.measure().equals(item.id()))
                .map(Indicator::direction).findFirst().orElse(Indicator.Direction.HIGHER);
        ComparedShares.Side first = side(a);
        ComparedShares.Side second = side(b);
        ComparedShares shares;
        if (!earlier.positive().equals(item.positive())) {
            shares = new ComparedShares(first, second, Optional.empty(), better, "not compared: the positive answers differ ("
                    + String.join(" + ", earlier.positive()) + " in " + from.id() + ", " + String.join(" + ", item.positive())
                    + " in " + to.id() + ")", "");
        } else {
            Optional<String> missing = missing(a, from.id()).or(() -> missing(b, to.id()));
            if (missing.isPresent()) {
                shares = new ComparedShares(first, second, Optional.empty(), better, missing.get(), "");
            } else {
                long x1 = b.count().getAsLong();
                long n1 = b.base().getAsLong();
                long x2 = a.count().getAsLong();
                long n2 = a.base().getAsLong();
                Interval interval = DifferenceInterval.combine((double) x1 / n1, interval(to, x1, n1),
                        (double) x2 / n2, interval(from, x2, n2));
                boolean finite = finite(from, n2) || finite(to, n1);
                String method = (finite ? "mover (" + describe(from, n2) + "; " + describe(to, n1) + ")"
                        : "newcombe hybrid score (wilson)") + " " + percent() + rounded();
                shares = new ComparedShares(first, second, Optional.of(interval), better, smallBases(n2, from.id(), n1, to.id()), method);
            }
        }
        return new SurveyChange(item.id(), from.id(), from.period().orElse(""), to.id(), to.period().orElse(""), shares);
    }

    private List<SurveyGroupDifference> groupDifferences() {
        List<SurveyGroupDifference> out = new ArrayList<>();
        for (Source wave : project.evaluation().sources(Source.Type.SURVEY)) {
            for (SurveyItem item : wave.items()) {
                if (!hasPositiveShare(item)) {
                    continue;
                }
                SurveyRow whole = positive.get(key(wave.id(), "", item.id()));
                Map<String, List<SurveyRow>> breakdowns = new LinkedHashMap<>();
                positive.values().stream().filter(r -> r.wave().equals(wave.id()) && r.item().equals(item.id())
                        && !r.group().isEmpty()).forEach(r -> breakdowns.computeIfAbsent(
                                r.group().substring(0, Math.max(0, r.group().indexOf(": "))), k -> new ArrayList<>()).add(r));
                for (List<SurveyRow> groups : breakdowns.values()) {
                    if (groups.size() < 2) {
                        continue; // everyone is in the one group: there is no rest to compare with
                    }
                    for (SurveyRow group : groups) {
                        out.add(new SurveyGroupDifference(wave.id(), wave.period().orElse(""), item.id(), group.group(),
                                groupAgainstRest(whole, group, groups)));
                    }
                }
            }
        }
        return out;
    }

    private ComparedShares groupAgainstRest(SurveyRow whole, SurveyRow group, List<SurveyRow> groups) {
        Indicator.Direction better = Indicator.Direction.HIGHER;
        ComparedShares.Side own = side(group);
        Optional<String> missing = missing(group, "the group").or(() -> missing(whole, "the whole wave"));
        if (missing.isPresent()) {
            return new ComparedShares(ComparedShares.Side.HIDDEN, own, Optional.empty(), better, missing.get(), "");
        }
        List<SurveyRow> others = groups.stream().filter(g -> g != group).toList();
        if (others.size() == 1 && (others.get(0).count().isEmpty() || others.get(0).base().isEmpty())) {
            // The rest is one other group whose counts are hidden: the differences would print them.
            return new ComparedShares(ComparedShares.Side.HIDDEN, own, Optional.empty(), better,
                    "suppressed: the rest is " + others.get(0).group() + ", whose counts are hidden", "");
        }
        long gx = group.count().getAsLong();
        long gn = group.base().getAsLong();
        long restX = whole.count().getAsLong() - gx;
        long restN = whole.base().getAsLong() - gn;
        if (restX < 0 || restN < 0 || restX > restN) {
            return new ComparedShares(ComparedShares.Side.HIDDEN, own, Optional.empty(), better,
                    "not compared: the rest cannot be worked out from the counts rounded to 5", "");
        }
        if (rule.isSmall(restX) || rule.isSmall(restN)) {
            return new ComparedShares(ComparedShares.Side.HIDDEN, own, Optional.empty(), better,
                    "suppressed: the rest's counts are small", "");
        }
        ComparedShares.Side rest = new ComparedShares.Side(OptionalLong.of(restX), OptionalLong.of(restN));
        if (gn == 0 || restN == 0) {
            return new ComparedShares(rest, own, Optional.empty(), better, "nobody in the base of " + (gn == 0 ? "the group" : "the rest"), "");
        }
        return new ComparedShares(rest, own, Optional.of(DifferenceInterval.newcombe(gx, gn, restX, restN, settings.confidenceLevel())),
                better, smallBases(restN, "the rest", gn, "the group"), "newcombe hybrid score (wilson) " + percent() + rounded());
    }

    private static ComparedShares.Side side(SurveyRow row) {
        return row == null ? ComparedShares.Side.HIDDEN : new ComparedShares.Side(row.count(), row.base());
    }

    /** Why a line cannot be compared (its count or base hidden, or an empty base), or empty if it can. */
    private Optional<String> missing(SurveyRow row, String what) {
        if (row == null || row.count().isEmpty() || row.base().isEmpty()) {
            return Optional.of("suppressed: the counts of " + what + " are hidden under the " + rule.yamlName() + " rule");
        }
        return row.base().getAsLong() == 0 ? Optional.of("nobody in the base of " + what) : Optional.empty();
    }

    /** The note for a small base on either side, naming the side: "small base: 12 in the group; ...". */
    private static String smallBases(long first, String firstName, long second, String secondName) {
        List<String> small = new ArrayList<>();
        if (second < ComparedShares.SMALL_BASE) {
            small.add(second + " in " + secondName);
        }
        if (first < ComparedShares.SMALL_BASE) {
            small.add(first + " in " + firstName);
        }
        return small.isEmpty() ? "" : "small base: " + String.join(" and ", small)
                + " (under " + ComparedShares.SMALL_BASE + "): a wide interval";
    }

    /** A wave's interval for its own share: its finite population's where it declares one at least n, else Wilson. */
    private Interval interval(Source wave, long x, long n) {
        return finite(wave, n) ? Proportions.finitePopulation(x, n, wave.population().getAsLong(), settings.confidenceLevel())
                : Proportions.interval(x, n, Settings.IntervalMethod.WILSON, settings.confidenceLevel());
    }

    private static boolean finite(Source wave, long n) {
        return wave.population().isPresent() && wave.population().getAsLong() >= n;
    }

    private static String describe(Source wave, long n) {
        return wave.id() + (finite(wave, n) ? ": finite population of " + wave.population().getAsLong() + ", hypergeometric"
                : ": wilson");
    }

    private String percent() {
        return Tables.intervalHeading(settings.confidenceLevel()).replace(" interval", "");
    }

    private String rounded() {
        return rule.rounds() ? ", of the counts rounded to 5" : "";
    }

    private static boolean hasPositiveShare(SurveyItem item) {
        return item.type() != SurveyItem.Type.MULTI_SELECT && item.type() != SurveyItem.Type.FREE_TEXT && !item.positive().isEmpty();
    }

    private static String key(String wave, String group, String item) {
        return wave + "\u0000" + group + "\u0000" + item;
    }
}
