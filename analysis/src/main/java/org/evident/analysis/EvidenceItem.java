package org.evident.analysis;

import java.util.Objects;

import org.evident.toc.EvidenceDirection;
import org.evident.toc.EvidenceKind;

/**
 * One piece of evidence about an outcome, an impact or an assumption: a coded finding, or an indicator's verdict.
 *
 * @param method     the evaluation method it comes from; items of one method are not independent
 * @param direction  supports, contradicts, mixed (findings) or inconclusive (indicators)
 * @param period     the period it counts from: where its evidence was collected, else where it was written up
 * @param detail     where it comes from and how big it is, e.g. "Appendix 1, case study 2" or
 *                   "15 of 19, 0.567 to 0.915 against 0.8"
 * @param weight     what it counts for in the rubric's counts (see {@link org.evident.toc.Rubric.Weights}); 0 for a
 *                   finding that restates an indicator counted beside it
 * @param weighting  why it weighs what it does, e.g. "serious concerns ×0.5, 12 cases ×2" or "restates
 *                   svy-quality-high, counted once as that indicator"; "" for a plain weight of 1
 */
public record EvidenceItem(String id, EvidenceKind kind, String method, EvidenceDirection direction, String period,
                           String detail, double weight, String weighting) {
    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(detail, "detail");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("an item's weight is 0 or more, not " + weight);
        }
        Objects.requireNonNull(weighting, "weighting");
    }

    /** An item of weight 1 with nothing said about it. */
    public EvidenceItem(String id, EvidenceKind kind, String method, EvidenceDirection direction, String period, String detail) {
        this(id, kind, method, direction, period, detail, 1, "");
    }

    boolean supports() {
        return direction == EvidenceDirection.SUPPORTS;
    }

    boolean contradicts() {
        return direction == EvidenceDirection.CONTRADICTS;
    }

    boolean mixed() {
        return direction == EvidenceDirection.MIXED;
    }

    /** "F-001 supports (case-study-interviews)", with its weight when it is not a plain 1: "..., weight 0.5 (serious concerns ×0.5)". */
    public String summary() {
        return id + " " + direction.label() + " (" + method + ")"
                + (weighting.isEmpty() ? "" : ", weight " + org.evident.toc.Rubric.Weights.number(weight) + " (" + weighting + ")");
    }
}
