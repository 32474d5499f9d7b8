package org.evident.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.evident.toc.Grade;
import org.evident.toc.Rubric;
import org.evident.toc.Stage;

/**
 * The evidence grade of one outcome (or impact) at one period, with everything needed to check it by hand:
 * the rule that fired, the counts it looked at, and the evidence items behind them.
 *
 * @param period             the assessment period; evidence counts if it was collected (or, without a date
 *                           collected, its period ended) by this one's end
 * @param status             "" for a period ended by the reporting date; for one still in progress,
 *                           {@link #IN_PROGRESS} and how much of it had passed: the grade is of the evidence so far
 * @param grade              the rubric's grade; empty when there is no evidence at all by the period's end
 *                           ({@link Grade#NOT_YET_ASSESSED}, which is not a grade)
 * @param rule               the rule that gave the grade; {@link #NOT_ASSESSED} when there is none
 * @param supportingMethods  the methods whose supporting items weigh one full item or more
 * @param supporting         the supporting items' weights summed (with half of each mixed finding's, by default)
 * @param contradicting      the contradicting items' weights summed (likewise)
 * @param tracing            contribution tracing over the findings that record tests, if any do
 * @param restsOn            leave one out: each item without which the grade would fall, with the grade it
 *                           would fall to; empty when no single item holds the grade up
 */
public record Assessment(String node, String label, Stage stage, String period, String status, Optional<Grade> grade,
                         Rubric.Rule rule, int supportingMethods, double supporting, double contradicting,
                         List<EvidenceItem> items, Optional<ContributionTracing.Result> tracing, List<Pivot> restsOn) {
    /** The start of the status of a period not ended by the reporting date. */
    public static final String IN_PROGRESS = KpiRow.IN_PROGRESS;

    /** The "rule" of an outcome with no evidence yet: no rule of the rubric is tried, and its grade is not used. */
    public static final Rubric.Rule NOT_ASSESSED = new Rubric.Rule("not-yet-assessed", Grade.LIMITED,
            "No evidence about it had been collected by the end of the period, so it is not graded yet.",
            Rubric.Conditions.ALWAYS);

    public Assessment {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(rule, "rule");
        items = List.copyOf(items);
        Objects.requireNonNull(tracing, "tracing");
        restsOn = List.copyOf(restsOn);
        if (grade.isEmpty() != (rule == NOT_ASSESSED)) {
            throw new IllegalArgumentException("an outcome is not yet assessed exactly when no rule was tried: " + node + " "
                    + period);
        }
    }

    /** A graded assessment of an ended period whose robustness was not tested (no item is recorded as holding the grade up). */
    public Assessment(String node, String label, Stage stage, String period, Grade grade, Rubric.Rule rule,
                      int supportingMethods, int supporting, int contradicting, List<EvidenceItem> items,
                      Optional<ContributionTracing.Result> tracing) {
        this(node, label, stage, period, "", Optional.of(grade), rule, supportingMethods, supporting, contradicting, items,
                tracing, List.of());
    }

    /** Whether any evidence had been collected by the period's end, so that the outcome has a grade. */
    public boolean assessed() {
        return grade.isPresent();
    }

    /** The grade's label, or "Not yet assessed". */
    public String gradeLabel() {
        return Grade.labelOf(grade);
    }

    /**
     * An item the grade rests on: with every other item kept and this one left out, the rubric gives {@code without},
     * a lower grade, or none when it was the only item (not yet assessed).
     */
    public record Pivot(EvidenceItem item, Optional<Grade> without) {
        public Pivot {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(without, "without");
        }

        /** "F-012 (case-study-interviews)". */
        public String name() {
            return item.id() + " (" + item.method() + ")";
        }
    }

    /** The items the grade rests on, "; "-joined: "F-012 (case-study-interviews)"; blank when none. */
    public String restsOnText() {
        return restsOn.stream().map(Pivot::name).collect(Collectors.joining("; "));
    }

    /** One sentence on leave-one-out robustness, e.g. "rests on F-012 (case-study-interviews): without it, Limited or no evidence". */
    public String robustness() {
        if (!assessed()) {
            return "robustness: not yet assessed";
        }
        if (items.isEmpty()) {
            return "robustness: no evidence to leave out";
        }
        if (restsOn.isEmpty()) {
            return "robustness: no single item holds the grade up (leaving out any one item keeps it)";
        }
        return "robustness: rests on " + restsOn.stream().map(p -> p.name() + " (without it, " + Grade.labelOf(p.without()) + ")")
                .collect(Collectors.joining("; "));
    }

    /** The contribution-tracing posterior, when findings record tests. */
    public OptionalDouble posterior() {
        return tracing.map(t -> OptionalDouble.of(t.posterior())).orElse(OptionalDouble.empty());
    }

    /** The supporting weight, as written: "2", "1.5". */
    public String supportingText() {
        return Rubric.Weights.number(supporting);
    }

    /** The contradicting weight, as written. */
    public String contradictingText() {
        return Rubric.Weights.number(contradicting);
    }

    /** The methods behind the supporting items, "; "-joined in first-seen order. */
    public String methods() {
        return items.stream().filter(EvidenceItem::supports).map(EvidenceItem::method).distinct()
                .collect(Collectors.joining("; "));
    }

    /** The explanation `evident explain` prints and the report footnotes. */
    public String explain() {
        StringBuilder out = new StringBuilder();
        out.append(label).append(" (").append(node).append("), ").append(period).append(": ").append(gradeLabel()).append('\n');
        if (!status.isEmpty()) {
            out.append(status).append('\n');
        }
        if (!assessed()) {
            out.append(rule.text()).append('\n');
            return out.toString();
        }
        out.append("rule '").append(rule.id()).append("' (").append(rule.when().describe()).append("): ").append(rule.text())
                .append('\n');
        long mixedOrInconclusive = items.stream().filter(i -> !i.supports() && !i.contradicts()).count();
        out.append("counts (items weighted): ").append(supportingText()).append(" supporting from ").append(supportingMethods)
                .append(supportingMethods == 1 ? " method" : " methods").append(", ").append(contradictingText())
                .append(" contradicting; ").append(mixedOrInconclusive).append(" mixed or inconclusive\n");
        out.append(robustness()).append('\n');
        tracing.ifPresent(t -> {
            out.append(String.format(java.util.Locale.ROOT, "contribution tracing: prior %.3f, posterior %.3f%n", t.prior(),
                    t.posterior()));
            for (ContributionTracing.Update u : t.updates()) {
                out.append(String.format(java.util.Locale.ROOT,
                        "  %s %s: Se %.3f, type I error %.3f, likelihood ratio %.3f, posterior %.3f%n", u.findingId(),
                        u.direction().label(), u.sensitivity(), u.typeOneError(), u.likelihoodRatio(), u.posterior()));
            }
        });
        if (items.isEmpty()) {
            out.append("evidence: none\n");
        }
        for (EvidenceItem item : items) {
            out.append("  ").append(item.summary()).append(", ").append(item.period())
                    .append(item.detail().isEmpty() ? "" : ": " + item.detail()).append('\n');
        }
        return out.toString();
    }
}
