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
 */
public record Assessment(String node, String label, Stage stage, String period, Grade grade, Rubric.Rule rule,
                         int supportingMethods, int supporting, int contradicting, List<EvidenceItem> items,
                         java.util.Optional<ContributionTracing.Result> tracing) {
    public Assessment {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(rule, "rule");
        items = List.copyOf(items);
        Objects.requireNonNull(tracing, "tracing");
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
