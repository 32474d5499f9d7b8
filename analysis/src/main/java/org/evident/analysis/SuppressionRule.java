package org.evident.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How small counts of people are kept out of published tables, so that nobody can be picked out.
 */
public enum SuppressionRule {
    /** Every count as it is: for tables that never leave the team. */
    NONE(0, ""),
    /**
     * NHS Digital's practice: counts of 1 to 7 shown as {@code *}, every other count (the total too)
     * rounded to the nearest 5, so that hidden cells cannot be got back by subtraction.
     */
    NHS(7, "*"),
    /** Counts of 1 to 4 shown as {@code <5}, the rest as they are. */
    FEWER_THAN_5(4, "<5");

    private final long largestHidden;
    private final String mark;

    SuppressionRule(long largestHidden, String mark) {
        this.largestHidden = largestHidden;
        this.mark = mark;
    }

    /** The name used in {@code evaluation.yaml}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SuppressionRule fromYaml(String text) {
        for (SuppressionRule rule : values()) {
            if (rule.yamlName().equals(text)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown suppression rule '" + text + "'; use one of "
                + Arrays.stream(values()).map(SuppressionRule::yamlName).collect(Collectors.joining(", ")));
    }

    /**
     * The row as it may be published.
     *
     * <p>Zero is never hidden: it names nobody. When exactly one cell is hidden for being small and
     * the total is published, the smallest other non-zero cell (the first of equals) is hidden too,
     * since otherwise the total less the shown cells would give the hidden one back. A row with only
     * one non-zero cell needs no second cell hidden: if the total is the sum of the cells it equals
     * that small cell and is hidden itself.
     *
     * @param total the row total; it need not be the sum of the cells (it may count non-answers)
     */
    public Suppressed apply(List<Long> cells, long total) {
        if (cells == null) {
            throw new IllegalArgumentException("the cells to suppress are missing");
        }
        for (int i = 0; i < cells.size(); i++) {
            Long c = cells.get(i);
            if (c == null || c < 0) {
                throw new IllegalArgumentException("cell " + (i + 1) + " must be a count of 0 or more, got " + c);
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("the total must be 0 or more, got " + total);
        }
        List<Boolean> hidden = new ArrayList<>(cells.size());
        int hiddenCount = 0;
        for (long c : cells) {
            boolean small = isSmall(c);
            hidden.add(small);
            if (small) {
                hiddenCount++;
            }
        }
        boolean totalHidden = isSmall(total);
        if (hiddenCount == 1 && !totalHidden) {
            int second = smallestOtherNonZero(cells, hidden);
            if (second >= 0) {
                hidden.set(second, true);
            }
        }
        List<String> shown = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            shown.add(hidden.get(i) ? mark : show(cells.get(i)));
        }
        return new Suppressed(shown, totalHidden ? mark : show(total), hidden);
    }

    /** Whether the rule hides this count for being small (zero is never hidden: it names nobody). */
    boolean isSmall(long count) {
        return count >= 1 && count <= largestHidden;
    }

    /** Whether shown counts are rounded (so that they, and sums of them, give the exact counts only as ranges). */
    public boolean rounds() {
        return this == NHS;
    }

    /** The largest count the rule hides for being small (0 for none). */
    long largest() {
        return largestHidden;
    }

    /** What a hidden count is printed as. */
    String mark() {
        return mark;
    }

    /** A count that is not hidden, as printed: as it is, or rounded. */
    String show(long count) {
        if (this == NHS) {
            // Nearest 5; a count is a whole number, so there is never a half to break.
            return Long.toString((count + 2) / 5 * 5);
        }
        return Long.toString(count);
    }

    private static int smallestOtherNonZero(List<Long> cells, List<Boolean> hidden) {
        int best = -1;
        for (int i = 0; i < cells.size(); i++) {
            long c = cells.get(i);
            if (!hidden.get(i) && c > 0 && (best < 0 || c < cells.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
