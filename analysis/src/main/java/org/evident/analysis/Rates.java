package org.evident.analysis;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The interval for a rate, events per exposure, from the events' Poisson distribution.
 */
final class Rates {

    /** As for shares: quantiles solved tightly enough that four printed decimals never hinge on the solver. */
    private static final double QUANTILE_ACCURACY = 1e-12;

    private Rates() {
    }

    /**
     * Garwood's exact interval (Garwood 1936) for {@code events} observed in {@code exposure},
     * shown per {@code per} of exposure: for the count, chi-square(alpha/2, 2x) / 2 to
     * chi-square(1 - alpha/2, 2x + 2) / 2, the lower end 0 when x = 0; both divided by the
     * exposure and multiplied by {@code per}. Exact, so never below the stated coverage; Byar's
     * approximation, common in public health tables, comes close to it from about 10 events on.
     */
    static Interval garwood(long events, long exposure, double per, double confidence) {
        if (events < 0) {
            throw new IllegalArgumentException("a count of events cannot be negative, got " + events);
        }
        if (exposure <= 0) {
            throw new IllegalArgumentException("a rate needs a positive exposure, got " + exposure);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (for example 0.95), got " + confidence);
        }
        double alpha = 1 - confidence;
        double low = events == 0 ? 0
                : new ChiSquaredDistribution(2.0 * events, QUANTILE_ACCURACY).inverseCumulativeProbability(alpha / 2) / 2;
        double high = new ChiSquaredDistribution(2.0 * events + 2, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(1 - alpha / 2) / 2;
        return new Interval(low / exposure * per, high / exposure * per);
    }
}
