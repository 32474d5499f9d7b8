package org.evident.toc;

import java.util.List;

/**
 * What {@code evaluation.yaml}'s {@code personal_data:} says about personal data in free text: the
 * names to redact wherever they appear (staff, systems' officers), and how many respondents must
 * stand behind a quote's attribution before it may name their region or role.
 *
 * @param names        the project's list of names, as written (the {@code names:} list, then the lines of
 *                     {@code names_file:}), each at least two letters; matched as whole words
 * @param attributionK the k of k-anonymity for a quote's attribution: a region (or role) is named only
 *                     when at least this many respondents share it; 2 or more
 */
public record PersonalDataSettings(List<String> names, int attributionK) {
    /** The default k: the ICO's anonymisation guidance and the NHS's small-number rules work with groups of 5 and more. */
    public static final int DEFAULT_K = 5;

    public static final PersonalDataSettings DEFAULTS = new PersonalDataSettings(List.of(), DEFAULT_K);

    public PersonalDataSettings {
        names = List.copyOf(names);
        if (attributionK < 2) {
            throw new IllegalArgumentException("attribution_k " + attributionK + " is below 2");
        }
    }

    /**
     * The k that applies once the small-number rule is respected: under {@code nhs} a group of 1 to 7 is
     * never shown, under {@code fewer-than-5} a group of 1 to 4, so k is at least 8 or 5.
     */
    public int effectiveK(String suppression) {
        return switch (suppression) {
            case "nhs" -> Math.max(attributionK, 8);
            case "fewer-than-5" -> Math.max(attributionK, 5);
            default -> attributionK;
        };
    }
}
