package org.evident.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The funnel plot of one indicator in one period: each unit (region, or area or system) at one
 * level, its value against its denominator, the pooled value of the units as the centre, and
 * control limits at 95% and 99.8% about it that narrow as the denominator grows (Spiegelhalter
 * 2005). Exact binomial (a share) or Poisson (a rate) limits, unless the units are over-dispersed
 * (phi above 1 + 2 sqrt(2 / k)): then limits widened by the between-unit variance tau², from
 * z-scores Winsorised at 10% at each end, as FunnelPlotR draws them. See {@link FunnelLimits}.
 *
 * @param period        the period id: every unit's return for the same ended period
 * @param centre        the units' numerators over their denominators (times {@code per} for a rate)
 * @param per           a rate's exposure unit (1000: per 1,000 bed days); 1 for a share
 * @param phi           the Winsorised over-dispersion ratio: about 1 when units differ by chance alone
 * @param tau2          the between-unit variance (arcsine scale for a share, square-root ratio scale for a
 *                      rate); drawn only when {@code overDispersed}
 * @param overDispersed whether the limits drawn are the over-dispersed ones
 * @param rows          one per unit, largest denominator first (ties by unit)
 */
public record Funnel(String indicator, String label, String period, Level level, Kind kind, double per, double centre,
                     double phi, double tau2, boolean overDispersed, List<FunnelRow> rows) {

    /** Which units a funnel compares: one level at a time, never regions beside their own areas. */
    public enum Level {
        REGION("region"),
        AREA("area or system");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What is compared: a share of a count (binomial) or a rate of events per exposure (Poisson). */
    public enum Kind {
        PROPORTION, RATE
    }

    /** Where a unit lies against a pair of limits. */
    public enum Position {
        WITHIN("within"), ABOVE("above"), BELOW("below");

        private final String label;

        Position(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Position of(double value, double lower, double upper) {
            return value > upper ? ABOVE : value < lower ? BELOW : WITHIN;
        }
    }

    /** The four limits at one denominator. */
    public record Limits(double lower95, double upper95, double lower998, double upper998) {
    }

    /**
     * One unit of the funnel, as published. Under a suppression rule a hidden count is empty (and so
     * is the value and position made from it); {@code suppressed} is the rule's mark then, else "".
     *
     * @param position   against the 99.8% limits (the funnel's control limits)
     * @param position95 against the 95% limits (warning limits)
     */
    public record FunnelRow(String unit, OptionalLong numerator, OptionalLong denominator, OptionalDouble value,
                            Optional<Limits> limits, Optional<Position> position, Optional<Position> position95,
                            String suppressed) {
        public FunnelRow {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(suppressed, "suppressed");
        }
    }

    public Funnel {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        rows = List.copyOf(rows);
    }

    /** The limits at {@code denominator} (a share's count, or a rate's exposure), as the funnel draws them. */
    public Limits limits(double denominator) {
        if (kind == Kind.PROPORTION) {
            long n = Math.max(1, Math.round(denominator));
            double p = centre;
            if (overDispersed) {
                return new Limits(FunnelLimits.proportionOverDispersed(n, p, tau2, -FunnelLimits.Z95),
                        FunnelLimits.proportionOverDispersed(n, p, tau2, FunnelLimits.Z95),
                        FunnelLimits.proportionOverDispersed(n, p, tau2, -FunnelLimits.Z998),
                        FunnelLimits.proportionOverDispersed(n, p, tau2, FunnelLimits.Z998));
            }
            return new Limits(FunnelLimits.binomial(n, p, 0.025), FunnelLimits.binomial(n, p, 0.975),
                    FunnelLimits.binomial(n, p, 0.001), FunnelLimits.binomial(n, p, 0.999));
        }
        double expected = denominator * centre / per;
        if (overDispersed) {
            return new Limits(FunnelLimits.rateOverDispersed(expected, centre, tau2, -FunnelLimits.Z95),
                    FunnelLimits.rateOverDispersed(expected, centre, tau2, FunnelLimits.Z95),
                    FunnelLimits.rateOverDispersed(expected, centre, tau2, -FunnelLimits.Z998),
                    FunnelLimits.rateOverDispersed(expected, centre, tau2, FunnelLimits.Z998));
        }
        double toRate = per / denominator;
        return new Limits(FunnelLimits.poisson(expected, 0.025) * toRate, FunnelLimits.poisson(expected, 0.975) * toRate,
                FunnelLimits.poisson(expected, 0.001) * toRate, FunnelLimits.poisson(expected, 0.999) * toRate);
    }

    /** Which limits are drawn, in words, for the table and the report. */
    public String method() {
        String exact = kind == Kind.PROPORTION ? "exact binomial" : "exact Poisson";
        String dispersion = String.format(java.util.Locale.ROOT, "phi %.2f, threshold %.2f for %d units", phi,
                1 + 2 * Math.sqrt(2.0 / rows.size()), rows.size());
        if (!overDispersed) {
            return exact + " (" + dispersion + ": not over-dispersed)";
        }
        return String.format(java.util.Locale.ROOT, "over-dispersed, additive tau² %.3g on the %s scale, z-scores Winsorised"
                + " at 10%% each end (%s)", tau2, kind == Kind.PROPORTION ? "arcsine square-root" : "square-root ratio", dispersion);
    }

    /** The units outside the 99.8% limits, as published (a suppressed unit never is). */
    public List<FunnelRow> outside() {
        return rows.stream().filter(r -> r.position().filter(p -> p != Position.WITHIN).isPresent()).toList();
    }
}
