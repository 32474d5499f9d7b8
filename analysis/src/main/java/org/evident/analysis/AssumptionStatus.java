package org.evident.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.evident.toc.AssumptionKey;

/**
 * What the evidence says by one assessment period about one assumption key (Table 9's A to H of the evaluation):
 * whether the assumptions under it hold, are challenged, or are untested, with the findings behind it.
 *
 * @param supporting    the weights of the findings saying it holds, summed (half of each mixed one, by default)
 * @param contradicting the weights of the findings challenging it, summed (likewise)
 * @param links         how many links of the theory of change carry the key
 */
public record AssumptionStatus(AssumptionKey key, String period, State state, double supporting, double contradicting,
                               List<EvidenceItem> items, int links) {

    /** Where an assumption stands. */
    public enum State {
        /** More evidence says it holds than challenges it. */
        HOLDS,
        /** Evidence challenges it at least as much as it supports it. */
        CHALLENGED,
        /** No evidence about it by the period's end. */
        UNTESTED;

        /** "holds", "challenged", "untested". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AssumptionStatus {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(state, "state");
        items = List.copyOf(items);
    }

    /** The state the weighted counts give: untested with no weight either way, challenged when the weight against is at least the weight for. */
    static State state(double supporting, double contradicting) {
        if (supporting == 0 && contradicting == 0) {
            return State.UNTESTED;
        }
        return contradicting >= supporting ? State.CHALLENGED : State.HOLDS;
    }
}
