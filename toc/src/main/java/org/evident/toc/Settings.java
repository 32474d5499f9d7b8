package org.evident.toc;

import java.util.Locale;

/**
 * Analysis settings from {@code evaluation.yaml}, each with a default.
 *
 * @param confidenceLevel the coverage of every interval, e.g. 0.95
 * @param interval        how intervals for shares are computed
 * @param regions         the regions a tracker's local projects may name
 * @param prior           the prior confidence in each outcome claim for contribution tracing (findings
 *                        that record process-tracing tests), 0.5 unless set
 * @param unitsListed     the most units of one level (the regions, or the areas or systems below them) whose KPIs
 *                        the report lists one by one; a level with more is summarised there, its units' figures left
 *                        to the workbook and the CSV tables ({@link #UNITS_LISTED}, 20, unless set)
 */
public record Settings(double confidenceLevel, IntervalMethod interval, java.util.List<String> regions, RunCharts runCharts,
                       String suppression, boolean suppressOrganisations, double prior, int unitsListed) {

    /**
     * The default of {@code units_listed}: a table of 20 units fits a page beside its heading, and
     * it lists the nine English regions (or a programme's few systems), while a level of 150 areas,
     * whose table would run to pages, is summarised.
     */
    public static final int UNITS_LISTED = 20;

    /** Settings with the default {@link #UNITS_LISTED}. */
    public Settings(double confidenceLevel, IntervalMethod interval, java.util.List<String> regions, RunCharts runCharts,
                    String suppression, boolean suppressOrganisations, double prior) {
        this(confidenceLevel, interval, regions, runCharts, suppression, suppressOrganisations, prior, UNITS_LISTED);
    }

    /**
     * Run lengths for the special-cause rules of XmR run charts, in points: a shift is a run on
     * one side of the mean, a trend a run of rises or falls. The defaults are those of NHS England's
     * "Making Data Count" and the NHS-R community's NHSRplotthedots: 7 and 7. A chart needs at
     * least {@code minimumPoints} periods before limits are drawn.
     */
    public record RunCharts(int shiftLength, int trendLength, int minimumPoints, Laney laney) {
        public static final RunCharts NHS = new RunCharts(7, 7, 6, Laney.AUTO);

        public RunCharts {
            java.util.Objects.requireNonNull(laney, "laney");
        }
    }

    /**
     * Whether p, c and u charts widen their limits by Laney's sigma-z (the p', c' and u' charts):
     * {@code AUTO} where the points vary more than sampling alone allows (sigma-z above 1), {@code ON}
     * always (Laney's own advice for large denominators: sigma-z below 1 then narrows them), {@code OFF}
     * never (the classic charts).
     */
    public enum Laney {
        AUTO, ON, OFF;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Small-number suppression rules for person-level counts in published tables. */
    public static final java.util.List<String> SUPPRESSION_RULES = java.util.List.of("none", "nhs", "fewer-than-5");

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

    public static final Settings DEFAULTS = new Settings(0.95, IntervalMethod.WILSON, ENGLISH_REGIONS, RunCharts.NHS, "none", false, 0.5);

    public Settings {
        if (!(confidenceLevel >= 0.5 && confidenceLevel <= 0.999)) {
            throw new IllegalArgumentException("confidence level " + confidenceLevel + " is outside 0.5 to 0.999");
        }
        java.util.Objects.requireNonNull(interval, "interval");
        regions = java.util.List.copyOf(regions);
        java.util.Objects.requireNonNull(runCharts, "runCharts");
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior " + prior + " is not strictly between 0 and 1");
        }
        if (unitsListed < 0) {
            throw new IllegalArgumentException("units_listed " + unitsListed + " is negative");
        }
        if (!SUPPRESSION_RULES.contains(suppression)) {
            throw new IllegalArgumentException("suppression '" + suppression + "' is not one of " + SUPPRESSION_RULES);
        }
    }
}
