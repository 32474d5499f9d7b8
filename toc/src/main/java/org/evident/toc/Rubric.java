package org.evident.toc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The written rule that grades the evidence for an outcome: rules tried in order, the first whose
 * conditions all hold gives the grade. A project may load its own from a file ({@code rubric:} in
 * evaluation.yaml); {@link #DEFAULT} is documented in the README.
 */
public record Rubric(String name, List<Rule> rules) {

    /** Bounds on the {@link EvidenceCounts} of an outcome; a bound left empty always holds. */
    public record Conditions(OptionalInt minSupportingMethods, OptionalInt minSupporting, OptionalInt maxSupporting,
                             OptionalInt minContradicting, OptionalInt maxContradicting,
                             Optional<Boolean> contradictingExceedsSupporting) {
        public static final Conditions ALWAYS = new Conditions(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

        /** True when every condition set holds. */
        public boolean hold(EvidenceCounts counts) {
            int supporting = counts.supporting();
            int contradicting = counts.contradicting();
            return at(minSupportingMethods, counts.supportingMethods(), true) && at(minSupporting, supporting, true)
                    && at(maxSupporting, supporting, false) && at(minContradicting, contradicting, true)
                    && at(maxContradicting, contradicting, false)
                    && contradictingExceedsSupporting.map(b -> b == (contradicting > supporting)).orElse(true);
        }

        private static boolean at(OptionalInt bound, int value, boolean least) {
            return bound.isEmpty() || (least ? value >= bound.getAsInt() : value <= bound.getAsInt());
        }

        /** The conditions in the rubric file's words, e.g. "min_supporting_methods 2, max_contradicting 0". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            minSupportingMethods.ifPresent(n -> parts.add("min_supporting_methods " + n));
            minSupporting.ifPresent(n -> parts.add("min_supporting " + n));
            maxSupporting.ifPresent(n -> parts.add("max_supporting " + n));
            minContradicting.ifPresent(n -> parts.add("min_contradicting " + n));
            maxContradicting.ifPresent(n -> parts.add("max_contradicting " + n));
            contradictingExceedsSupporting.ifPresent(b -> parts.add("contradicting_exceeds_supporting " + b));
            return parts.isEmpty() ? "always" : String.join(", ", parts);
        }
    }

    /** One rule: its id, the grade it gives, and the rule in plain words. */
    public record Rule(String id, Grade grade, String text, Conditions when) {
        public Rule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(when, "when");
        }
    }

    /**
     * Evident's default: triangulation across independent methods for the strongest grade
     * (contribution analysis), rated down for inconsistency (any contradiction) and for
     * imprecision of a single source (GRADE); no support, or more against than for, is limited.
     */
    public static final Rubric DEFAULT = new Rubric("Evident default rubric", List.of(
            new Rule("triangulated", Grade.STRONGEST,
                    "At least two independent methods support the outcome and no evidence contradicts it.",
                    new Conditions(OptionalInt.of(2), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                            OptionalInt.of(0), Optional.empty())),
            new Rule("no-support", Grade.LIMITED, "No evidence supports the outcome.",
                    new Conditions(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(0), OptionalInt.empty(),
                            OptionalInt.empty(), Optional.empty())),
            new Rule("outweighed", Grade.LIMITED, "More evidence contradicts the outcome than supports it.",
                    new Conditions(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                            OptionalInt.empty(), Optional.of(true))),
            new Rule("supported", Grade.SOME,
                    "Evidence supports the outcome, but from one method only, or with some evidence against it.",
                    Conditions.ALWAYS)));

    public Rubric {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one rule");
        }
    }
}
