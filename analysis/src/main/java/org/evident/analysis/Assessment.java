package org.evident.analysis;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.evident.toc.Grade;
import org.evident.toc.Rubric;
import org.evident.toc.Stage;

/**
 * The evidence grade of one outcome at one period, with everything needed to check it by hand:
 * the rule that fired, the counts it looked at, and the evidence items behind them.
 *
 * @param period             the assessment period; evidence counts if its period ended by this one's end
 * @param supportingMethods  the distinct methods among the supporting items
 * @param tracing            contribution tracing over the findings that record tests, if any do
 * @param restsOn            leave one out: each item without which the grade would fall, with the grade it
 *                           would fall to; empty when no single item holds the grade up
 */
public record Assessment(String node, String label, Stage stage, String period, Grade grade, Rubric.Rule rule,
                         int supportingMethods, int supporting, int contradicting, List<EvidenceItem> items,
                         java.util.Optional<ContributionTracing.Result> tracing, List<Pivot> restsOn) {
    public Assessment {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(rule, "rule");
        items = List.copyOf(items);
        Objects.requireNonNull(tracing, "tracing");
        restsOn = List.copyOf(restsOn);
    }

    /** An assessment whose robustness was not tested (no item is recorded as holding the grade up). */
    public Assessment(String node, String label, Stage stage, String period, Grade grade, Rubric.Rule rule,
                      int supportingMethods, int supporting, int contradicting, List<EvidenceItem> items,
                      java.util.Optional<ContributionTracing.Result> tracing) {
        this(node, label, stage, period, grade, rule, supportingMethods, supporting, contradicting, items, tracing, List.of());
    }

    /**
     * An item the grade rests on: with every other item kept and this one left out, the rubric gives {@code without},
     * a lower grade.
     */
    public record Pivot(EvidenceItem item, Grade without) {
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
        if (items.isEmpty()) {
            return "robustness: no evidence to leave out";
        }
        if (restsOn.isEmpty()) {
            return "robustness: no single item holds the grade up (leaving out any one item keeps it)";
        }
        return "robustness: rests on " + restsOn.stream().map(p -> p.name() + " (without it, " + p.without().label() + ")")
                .collect(Collectors.joining("; "));
    }

    /** The contribution-tracing posterior, when findings record tests. */
    public OptionalDouble posterior() {
        return tracing.map(t -> OptionalDouble.of(t.posterior())).orElse(OptionalDouble.empty());
    }

    /** The methods behind the supporting items, "; "-joined in first-seen order. */
    public String methods() {
        return items.stream().filter(EvidenceItem::supports).map(EvidenceItem::method).distinct()
                .collect(Collectors.joining("; "));
    }

    /** The explanation `evident explain` prints and the report footnotes. */
    public String explain() {
        StringBuilder out = new StringBuilder();
        out.append(label).append(" (").append(node).append("), ").append(period).append(": ").append(grade.label()).append('\n');
        out.append("rule '").append(rule.id()).append("' (").append(rule.when().describe()).append("): ").append(rule.text())
                .append('\n');
        out.append("counts: ").append(supporting).append(" supporting from ").append(supportingMethods)
                .append(supportingMethods == 1 ? " method" : " methods").append(", ").append(contradicting)
                .append(" contradicting, ").append(items.size() - supporting - contradicting).append(" mixed or inconclusive\n");
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
