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

    /**
     * What reports show for an outcome with no evidence at all by a period: not a grade. It is kept off the
     * three-point scale on purpose, so that it is never "weaker than Limited" in a comparison, a kappa or a
     * weakest link, and a first grade after it is not a move up.
     */
    public static final String NOT_YET_ASSESSED = "Not yet assessed";

    /** The name history snapshots hold for {@link #NOT_YET_ASSESSED}. */
    public static final String NOT_YET_ASSESSED_FILE_NAME = "not-yet-assessed";

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

    /** The grade's label, or {@link #NOT_YET_ASSESSED} when there is none. */
    public static String labelOf(Optional<Grade> grade) {
        return grade.map(Grade::label).orElse(NOT_YET_ASSESSED);
    }

    /** The file names, weakest first, joined by {@code separator}: "limited | some | strongest". */
    public static String fileNames(String separator) {
        return Arrays.stream(values()).map(Grade::fileName).collect(Collectors.joining(separator));
    }
}
