package org.evident.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * A survey item's positive share in one group of a wave (such as {@code directed: Yes}) against the
 * rest of that wave: everyone in the wave's base who is not in the group.
 *
 * @param group  the breakdown, as the survey table names it ("region: London")
 * @param shares first the rest of the wave, second the group
 */
public record SurveyGroupDifference(String wave, String period, String item, String group, ComparedShares shares) {
    /** What the interval for the group's share less the rest's says. */
    public enum Verdict {
        HIGHER("higher than the rest"),
        LOWER("lower than the rest"),
        NO_CLEAR_DIFFERENCE("no clear difference");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public SurveyGroupDifference {
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(shares, "shares");
    }

    /** The verdict, where there is an interval. */
    public Optional<Verdict> verdict() {
        return shares.sign().map(s -> s > 0 ? Verdict.HIGHER : s < 0 ? Verdict.LOWER : Verdict.NO_CLEAR_DIFFERENCE);
    }
}
