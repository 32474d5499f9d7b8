package org.evident.toc;

import java.util.Locale;

/**
 * Analysis settings from {@code evaluation.yaml}, each with a default.
 *
 * @param confidenceLevel the coverage of every interval, e.g. 0.95
 * @param interval        how intervals for shares are computed
 * @param regions         the regions a tracker's local projects may name
 */
public record Settings(double confidenceLevel, IntervalMethod interval, java.util.List<String> regions) {

    /** Intervals for a share x of n. Wilson is the default for small samples (Brown, Cai and DasGupta 2001). */
    public enum IntervalMethod {
        WILSON, JEFFREYS, CLOPPER_PEARSON;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static IntervalMethod fromYaml(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** The nine English regions, as the evaluation's Table 3 names them. */
    public static final java.util.List<String> ENGLISH_REGIONS = java.util.List.of("East Midlands", "East of England",
            "London", "North East", "North West", "South East", "South West", "West Midlands", "Yorkshire and Humber");

    public static final Settings DEFAULTS = new Settings(0.95, IntervalMethod.WILSON, ENGLISH_REGIONS);

    public Settings {
        if (!(confidenceLevel >= 0.5 && confidenceLevel <= 0.999)) {
            throw new IllegalArgumentException("confidence level " + confidenceLevel + " is outside 0.5 to 0.999");
        }
        java.util.Objects.requireNonNull(interval, "interval");
        regions = java.util.List.copyOf(regions);
    }
}
