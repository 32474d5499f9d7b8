package org.evident.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.evident.toc.Indicator;

/**
 * Two positive shares of one survey item set side by side (two waves, or a group and the rest of its
 * wave), with the interval for their difference. Every count is one the survey table publishes, or
 * the difference of two it publishes, so the comparison gives nothing away that the table does not.
 *
 * @param first    the wave before, or the rest of the wave
 * @param second   the wave after, or the group
 * @param interval the interval for second's share less first's; empty where either count is hidden,
 *                 a base is empty, or the two cannot be compared
 * @param better   which way the item is better: higher unless an indicator on the item says lower
 * @param note     why there is no interval, or what to bear in mind reading it (a small base); or ""
 * @param method   how the interval was computed, e.g. {@code newcombe hybrid score (wilson) 95%}
 */
public record ComparedShares(Side first, Side second, Optional<Interval> interval, Indicator.Direction better, String note,
                             String method) {
    /** A base below this many answers gives a wide interval: the comparison says so beside it. */
    public static final long SMALL_BASE = 30;

    public ComparedShares {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(method, "method");
    }

    /** One side's positive count and base, as published (missing when hidden). */
    public record Side(OptionalLong count, OptionalLong base) {
        static final Side HIDDEN = new Side(OptionalLong.empty(), OptionalLong.empty());

        public Side {
            Objects.requireNonNull(count, "count");
            Objects.requireNonNull(base, "base");
        }

        /** The positive share, where both counts are shown and the base is not empty. */
        public OptionalDouble share() {
            return count.isPresent() && base.isPresent() && base.getAsLong() > 0
                    ? OptionalDouble.of((double) count.getAsLong() / base.getAsLong()) : OptionalDouble.empty();
        }
    }

    /** Second's share less first's, where the interval is given. */
    public OptionalDouble difference() {
        return interval.isPresent() ? OptionalDouble.of(second.share().getAsDouble() - first.share().getAsDouble())
                : OptionalDouble.empty();
    }

    /** Above zero (1), below (-1), or zero inside the interval (0); empty without an interval. */
    Optional<Integer> sign() {
        return interval.map(i -> i.low() > 0 ? 1 : i.high() < 0 ? -1 : 0);
    }
}
