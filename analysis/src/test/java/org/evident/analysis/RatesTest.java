package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Garwood's exact Poisson interval against published and hand-worked values. */
class RatesTest {

    /**
     * 10 events, 95%: 4.7954 to 18.3904, the exact (Garwood) limits tabulated for a Poisson count
     * of 10 (e.g. Ulm 1990, Am J Epidemiol 131:373, which gives them from chi-square quantiles; SciPy's
     * chi2.ppf(0.025, 20) / 2 and chi2.ppf(0.975, 22) / 2 give 4.795389 and 18.390356). Byar's approximation gives 4.7874 and 18.3915 (worked
     * from O(1 - 1/(9O) - z/(3 sqrt O))^3 and (O + 1)(1 - 1/(9(O + 1)) + z/(3 sqrt(O + 1)))^3 with
     * z = 1.959964), within 0.01 of them.
     */
    @Test
    void tenEvents_garwoodExactLimits() {
        Interval count = Rates.garwood(10, 1, 1, 0.95);
        assertEquals(4.7954, count.low(), 5e-5);
        assertEquals(18.3904, count.high(), 5e-5);
        assertEquals(4.7874, count.low(), 0.01, "Byar's approximation");
        assertEquals(18.3915, count.high(), 0.01, "Byar's approximation");
    }

    /**
     * No events: the lower end is 0 and the upper is chi-square(0.975, 2) / 2. A chi-square of 2
     * degrees of freedom has P(X <= x) = 1 - exp(-x/2), so its 0.975 quantile is -2 ln 0.025 and the
     * upper end is -ln 0.025 = 3.688879.
     */
    @Test
    void noEvents_upperEndIsMinusLogAlphaOverTwo() {
        Interval count = Rates.garwood(0, 1, 1, 0.95);
        assertEquals(0.0, count.low());
        assertEquals(3.688879, count.high(), 1e-6);
    }

    /** Per exposure: 10 falls in 2,000 bed days, per 1,000, is 5 with limits 4.7954 / 2 to 18.3904 / 2. */
    @Test
    void perExposure_scalesTheCountsInterval() {
        Interval rate = Rates.garwood(10, 2000, 1000, 0.95);
        assertEquals(2.3977, rate.low(), 5e-5);
        assertEquals(9.1952, rate.high(), 5e-5);
    }

    @Test
    void badInput_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rates.garwood(-1, 10, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Rates.garwood(1, 0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Rates.garwood(1, 10, 1, 1.0));
    }
}
