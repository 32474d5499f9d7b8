package org.evident.toc;

/**
 * The counts a rubric's conditions look at, over the evidence items for one outcome up to one
 * period. Supporting items are findings that support the outcome and indicators that met their
 * target; contradicting items are findings that contradict it and indicators that did not meet
 * their target; each counts by its weight ({@link Rubric.Weights}: 1 for an item without an
 * appraisal). A mixed finding counts as the rubric's weights say (half each way by default);
 * inconclusive indicators count neither way. A new condition that needs another count adds a
 * field here.
 *
 * @param supportingMethods the methods whose supporting items weigh at least one full item together
 * @param supporting        the supporting items' weights summed
 * @param contradicting     the contradicting items' weights summed
 */
public record EvidenceCounts(int supportingMethods, double supporting, double contradicting) {
    public EvidenceCounts {
        if (supportingMethods < 0 || supporting < 0 || contradicting < 0 || supportingMethods > supporting) {
            throw new IllegalArgumentException("counts must be 0 or more, with no more supporting methods than supporting"
                    + " items: supportingMethods " + supportingMethods + ", supporting " + supporting + ", contradicting "
                    + contradicting);
        }
    }
}
