package org.evident.toc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evaluation's three grades of evidence for an outcome (its Tables 6 and 7), weakest first,
 * so that the weakest link of a chain is the minimum. Reports show the label; files (rubric files,
 * history snapshots) hold the file name, so a label can be reworded without changing what a
 * stored file means.
 */
public enum Grade {
    LIMITED("Limited or no evidence"),
    SOME("Some evidence"),
    STRONGEST("Strongest evidence");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    /** The label reports show, e.g. "Some evidence". */
    public String label() {
        return label;
    }

    /** The name written in rubric files and history snapshots: limited, some, strongest. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The grade whose file name is {@code name}, if there is one. */
    public static Optional<Grade> fromFileName(String name) {
        return Arrays.stream(values()).filter(g -> g.fileName().equals(name)).findFirst();
    }

    /** The file names, weakest first, joined by {@code separator}: "limited | some | strongest". */
    public static String fileNames(String separator) {
        return Arrays.stream(values()).map(Grade::fileName).collect(Collectors.joining(separator));
    }
}
