package org.evident.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.evident.toc.EvidenceKind;
import org.evident.toc.Grade;

/** What changed between assessments: from one period to the next, and since an earlier run. */
public final class EvidenceChanges {
    private EvidenceChanges() {
    }

    /** Changes from each assessment period to the next, per outcome, in node then period order. */
    static List<EvidenceChange> betweenPeriods(List<Assessment> assessments) {
        List<EvidenceChange> changes = new ArrayList<>();
        Map<String, List<Assessment>> byNode = assessments.stream()
                .collect(Collectors.groupingBy(Assessment::node, LinkedHashMap::new, Collectors.toList()));
        for (List<Assessment> series : byNode.values()) {
            for (int i = 1; i < series.size(); i++) {
                changes.addAll(compare(series.get(i - 1), series.get(i)));
            }
        }
        return changes;
    }

    private static List<EvidenceChange> compare(Assessment before, Assessment after) {
        List<EvidenceChange> changes = new ArrayList<>();
        grade(before.node(), after.label(), before.period(), after.period(), before.grade(), after.grade(),
                "rule '" + after.rule().id() + "': " + after.rule().text()).ifPresent(changes::add);
        Map<String, EvidenceItem> earlier = new LinkedHashMap<>();
        before.items().forEach(i -> earlier.put(i.kind() + ":" + i.id(), i));
        List<String> added = new ArrayList<>();
        for (EvidenceItem item : after.items()) {
            EvidenceItem was = earlier.get(item.kind() + ":" + item.id());
            if (was == null) {
                added.add(item.summary());
            } else if (item.kind() == EvidenceKind.INDICATOR && was.direction() != item.direction()) {
                changes.add(new EvidenceChange(after.node(), after.label(), before.period(), after.period(), "verdict changed",
                        item.id() + " " + was.direction().label(), item.id() + " " + item.direction().label(),
                        was.period() + " -> " + item.period() + ": " + item.detail()));
            }
        }
        if (!added.isEmpty()) {
            changes.add(new EvidenceChange(after.node(), after.label(), before.period(), after.period(), "new evidence",
                    before.items().size() + " items", after.items().size() + " items", String.join("; ", added)));
        }
        return changes;
    }

    /**
     * A change of grade. A first grade after "not yet assessed" is not a move up: nothing was known before, so it is
     * "first assessed" (and the reverse, which cumulative evidence only gives when a project's data shrink, "no
     * longer assessed").
     */
    private static Optional<EvidenceChange> grade(String node, String label, String from, String to, Optional<Grade> before,
                                                  Optional<Grade> after, String detail) {
        if (before.equals(after)) {
            return Optional.empty();
        }
        String change = before.isEmpty() ? FIRST_ASSESSED : after.isEmpty() ? "no longer assessed"
                : after.get().compareTo(before.get()) > 0 ? "grade up" : "grade down";
        return Optional.of(new EvidenceChange(node, label, from, to, change, Grade.labelOf(before), Grade.labelOf(after), detail));
    }

    /** The change of an outcome graded for the first time, after "not yet assessed". */
    public static final String FIRST_ASSESSED = "first assessed";

    /**
     * Changes in the latest period's grades since an earlier run's snapshot.
     *
     * @param previous      node id to its grade in the earlier snapshot's latest period (empty: not yet assessed then)
     * @param previousDate  the earlier assessment's reporting date
     */
    public static List<EvidenceChange> since(Map<String, Optional<Grade>> previous, String previousDate,
                                             List<Assessment> assessments) {
        Map<String, Assessment> latest = new LinkedHashMap<>();
        assessments.forEach(a -> latest.put(a.node(), a));
        List<EvidenceChange> changes = new ArrayList<>();
        String from = "assessment of " + previousDate;
        for (Assessment now : latest.values()) {
            Optional<Grade> before = previous.get(now.node());
            if (before == null) {
                changes.add(new EvidenceChange(now.node(), now.label(), from, now.period(), "new outcome", "", now.gradeLabel(),
                        "not graded in the earlier assessment"));
                continue;
            }
            grade(now.node(), now.label(), from, now.period(), before, now.grade(),
                    "rule '" + now.rule().id() + "': " + now.rule().text()).ifPresent(changes::add);
        }
        Set<String> gone = previous.keySet().stream().filter(n -> !latest.containsKey(n)).collect(Collectors.toCollection(java.util.TreeSet::new));
        gone.forEach(n -> changes.add(new EvidenceChange(n, "", from, "", "outcome removed", Grade.labelOf(previous.get(n)), "",
                "no longer in the theory of change")));
        return changes;
    }
}
