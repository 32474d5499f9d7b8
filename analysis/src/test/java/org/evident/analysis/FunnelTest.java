package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.evident.toc.Indicator;
import org.junit.jupiter.api.Test;

/**
 * Funnel limits against values worked by hand from the published formulas: Spiegelhalter DJ, "Funnel plots for
 * comparing institutional performance", Stat Med 2005;24:1185-1202, Appendix A.1 (the exact binomial and Poisson
 * limits, interpolated between counts), and Spiegelhalter DJ, "Handling over-dispersion of performance indicators",
 * Qual Saf Health Care 2005;14:347-351, with FunnelPlotR's arcsine transformation, 10% Winsorisation, phi and tau²
 * (its transformed_zscore, winsorisation, phi_func, tau_func and calculate_limits). The binomial and Poisson
 * probabilities below are sums of the probability mass function written out; no library computed them.
 */
class FunnelTest {
    private static final double EXACT = 1e-9;

    private static Indicator indicator(String unit, double per) {
        return new Indicator("k", "n", "A KPI", Indicator.Source.KPI, "K", OptionalDouble.empty(), Indicator.Direction.HIGHER,
                unit, Optional.empty(), Indicator.Basis.CENSUS, false, List.of(), per, Indicator.Rollup.NONE, 0, Optional.empty());
    }

