package org.evident.analysis;

import java.util.List;

/**
 * A row of counts as it may be published.
 *
 * @param cells  each count as printed: a number, or the rule's mark
 * @param total  the total as printed
 * @param hidden for each cell, whether it was hidden (for itself or to protect another), so that
 *               shares and intervals built on it can be hidden too
 */
public record Suppressed(List<String> cells, String total, List<Boolean> hidden) {

    /** The count a printed cell publishes, or empty where it shows the rule's mark instead. */
    public static java.util.OptionalLong number(String shown) {
        return !shown.isEmpty() && shown.chars().allMatch(Character::isDigit)
                ? java.util.OptionalLong.of(Long.parseLong(shown)) : java.util.OptionalLong.empty();
    }

    public Suppressed {
        if (cells == null || total == null || hidden == null) {
            throw new IllegalArgumentException("suppressed counts need cells, a total and hidden flags");
        }
        if (cells.size() != hidden.size()) {
            throw new IllegalArgumentException("one hidden flag per cell is needed, got " + cells.size()
                    + " cells and " + hidden.size() + " flags");
        }
        cells = List.copyOf(cells);
        hidden = List.copyOf(hidden);
    }
}
