package org.evident.toc;

import java.util.List;
import java.util.Locale;

/**
 * Which way a piece of evidence points for an outcome. Not to be confused with an indicator's
 * {@link Indicator.Direction}, which says whether higher or lower values are better.
 */
public enum EvidenceDirection {
    SUPPORTS,
    CONTRADICTS,
    /** A finding that points both ways; counts neither way. */
    MIXED,
    /** An indicator whose verdict is inconclusive (too few answers to say); counts neither way. */
    INCONCLUSIVE;

    /** The directions a coded finding may have; inconclusive is an indicator's only. */
    public static final List<EvidenceDirection> OF_FINDINGS = List.of(SUPPORTS, CONTRADICTS, MIXED);

    /** The word in findings files and in outputs: supports, contradicts, mixed or inconclusive. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
