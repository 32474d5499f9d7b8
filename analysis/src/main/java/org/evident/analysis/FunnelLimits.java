package org.evident.analysis;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;

/**
 * Control limits of a funnel plot at one denominator, as Spiegelhalter (2005) draws them: exact
 * limits from the binomial (a proportion) or the Poisson (a rate) distribution about the centre,
 * or, where the units vary more than chance allows, limits widened by a between-unit variance
 * tau² on a variance-stabilising scale (the additive random-effects model of Spiegelhalter 2005,
 * "Handling over-dispersion of performance indicators", as the NHS-R community's FunnelPlotR
 * computes it).
 *
 * <p>References: Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med
 * 2005;24:1185-1202 (Appendix A.1: the interpolated exact limits); Spiegelhalter DJ. Handling
 * over-dispersion of performance indicators. Qual Saf Health Care 2005;14:347-351 (phi, tau² and
 * Winsorisation); FunnelPlotR's {@code transformed_zscore}, {@code winsorisation}, {@code phi_func},
 * {@code tau_func} and {@code calculate_limits}.
 */
final class FunnelLimits {
    /** Two-sided 95% and 99.8%: the normal quantiles 1.959964 and 3.090232, as FunnelPlotR writes them. */
    static final double Z95 = 1.959963984540054;
    static final double Z998 = 3.090232306167813;

    private FunnelLimits() {
    }

    /**
     * The share at the {@code probability} quantile of Binomial(n, centre), interpolated between
     * counts as Spiegelhalter (2005, Appendix A.1.1): r is the smallest count with P(R <= r) >= p,
     * alpha = (P(R <= r) - p) / (P(R <= r) - P(R <= r - 1)), and a lower limit is (r - alpha) / n,
     * kept within 0 and 1, so the limits are smooth in n rather than stepping at each count.
     *
     * <p>An upper limit (p above one half) is the mirror image: the same interpolation of the
     * upper tail, P(R >= r), which comes to (r + 1 - alpha) / n. Interpolating the upper tail as
     * the lower one would put the limit below r, so a unit at the quantile itself, say 1 of 1 when
     * the centre is 85%, would be flagged though a count at least that high has probability 0.85;
     * mirrored, the limits of a share and of its complement (discharged home, not discharged home)
     * are mirror images, and a count exactly at either quantile is within.
     */
    static double binomial(long n, double centre, double probability) {
        if (centre <= 0 || centre >= 1) {
            return centre <= 0 ? 0 : 1;
        }
        BinomialDistribution d = new BinomialDistribution(Math.toIntExact(n), centre);
        return Math.max(0, Math.min(1, interpolated(d.inverseCumulativeProbability(probability), probability,
                d::cumulativeProbability) / n));
    }

    /**
     * The count at the {@code probability} quantile of Poisson(mean), interpolated in the same way
     * (Spiegelhalter 2005, Appendix A.1.2), the upper tail mirrored as for the binomial, at least 0.
     * Divided by the exposure it is a limit of the rate.
     */
    static double poisson(double mean, double probability) {
        if (mean <= 0) {
            return 0;
        }
        PoissonDistribution d = new PoissonDistribution(mean);
        return Math.max(0, interpolated(d.inverseCumulativeProbability(probability), probability, d::cumulativeProbability));
    }

    /** r - alpha for a lower limit (p below one half), r + 1 - alpha for an upper one: see {@link #binomial}. */
    private static double interpolated(int r, double p, java.util.function.IntToDoubleFunction cdf) {
        double at = cdf.applyAsDouble(r);
        double below = r == 0 ? 0 : cdf.applyAsDouble(r - 1);
        double alpha = (at - p) / (at - below);
        return p > 0.5 ? r + 1 - alpha : r - alpha;
    }

    /**
     * A proportion's over-dispersed limit: on the arcsine square-root scale, where a share of n has
     * standard error s = 1 / (2 sqrt(n)), the limit is sin²(asin(sqrt(centre)) + z sqrt(s² + tau²)),
     * the angle kept within 0 and pi/2 (FunnelPlotR's "PR" limits).
     */
    static double proportionOverDispersed(long n, double centre, double tau2, double z) {
        double s2 = 1.0 / (4.0 * n);
        double angle = Math.asin(Math.sqrt(centre)) + z * Math.sqrt(s2 + tau2);
        double clipped = Math.max(0, Math.min(Math.PI / 2, angle));
        double sin = Math.sin(clipped);
        return sin * sin;
    }

    /**
     * A rate's over-dispersed limit: the ratio of observed to expected events on the square-root
     * scale, where E expected events give s = 1 / (2 sqrt(E)) about a target of 1, so the limit is
     * centre × (1 + z sqrt(s² + tau²))², 0 where 1 + z sqrt(...) falls below 0 (Spiegelhalter 2005's
     * square-root transformation for Poisson counts, FunnelPlotR's "CQC" method).
     */
    static double rateOverDispersed(double expected, double centre, double tau2, double z) {
        double root = 1 + z * Math.sqrt(1.0 / (4.0 * expected) + tau2);
        return root <= 0 ? 0 : centre * root * root;
    }

    /**
     * R's default (type 7) sample quantile of {@code sorted}: the value at position 1 + (k - 1) q,
     * interpolated between neighbours; FunnelPlotR Winsorises at {@code quantile(z, 0.1)} and
     * {@code quantile(z, 0.9)}.
     */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The over-dispersion of z-scores: Winsorised at the 10th and 90th percentiles (each z beyond
     * them set to them), phi is the mean of their squares, and tau² the DerSimonian-Laird
     * between-unit variance (k phi - (k - 1)) / (sum w - sum w² / sum w), w = 1 / s², never below 0.
     *
     * @return {phi, tau²}
     */
    static double[] dispersion(double[] z, double[] s) {
        int k = z.length;
        double[] sorted = z.clone();
        java.util.Arrays.sort(sorted);
        double low = quantile(sorted, 0.1);
        double high = quantile(sorted, 0.9);
        double sumSquares = 0;
        double w = 0;
        double w2 = 0;
        for (int i = 0; i < k; i++) {
            double winsorised = Math.max(low, Math.min(high, z[i]));
            sumSquares += winsorised * winsorised;
            double wi = 1 / (s[i] * s[i]);
            w += wi;
            w2 += wi * wi;
        }
        double phi = sumSquares / k;
        double tau2 = k * phi < k - 1 ? 0 : Math.max(0, (k * phi - (k - 1)) / (w - w2 / w));
        return new double[] {phi, tau2};
    }

    /**
     * Whether phi shows over-dispersion: k phi is about chi-square on k degrees of freedom when the
     * units differ by chance alone, so phi above 1 + 2 sqrt(2 / k) (two standard deviations of
     * chi-square / k above its mean) is taken as evidence of more (Spiegelhalter 2005, QSHC).
     */
    static boolean overDispersed(double phi, int k) {
        return phi > 1 + 2 * Math.sqrt(2.0 / k);
    }
}
