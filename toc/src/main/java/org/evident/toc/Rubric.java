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
public record Rubric(String name, List<Rule> rules, Weights weights) {

    /**
     * What one evidence item weighs in the counts: its appraisal's factor times its cases' factor. An item
     * without an appraisal, or with no or minor concerns, weighs 1; moderate and serious concerns weigh less
     * (rate down, as GRADE-CERQual does); an item resting on several cases (an audit of many care plans)
     * weighs more than one resting on one (an interview). Indicators are judged by their own statistics and
     * always weigh 1.
     *
     * @param fewCases  the factor for an item resting on {@link #FEW_CASES} to {@link #MANY_CASES} - 1 cases
     * @param manyCases the factor for an item resting on {@link #MANY_CASES} cases or more
     * @param mixed     how a mixed finding counts
     */
    public record Weights(double minor, double moderate, double serious, double fewCases, double manyCases, Mixed mixed) {
        public static final int FEW_CASES = 2;
        public static final int MANY_CASES = 10;

        /** Evident's default, documented in the README. */
        public static final Weights DEFAULT = new Weights(1, 0.75, 0.5, 1.5, 2, Mixed.HALF);

        /** How a mixed finding (evidence both ways) counts. */
        public enum Mixed {
            /** Neither for nor against. */
            NEITHER,
            /** Half its weight for and half against. */
            HALF;

            public String fileName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public Weights {
            for (double w : new double[] {minor, moderate, serious, fewCases, manyCases}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("a weight is a number of 0 or more, not " + w);
                }
            }
            Objects.requireNonNull(mixed, "mixed");
        }

        /** The weight of an item with this overall concern (empty: not appraised) resting on this many cases (empty: not said). */
        public double of(Optional<Concern> concern, OptionalInt cases) {
            return concernFactor(concern) * casesFactor(cases);
        }

        private double concernFactor(Optional<Concern> concern) {
            return concern.map(c -> switch (c) {
                case NONE -> 1.0;
                case MINOR -> minor;
                case MODERATE -> moderate;
                case SERIOUS -> serious;
            }).orElse(1.0);
        }

        private double casesFactor(OptionalInt cases) {
            if (cases.isEmpty() || cases.getAsInt() < FEW_CASES) {
                return 1;
            }
            return cases.getAsInt() < MANY_CASES ? fewCases : manyCases;
        }

        /** Why an item weighs what it does, e.g. "serious concerns ×0.5, 12 cases ×2"; "" for a weight of 1 with nothing said. */
        public String describe(Optional<Concern> concern, OptionalInt cases) {
            List<String> parts = new ArrayList<>();
            concern.ifPresent(c -> parts.add((c == Concern.NONE ? "no" : c.fileName()) + " concerns ×" + number(concernFactor(concern))));
            cases.ifPresent(n -> parts.add(n + (n == 1 ? " case" : " cases") + " ×" + number(casesFactor(cases))));
            return String.join(", ", parts);
        }

        /** A weight as written: "1", "0.75", "1.5". */
        public static String number(double weight) {
            return java.math.BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
        }
    }

    /** Bounds on the {@link EvidenceCounts} of an outcome; a bound left empty always holds. */
    public record Conditions(OptionalInt minSupportingMethods, OptionalInt minSupporting, OptionalInt maxSupporting,
                             OptionalInt minContradicting, OptionalInt maxContradicting,
                             Optional<Boolean> contradictingExceedsSupporting) {
        public static final Conditions ALWAYS = new Conditions(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

        /** True when every condition set holds. */
        public boolean hold(EvidenceCounts counts) {
            double supporting = counts.supporting();
            double contradicting = counts.contradicting();
            return at(minSupportingMethods, counts.supportingMethods(), true) && at(minSupporting, supporting, true)
                    && at(maxSupporting, supporting, false) && at(minContradicting, contradicting, true)
                    && at(maxContradicting, contradicting, false)
                    && contradictingExceedsSupporting.map(b -> b == (contradicting > supporting)).orElse(true);
        }

        private static boolean at(OptionalInt bound, double value, boolean least) {
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
                    Conditions.ALWAYS)), Weights.DEFAULT);

    /** A rubric with the default weights. */
    public Rubric(String name, List<Rule> rules) {
        this(name, rules, Weights.DEFAULT);
    }

    public Rubric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one rule");
        }
    }
}
