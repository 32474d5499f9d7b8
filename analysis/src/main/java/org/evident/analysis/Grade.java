package org.evident.analysis;

import java.util.Locale;

/**
 * The evaluation's three grades of evidence for an outcome (its Tables 6 and 7), weakest first,
 * so that the weakest link of a chain is the minimum.
 */
public enum Grade {
    LIMITED("Limited or no evidence"),
    SOME("Some evidence"),
    STRONGEST("Strongest evidence");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name used in rubric files: limited, some, strongest. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Grade fromYaml(String text) {
        for (Grade g : values()) {
            if (g.yamlName().equals(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a grade; the grades are limited, some, strongest");
    }
}