    private static KpiRow row(String unit, long numerator, long denominator) {
        return new KpiRow("k", "A KPI", "K", unit, "2024-25 Q1", "", OptionalLong.of(numerator), OptionalLong.of(denominator),
                OptionalDouble.of((double) numerator / denominator), OptionalDouble.empty(), "census", Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), "", "");
    }

    private static Funnel.FunnelRow unit(Funnel f, String name) {
        return f.rows().stream().filter(r -> r.unit().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void proportion_exactBinomialLimits_at95And998() {
        // Units A 5/10, B 50/100, C 10/20: centre 65/130 = 0.5, every z-score 0, so phi = 0: not over-dispersed.
        Funnel f = Funnels.funnel(indicator("share", 1), "2024-25 Q1", Funnel.Level.AREA,
                List.of(row("A", 5, 10), row("B", 50, 100), row("C", 10, 20)), SuppressionRule.NONE);
        assertEquals(0.5, f.centre(), EXACT);
        assertFalse(f.overDispersed());
        assertTrue(f.method().startsWith("exact binomial"), f.method());
        // At n = 10, Binomial(10, 0.5): P(R <= r) = (sum of C(10, k), k <= r) / 1024: r = 0: 1, 1: 11, 2: 56, 7: 968,
        // 8: 1013, 9: 1023 (all / 1024).
        // 2.5%: r = 2 (11/1024 < 0.025 <= 56/1024); alpha = (56/1024 - 0.025) / (45/1024) = (56 - 25.6) / 45 = 0.675556;
        //   limit (2 - 0.675556) / 10 = 0.1324444.
        // 0.1%: r = 1 (1/1024 < 0.001 <= 11/1024); alpha = (11 - 1.024) / 10 = 0.9976; limit 0.0024 / 10 = 0.00024.
        // The upper limits interpolate the upper tail S(r) = P(R >= r) the same way: s is the largest count with
        // S(s) >= 1 - p, alpha' = (S(s) - (1 - p)) / P(R = s), the limit (s + alpha') / n, which is (r + 1 - alpha) / n:
        // 97.5%: S(8) = 56/1024 >= 0.025 > S(9) = 11/1024, so s = 8; alpha' = (56 - 25.6) / 45 = 0.675556;
        //   limit 8.675556 / 10, the mirror image of the lower one about 0.5, as it must be for a centre of 0.5.
        // 99.9%: S(9) = 11/1024 >= 0.001 > S(10) = 1/1024, s = 9; alpha' = (11 - 1.024) / 10 = 0.9976; limit 9.9976 / 10.
        Funnel.Limits a = unit(f, "A").limits().orElseThrow();
        assertEquals(0.1324444444, a.lower95(), 1e-9);
        assertEquals(0.8675555556, a.upper95(), 1e-9);
        assertEquals(0.00024, a.lower998(), 1e-9);
        assertEquals(0.99976, a.upper998(), 1e-9);
        assertEquals(Funnel.Position.WITHIN, unit(f, "A").position().orElseThrow());
        // Rows largest denominator first.
        assertEquals(List.of("B", "C", "A"), f.rows().stream().map(Funnel.FunnelRow::unit).toList());
    }

    @Test
    void rate_exactPoissonLimits_at95And998() {
        // Falls per 1,000 bed days: A 2 in 1,000, B 20 in 10,000, C 8 in 4,000: centre 30 / 15,000 = 0.002, 2 per 1,000.
        // At A's exposure the expected count is 1,000 x 0.002 = 2; Poisson(2): P(k) = e^-2 2^k / k!, e^-2 = 0.1353352832.
        // P(R <= r) = e^-2 x (1 + 2 + 2 + 4/3 + 2/3 + 4/15 + 4/45 + 8/315 + 2/315):
        //   r = 0: 0.1353353, 4: 0.9473470, 5: 0.9834364, 7: 0.9989033, 8: 0.9997626.
        // 2.5% and 0.1%: r = 0, alpha = (0.1353353 - p) / 0.1353353 > 0, so r - alpha < 0: the limit is 0.
        // Upper limits, the upper tail S(r) = P(R >= r) = 1 - P(R <= r - 1) interpolated (see the proportion test):
        // 97.5%: S(5) = 1 - 0.9473470 = 0.0526530 >= 0.025 > S(6) = 0.0165636, s = 5; P(R = 5) = 0.0360894;
        //   alpha' = (0.0526530 - 0.025) / 0.0360894 = 0.7662364; 5.7662364 events in 1,000 bed days = 5.7662364 per 1,000.
        // 99.9%: S(8) = 1 - 0.9989033 = 0.0010967 >= 0.001 > S(9) = 0.0002374, s = 8; P(R = 8) = 0.0008593;
        //   alpha' = (0.0010967 - 0.001) / 0.0008593 = 0.1125592; 8.1125592 per 1,000.
        Funnel f = Funnels.funnel(indicator("rate", 1000), "2024-25 Q1", Funnel.Level.AREA,
                List.of(row("A", 2, 1000), row("B", 20, 10000), row("C", 8, 4000)), SuppressionRule.NONE);
        assertEquals(2.0, f.centre(), EXACT);
        assertTrue(f.method().startsWith("exact Poisson"), f.method());
        Funnel.Limits a = unit(f, "A").limits().orElseThrow();
        assertEquals(0, a.lower95(), EXACT);
        assertEquals(5.7662364, a.upper95(), 1e-6);
        assertEquals(0, a.lower998(), EXACT);
        assertEquals(8.1125592, a.upper998(), 1e-6);
        assertEquals(2.0, unit(f, "A").value().getAsDouble(), EXACT);
    }

    @Test
    void aUnitAtTheUpperQuantile_isWithin_evenAtOneCase() {
        // 1 of 1 when the centre is 0.85 (170 of 200 over the three units): P(R >= 1) = 0.85, nothing unusual. Upper tail:
        // S(1) = 0.85 >= 0.001 and there is no S(2), so s = 1, alpha' = (0.85 - 0.001) / 0.85 = 0.998824, the limit
        // (1 + 0.998824) / 1 above 1, kept at 1: the unit is within.
        Funnel f = Funnels.funnel(indicator("share", 1), "2024-25 Q1", Funnel.Level.AREA,
                List.of(row("A", 1, 1), row("B", 84, 99), row("C", 85, 100)), SuppressionRule.NONE);
        assertEquals(0.85, f.centre(), EXACT);
        assertEquals(1.0, unit(f, "A").limits().orElseThrow().upper998(), EXACT);
        assertEquals(Funnel.Position.WITHIN, unit(f, "A").position().orElseThrow());
    }

    @Test
    void overDispersedProportions_tau2FromWinsorisedZScores() {
        // Ten units of 100 with shares .30 .40 .45 .50 .50 .50 .50 .55 .60 .70: centre 0.5. On the arcsine scale
        // theta = asin(sqrt(0.5)) = pi/4, s = 1 / (2 sqrt(100)) = 0.05, z = (asin(sqrt(p)) - pi/4) / 0.05:
        //   .30: (0.5796397 - 0.7853982) / 0.05 = -4.115168; .40: -2.013579; .45: -1.001674; .50: 0; and the mirror
        //   images +1.001674, +2.013579, +4.115168.
        // Winsorised at R's type-7 10th and 90th percentiles: position 1 + 9 x 0.1 = 1.9, so
        //   -4.115168 + 0.9 x (-2.013579 + 4.115168) = -2.223738, and +2.223738 at the top.
        // phi = (2 x (2.223738² + 2.013579² + 1.001674²)) / 10 = 20.005727 / 10 = 2.0005727 > 1 + 2 sqrt(2/10) = 1.894427.
        // w = 1 / s² = 400 each: tau² = (10 x 2.0005727 - 9) / (4000 - 10 x 400² / 4000) = 11.005727 / 3600 = 0.0030571465.
        // At n = 100: sd = sqrt(0.0025 + 0.0030571465) = 0.0745462710;
        //   95%: sin²(pi/4 -/+ 1.959964 x 0.0745463) = sin²(0.6392902) = 0.3559625, sin²(0.9315062) = 0.6440375;
        //   99.8%: sin²(pi/4 -/+ 3.090232 x 0.0745463) = sin²(0.5550329) = 0.2776987, sin²(1.0157635) = 0.7223013.
        double[] shares = {0.30, 0.40, 0.45, 0.50, 0.50, 0.50, 0.50, 0.55, 0.60, 0.70};
        List<KpiRow> rows = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            rows.add(row("U" + i, Math.round(shares[i] * 100), 100));
        }
        Funnel f = Funnels.funnel(indicator("share", 1), "2024-25 Q1", Funnel.Level.REGION, rows, SuppressionRule.NONE);
        assertEquals(2.0005727475, f.phi(), 1e-9);
        assertTrue(f.overDispersed());
        assertEquals(0.0030571465, f.tau2(), 1e-10);
        assertTrue(f.method().startsWith("over-dispersed"), f.method());
        Funnel.Limits l = unit(f, "U0").limits().orElseThrow();
        assertEquals(0.3559624991, l.lower95(), 1e-9);
        assertEquals(0.6440375009, l.upper95(), 1e-9);
        assertEquals(0.2776986823, l.lower998(), 1e-9);
        assertEquals(0.7223013177, l.upper998(), 1e-9);
        // 0.30 lies within the 99.8% limits (above 0.2777) but below the 95% limit (0.3560).
        assertEquals(Funnel.Position.WITHIN, unit(f, "U0").position().orElseThrow());
        assertEquals(Funnel.Position.BELOW, unit(f, "U0").position95().orElseThrow());
        // Without the adjustment the exact binomial limits at n = 100 about 0.5 put 0.30 and 0.70 outside 99.8%
        // (0.5 -/+ 3.09 x 0.05 is about 0.35 to 0.65): the adjustment is what keeps them in.
        assertTrue(f.outside().isEmpty());
    }

    @Test
    void suppression_hidesSmallCounts_andASecondSoTheCentreCannotGiveItBack() {
        // fewer-than-5 hides counts of 1 to 4. D's numerator 3 is small; the centre (all numerators over all
        // denominators) less the shown units would give it back, so the next smallest numerator (C's 20) is hidden too.
        Funnel f = Funnels.funnel(indicator("share", 1), "2024-25 Q1", Funnel.Level.REGION,
                List.of(row("A", 50, 100), row("B", 45, 90), row("C", 20, 40), row("D", 3, 30)), SuppressionRule.FEWER_THAN_5);
        for (String hidden : List.of("C", "D")) {
            Funnel.FunnelRow r = unit(f, hidden);
            assertTrue(r.numerator().isEmpty() && r.value().isEmpty() && r.position().isEmpty(), hidden);
            assertEquals("<5", r.suppressed());
        }
        assertEquals(OptionalLong.of(50), unit(f, "A").numerator());
        assertTrue(f.outside().stream().noneMatch(r -> r.unit().equals("D")));
    }

    @Test
    void suppressionNhs_roundsShownCounts_andDerivesTheValueFromThem() {
        // nhs hides 1 to 7 and rounds the rest to 5. D's 3 is hidden, and B's 48 (the next smallest numerator) with it.
        // A's 52 of 103 is shown as 50 of 105, its value 50 / 105 = 0.476190, as survey shares are derived.
        Funnel f = Funnels.funnel(indicator("share", 1), "2024-25 Q1", Funnel.Level.REGION,
                List.of(row("A", 52, 103), row("B", 48, 97), row("C", 60, 120), row("D", 3, 30)), SuppressionRule.NHS);
        assertEquals("*", unit(f, "D").suppressed());
        assertEquals("*", unit(f, "B").suppressed());
        assertTrue(unit(f, "B").numerator().isEmpty());
        assertEquals(OptionalLong.of(50), unit(f, "A").numerator());
        assertEquals(OptionalLong.of(105), unit(f, "A").denominator());
        assertEquals(50.0 / 105, unit(f, "A").value().getAsDouble(), EXACT);
        assertEquals(OptionalLong.of(60), unit(f, "C").numerator());
    }

    @Test
    void workedExample_regionsOnly_programmeRowsAreNotUnits() {
        // The worked example's KPI returns: programme rows (unit "") and, from the discharge records, the nine regions'
        // rows of HOME-65 and LOS-21 (shares) for 7 ended quarters; counts and means are not compared.
        org.evident.toc.EvaluationProject project = org.evident.toc.EvaluationProject.open(
                java.nio.file.Path.of("..", "fixtures", "bcf-support-programme"));
        List<KpiRow> rows = List.of(row("", 5, 10), row("London", 5, 10), row("North East", 6, 10));
        // Two regions are too few to compare.
        assertTrue(Funnels.of(project, rows, SuppressionRule.NONE).isEmpty());
    }

    @Test
    void beforeAndAfter_aChangePoint_withAndWithoutASustainedShift() {
        // Before: 10 12 11 13 12 10, mean 68 / 6 = 11.3333. After: 14 15 13 16 14 15 17, mean 104 / 7 = 14.8571, all
        // seven above 11.3333: a run of 7, the NHS shift length, so a sustained shift above.
        SpcRules rules = new SpcRules(7, 7, 2);
        List<String> p = List.of("a", "b", "c", "d", "e", "f");
        RunChart before = RunChart.of(p, List.of(10.0, 12.0, 11.0, 13.0, 12.0, 10.0), OptionalDouble.empty(),
                Indicator.Direction.HIGHER, rules).orElseThrow();
        RunChart after = RunChart.of(List.of("g", "h", "i", "j", "k", "l", "m"), List.of(14.0, 15.0, 13.0, 16.0, 14.0, 15.0, 17.0),
                OptionalDouble.empty(), Indicator.Direction.HIGHER, rules).orElseThrow();
        BeforeAfter shifted = BeforeAfter.of("k", "A KPI", "", before, after, 7);
        assertEquals(11.333333333, shifted.centreBefore(), 1e-8);
        assertEquals(14.857142857, shifted.centreAfter(), 1e-8);
        assertEquals(3.523809524, shifted.difference(), 1e-8);
        assertEquals("g", shifted.changePoint());
        assertTrue(shifted.sustained());
        assertEquals("above", shifted.side());
        // After: 12 10 13 14: above, below, above, above the earlier 11.3333: the longest run is 2, no shift yet.
        RunChart short4 = RunChart.of(List.of("g", "h", "i", "j"), List.of(12.0, 10.0, 13.0, 14.0), OptionalDouble.empty(),
                Indicator.Direction.HIGHER, rules).orElseThrow();
        BeforeAfter notYet = BeforeAfter.of("k", "A KPI", "", before, short4, 7);
        assertEquals(2, notYet.longestRun());
        assertFalse(notYet.sustained());
        assertTrue(notYet.reading().startsWith("no sustained shift yet"), notYet.reading());
    }
}
