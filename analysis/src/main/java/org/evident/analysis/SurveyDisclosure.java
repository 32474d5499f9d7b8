package org.evident.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evident.ingest.SurveyItemCounts;
import org.evident.toc.SurveyItem;

/**
 * Which counts of one survey item in one wave may be published, for the whole wave and every group
 * together: the categories, the base and the positive count of each, as the rule prints them.
 *
 * <p>Each group's categories are first suppressed as one row with the base as its total
 * ({@link SuppressionRule#apply}); the positive count is hidden when it is small itself. Then the sums
 * a reader can form are checked: the categories add up to the base (not for a multi-select item), the
 * positive categories to the positive count, the other categories to the base less the positive count,
 * and the groups of one breakdown to the whole wave. Under a rule that prints exact counts, those sums can
 * give a hidden count back (one hidden member in a sum, or hidden members that must each be 1), so the
 * published counts are audited as a reader would work them and more are hidden until none can be
 * worked out ({@link #audit}). Under the NHS rule every shown count is rounded to 5, so a sum only bounds a hidden count
 * within a range of several values: the row's own secondary suppression is kept as it was, and the
 * positive count is hidden, as before, when it or the rest of the base is small.
 */
final class SurveyDisclosure {
    /** One group's counts as published: each category, the base and the positive count, a number or the mark. */
    record Shown(List<String> cells, List<Boolean> hidden, String base, String positive) {
    }

    private SurveyDisclosure() {
    }

    /** The published counts of {@code groups} (the whole wave first or anywhere, then its breakdowns), in their order. */
    static List<Shown> plan(SuppressionRule rule, SurveyItem item, List<SurveyItemCounts> groups) {
        boolean positiveRow = item.type() != SurveyItem.Type.MULTI_SELECT && !item.positive().isEmpty();
        boolean additive = item.type() != SurveyItem.Type.MULTI_SELECT;
        List<List<Member>> sums = new ArrayList<>();
        List<Member[]> perGroup = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (SurveyItemCounts c : groups) {
            Suppressed row = rule.apply(List.copyOf(c.counts().values()), c.base());
            boolean whole = c.group().isEmpty();
            List<String> keys = List.copyOf(c.counts().keySet());
            Member[] m = new Member[keys.size() + 2];
            Member base = new Member(c.base(), !Suppressed.number(row.total()).isPresent(), whole ? 5 : 2, null);
            for (int i = 0; i < keys.size(); i++) {
                m[i] = new Member(c.counts().get(keys.get(i)), row.hidden().get(i), whole ? 3 : 0, base);
            }
            m[keys.size()] = base;
            // Under rounding, the positive count and the rest are a row of two with the base as total, as before,
            // so a small rest hides the positive count; with exact counts the sums below decide.
            boolean positiveHidden = rule.rounds()
                    ? rule.apply(List.of(c.positive(), c.base() - c.positive()), c.base()).hidden().get(0)
                    : rule.isSmall(c.positive());
            m[keys.size() + 1] = new Member(c.positive(), positiveHidden, whole ? 4 : 1, base);
            perGroup.add(m);
            index.put(c.group(), perGroup.size() - 1);
            List<Member> categories = List.of(m).subList(0, keys.size());
            if (additive && categories.stream().mapToLong(x -> x.value).sum() == c.base()) {
                sums.add(with(m[keys.size()], categories));
                if (positiveRow) {
                    List<Member> positive = new ArrayList<>();
                    List<Member> others = new ArrayList<>(List.of(m[keys.size() + 1]));
                    for (int i = 0; i < keys.size(); i++) {
                        (item.positive().contains(keys.get(i)) ? positive : others).add(m[i]);
                    }
                    sums.add(with(m[keys.size() + 1], positive));
                    sums.add(with(m[keys.size()], others));
                }
            }
        }
        // The groups of one breakdown add up to the whole wave, member by member, where they do in the data.
        Integer whole = index.get("");
        if (whole != null) {
            Map<String, List<Integer>> breakdowns = new LinkedHashMap<>();
            index.forEach((group, i) -> {
                int colon = group.indexOf(": ");
                if (colon > 0) {
                    breakdowns.computeIfAbsent(group.substring(0, colon), k -> new ArrayList<>()).add(i);
                }
            });
            Member[] total = perGroup.get(whole);
            for (List<Integer> parts : breakdowns.values()) {
                for (int j = 0; j < total.length; j++) {
                    List<Member> list = new ArrayList<>();
                    for (int i : parts) {
                        list.add(perGroup.get(i)[j]);
                    }
                    if (list.stream().mapToLong(x -> x.value).sum() == total[j].value) {
                        sums.add(with(total[j], list));
                    }
                }
            }
        }
        if (!rule.rounds()) {
            audit(sums, rule);
        }
        List<Shown> shown = new ArrayList<>();
        for (Member[] m : perGroup) {
            List<String> cells = new ArrayList<>();
            List<Boolean> hidden = new ArrayList<>();
            for (int i = 0; i < m.length - 2; i++) {
                cells.add(m[i].hidden ? rule.mark() : rule.show(m[i].value));
                hidden.add(m[i].hidden);
            }
            Member base = m[m.length - 2];
            Member positive = m[m.length - 1];
            shown.add(new Shown(cells, hidden, base.hidden ? rule.mark() : rule.show(base.value),
                    positive.hidden ? rule.mark() : rule.show(positive.value)));
        }
        return shown;
    }

