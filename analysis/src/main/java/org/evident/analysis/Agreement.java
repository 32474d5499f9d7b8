package org.evident.analysis;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.evident.toc.Grade;

/**
 * How far two graders agree on the same outcomes and periods: the share of identical grades and
 * Cohen's kappa with linear weights over the ordered grades (Cohen 1968), which counts a grade one
 * step away as half agreement on a three-point scale and corrects for the agreement chance alone
 * would give.
 *
 * @param n       the number of outcome-period pairs both graded
 * @param agreed  how many of them have the same grade
 * @param kappa   linearly weighted kappa; empty when there is nothing to compare or when chance alone
 *                would give full agreement (every grade of both graders the same), where kappa is 0/0
 */
public record Agreement(int n, int agreed, OptionalDouble kappa) {

    /**
     * The agreement of two lists of grades, pair by pair.
     *
     * @throws IllegalArgumentException when the lists differ in length
     */
    public static Agreement of(List<Grade> first, List<Grade> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("two lists of grades to compare differ in length: " + first.size() + " and "
                    + second.size());
        }
        int k = Grade.values().length;
        long[][] table = new long[k][k];
        int agreed = 0;
        for (int i = 0; i < first.size(); i++) {
            table[first.get(i).ordinal()][second.get(i).ordinal()]++;
            agreed += first.get(i) == second.get(i) ? 1 : 0;
        }
        return new Agreement(first.size(), agreed, weightedKappa(table));
    }

    /**
     * Linearly weighted kappa of a k x k table of counts (rows one grader, columns the other, both in the
     * same order): with weights w(i, j) = 1 - |i - j| / (k - 1), kappa = (Po - Pe) / (1 - Pe), Po the
     * weighted share observed and Pe the weighted share expected from the margins.
     */
    static OptionalDouble weightedKappa(long[][] table) {
        int k = table.length;
        double n = 0;
        double[] rows = new double[k];
        double[] columns = new double[k];
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new IllegalArgumentException("a kappa table must be square, not " + k + " x " + table[i].length);
            }
            for (int j = 0; j < k; j++) {
                n += table[i][j];
                rows[i] += table[i][j];
                columns[j] += table[i][j];
            }
        }
        if (n == 0 || k < 2) {
            return OptionalDouble.empty();
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = 1 - (double) Math.abs(i - j) / (k - 1);
                observed += w * table[i][j] / n;
                expected += w * rows[i] / n * columns[j] / n;
            }
        }
        return expected >= 1 ? OptionalDouble.empty() : OptionalDouble.of((observed - expected) / (1 - expected));
    }

    /** The share of identical grades, 0 to 1; empty when nothing was compared. */
    public OptionalDouble share() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) agreed / n);
    }

    /** "12 of 16 (75%), linearly weighted kappa 0.50", the sentence the report and the workbook use. */
    public String describe() {
        if (n == 0) {
            return "no judgement to compare";
        }
        return agreed + " of " + n + " (" + percent() + "), linearly weighted kappa " + kappaText()
                + (kappa.isPresent() ? "" : " (every grade the same)");
    }

    /** The share agreeing as a whole percentage, "75%"; the caller makes sure {@code n} is not 0. */
    public String percent() {
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * agreed / n);
    }

    /** The kappa to two places, "0.50", or "undefined" when every grade of both sides is the same. */
    public String kappaText() {
        return kappa.isPresent() ? String.format(Locale.ROOT, "%.2f", kappa.getAsDouble()) : "undefined";
    }
}
