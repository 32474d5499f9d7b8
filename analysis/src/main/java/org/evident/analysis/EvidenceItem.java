package org.evident.analysis;

import java.util.Objects;

import org.evident.toc.EvidenceDirection;
import org.evident.toc.EvidenceKind;

/**
 * One piece of evidence about an outcome: a coded finding, or an indicator's verdict.
 *
 * @param method     the evaluation method it comes from; items of one method are not independent
 * @param direction  supports, contradicts, mixed (findings) or inconclusive (indicators)
 * @param detail     where it comes from and how big it is, e.g. "Appendix 1, case study 2" or
 *                   "15 of 19, 0.567 to 0.915 against 0.8"
 */
public record EvidenceItem(String id, EvidenceKind kind, String method, EvidenceDirection direction, String period,
                           String detail) {
    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(detail, "detail");
    }

    boolean supports() {
        return direction == EvidenceDirection.SUPPORTS;
    }

    boolean contradicts() {
        return direction == EvidenceDirection.CONTRADICTS;
    }

    /** "F-001 supports (case-study-interviews)". */
    public String summary() {
        return id + " " + direction.label() + " (" + method + ")";
    }
}
