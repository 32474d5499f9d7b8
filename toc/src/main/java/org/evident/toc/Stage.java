package org.evident.toc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of a theory of change, in causal order from left to right. */
public enum Stage {
    INPUT("Inputs"),
    ACTIVITY("Activities"),
    OUTPUT("Outputs"),
    SHORT_TERM_OUTCOME("Short-term outcomes"),
    MEDIUM_TERM_OUTCOME("Medium-term outcomes"),
    IMPACT("Impacts");

    private final String heading;

    Stage(String heading) {
        this.heading = heading;
    }

    /** The plural heading used above the stage's column, e.g. "Short-term outcomes". */
    public String heading() {
        return heading;
    }

    /** The name used in {@code toc.yaml}, e.g. {@code short_term_outcome}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this stage holds outcomes (short- or medium-term), the nodes that get grades. */
    public boolean isOutcome() {
        return this == SHORT_TERM_OUTCOME || this == MEDIUM_TERM_OUTCOME;
    }

    /**
     * Whether the rubric grades nodes of this stage: the outcomes, and the impacts on their own evidence
     * (an impact is never graded above what is found about it, whatever the outcomes before it show).
     */
    public boolean isGraded() {
        return isOutcome() || this == IMPACT;
    }

    /** The stage named {@code name} as written in {@code toc.yaml}, if there is one. */
    public static Optional<Stage> fromYaml(String name) {
        return Arrays.stream(values()).filter(s -> s.yamlName().equals(name)).findFirst();
    }

    static String yamlNames() {
        return Arrays.stream(values()).map(Stage::yamlName).collect(Collectors.joining(" | "));
    }
}