    /**
     * Reads the published counts as a reader would, and hides more until no hidden count can be worked
     * out: each hidden count is at least 1 (zero is never hidden) and at most its base (a hidden base,
     * hidden for being small, at most the rule's largest hidden count); every sum narrows its members by
     * interval arithmetic until nothing changes. A hidden count narrowed to one value is protected by
     * hiding another member of a sum it is in: a group's category before its positive count, before its
     * base, before the whole wave's counts; the smallest first.
     */
    private static void audit(List<List<Member>> sums, SuppressionRule rule) {
        java.util.Set<Member> all = new java.util.LinkedHashSet<>();
        sums.forEach(all::addAll);
        all.stream().filter(x -> x.base == null && x.hidden).forEach(x -> x.smallBase = true);
        // No count is above the largest base (the whole wave's), which a reader can see or bound.
        long cap = all.stream().filter(x -> x.base == null).mapToLong(x -> x.value).max().orElse(0);
        java.util.Set<Member> unfixable = new java.util.HashSet<>();
        while (true) {
            for (Member x : all) {
                Member base = x.base == null ? x : x.base;
                x.lo = x.hidden ? 1 : x.value;
                x.hi = !x.hidden ? x.value : !base.hidden ? base.value : base.smallBase ? rule.largest() : cap;
            }
            boolean changed = true;
            for (int round = 0; changed && round < 1000; round++) {
                changed = false;
                for (List<Member> sum : sums) {
                    Member total = sum.get(0);
                    List<Member> parts = sum.subList(1, sum.size());
                    long lo = parts.stream().mapToLong(x -> x.lo).sum();
                    long hi = parts.stream().mapToLong(x -> x.hi).sum();
                    changed |= total.narrow(lo, hi);
                    for (Member part : parts) {
                        changed |= part.narrow(total.lo - (hi - part.hi), total.hi - (lo - part.lo));
                    }
                }
            }
            Member pinned = all.stream().filter(x -> x.hidden && x.lo == x.hi && !unfixable.contains(x)).findFirst().orElse(null);
            if (pinned == null) {
                return;
            }
            Member next = sums.stream().filter(sum -> sum.contains(pinned)).flatMap(List::stream)
                    .filter(x -> !x.hidden && x.value > 0)
                    .min(java.util.Comparator.<Member>comparingInt(x -> x.rank).thenComparingLong(x -> x.value))
                    .orElse(null);
            if (next == null) {
                // Every other member of its sums is hidden or zero (a group of a few people whose answers are
                // all hidden already): nothing left to hide that would help.
                unfixable.add(pinned);
            } else {
                next.hidden = true;
            }
        }
    }

    private static List<Member> with(Member total, List<Member> parts) {
        List<Member> sum = new ArrayList<>();
        sum.add(total);
        sum.addAll(parts);
        return sum;
    }

    /** A count that a reader may see; rank orders which to hide first (group categories first, whole-wave base last). */
    private static final class Member {
        final long value;
        boolean hidden;
        final int rank;
        /** The group's base, for a category or positive count; null for a base. */
        final Member base;
        /** A base hidden for being small, so at most the rule's largest hidden count. */
        boolean smallBase;
        long lo;
        long hi;

        Member(long value, boolean hidden, int rank, Member base) {
            this.value = value;
            this.hidden = hidden;
            this.rank = rank;
            this.base = base;
        }

        /** Keeps the range within lo..hi; true when it shrank. */
        boolean narrow(long low, long high) {
            boolean changed = false;
            if (low > lo) {
                lo = low;
                changed = true;
            }
            if (high < hi) {
                hi = high;
                changed = true;
            }
            return changed;
        }
    }
}
