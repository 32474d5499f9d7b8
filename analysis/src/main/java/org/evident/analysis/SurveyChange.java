package org.evident.analysis;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.evident.toc.Indicator;

/**
 * A survey item's positive share in one wave against the wave before: the change and its interval.
 *
 * @param shares first the earlier wave, second the later
 */
public record SurveyChange(String item, String fromWave, String fromPeriod, String toWave, String toPeriod,
                           ComparedShares shares) {
    /** What the interval for the change says, in the item's better direction. */
    public enum Verdict {
        /** The whole interval lies on the better side of zero. */
        IMPROVED,
        /** The whole interval lies on the worse side of zero. */
        WORSENED,
        /** The interval holds zero: the waves differ by no more than sampling alone would give. */
        NO_CLEAR_CHANGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public SurveyChange {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(fromWave, "fromWave");
        Objects.requireNonNull(fromPeriod, "fromPeriod");
        Objects.requireNonNull(toWave, "toWave");
        Objects.requireNonNull(toPeriod, "toPeriod");
        Objects.requireNonNull(shares, "shares");
    }

    /** The verdict, where there is an interval. */
    public Optional<Verdict> verdict() {
        return shares.sign().map(s -> s == 0 ? Verdict.NO_CLEAR_CHANGE
                : (s > 0) == (shares.better() == Indicator.Direction.HIGHER) ? Verdict.IMPROVED : Verdict.WORSENED);
    }
}
