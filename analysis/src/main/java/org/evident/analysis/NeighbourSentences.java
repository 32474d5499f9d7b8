package org.evident.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The neighbour comparison in plain words, one sentence per area and indicator. */
public final class NeighbourSentences {
    private NeighbourSentences() {
    }

    static String summary(NeighbourRow r) {
        String subject = r.areaName() + "'s " + lowerFirst(r.label());
        if (!r.hidden().isEmpty()) {
            return subject + " in " + r.period() + " is a small count, hidden (" + r.hidden() + ") by the suppression rule,"
                    + " so it is not compared.";
        }
        if (r.value().isEmpty()) {
            return r.areaName() + " has no figure for " + lowerFirst(r.label()) + " in " + r.period() + ".";
        }
        String was = subject + " was " + value(r, r.value().getAsDouble()) + " in " + r.period();
        if (r.listed() == 0) {
            return was + "; the neighbours file lists no comparable areas for it, so it is not compared.";
        }
        if (r.compared() == 0) {
            return was + "; none of its " + r.listed() + " comparable areas has a figure for the period.";
        }
        StringBuilder s = new StringBuilder(was);
        String areas = r.compared() + " comparable area" + (r.compared() == 1 ? "" : "s");
        if (r.quarterLabel().isPresent()) {
            s.append(": in the ").append(r.quarterLabel().get()).append(" of its ").append(areas);
        } else {
            s.append(": beside its ").append(areas).append(" (too few for quarters)");
        }
        s.append(", ranked ").append(ordinal(r.rank().orElseThrow())).append(" of ").append(r.compared() + 1)
                .append(" where 1st is the ").append(r.rankOneIs());
        r.againstEngland().ifPresent(a -> {
            double e = r.england().getAsDouble();
            if (a.equals("same")) {
                s.append(", and the same as the England figure (").append(value(r, e)).append(")");
            } else {
                boolean betterThanEngland = a.equals("above") == (r.better() == org.evident.toc.Indicator.Direction.HIGHER);
                s.append(", and ").append(a).append(" the England figure of ").append(value(r, e))
                        .append(betterThanEngland ? " (better)" : " (worse)");
            }
        });
        if (r.listed() > r.compared()) {
            s.append("; ").append(r.listed() - r.compared()).append(" of the ").append(r.listed())
                    .append(" areas listed as comparable have no figure for the period");
        }
        return s.append('.').toString();
    }

    /** A value as the sentence prints it: a share as a percentage to one place, else to at most two places. */
    public static String value(NeighbourRow r, double v) {
        if (r.share()) {
            return BigDecimal.valueOf(v * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
        }
        int places = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String lowerFirst(String label) {
        // A label that starts with an acronym (ASC, NHS) keeps its capitals.
        if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
}
