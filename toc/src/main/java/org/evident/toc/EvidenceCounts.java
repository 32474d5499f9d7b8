package org.evident.toc;

/**
 * The counts a rubric's conditions look at, over the evidence items for one outcome up to one
 * period. Supporting items are findings that support the outcome and indicators that met their
 * target; contradicting items are findings that contradict it and indicators that did not meet
 * their target. Mixed findings and inconclusive indicators are neither. A new condition that
 * needs another count adds a field here.
 *
 * @param supportingMethods the distinct methods among the supporting items
 */
public record EvidenceCounts(int supportingMethods, int supporting, int contradicting) {
    public EvidenceCounts {
        if (supportingMethods < 0 || supporting < 0 || contradicting < 0 || supportingMethods > supporting) {
            throw new IllegalArgumentException("counts must be 0 or more, with no more supporting methods than supporting"
                    + " items: supportingMethods " + supportingMethods + ", supporting " + supporting + ", contradicting "
                    + contradicting);
        }
    }
}
