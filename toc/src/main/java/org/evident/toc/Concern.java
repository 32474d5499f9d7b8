package org.evident.toc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How much concern an appraisal of one piece of evidence raises, GRADE-CERQual's four levels for each of
 * its components (methodological limitations, coherence, adequacy, relevance), least first, so that the
 * overall concern of an item is the worst of its components.
 */
public enum Concern {
    NONE,
    MINOR,
    MODERATE,
    SERIOUS;

    /** The word in findings files and rubric files: none, minor, moderate, serious. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The concern whose file name is {@code name}, ignoring case and surrounding space, if there is one. */
    public static Optional<Concern> fromFileName(String name) {
        return Arrays.stream(values()).filter(c -> c.fileName().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** "none, minor, moderate, serious". */
    public static String fileNames() {
        return Arrays.stream(values()).map(Concern::fileName).collect(Collectors.joining(", "));
    }
}
