package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evident.ingest.Finding;
import org.evident.ingest.ProcessTracingTest;
import org.evident.toc.EvidenceDirection;
import org.junit.jupiter.api.Test;

/**
 * Contribution tracing against the formula of evidence.md (Befani and Stedman-Bryce 2017), every
 * expected value worked by hand as an exact fraction in the comments.
 */
class ContributionTracingTest {
    private static final double EXACT = 1e-12;
    private static final ProcessTracingTest HOOP = new ProcessTracingTest(Optional.of("hoop"), 0.95, 0.5);
    private static final ProcessTracingTest SMOKING_GUN = new ProcessTracingTest(Optional.of("smoking_gun"), 0.3, 0.05);
    private static final ProcessTracingTest STRAW = new ProcessTracingTest(Optional.of("straw_in_the_wind"), 0.6, 0.4);

    private static Finding finding(String id, EvidenceDirection direction, ProcessTracingTest test) {
        return new Finding(id, "st-sat", direction, "interviews", "phase-3", "", "", "", Optional.ofNullable(test));
    }

    @Test
    void hoopTest_passed_raisesALittle_failed_lowersALot() {
        // Passed: 0.95 * 0.5 = 0.475; 0.5 * 0.5 = 0.25; 0.475 / (0.475 + 0.25) = 0.475 / 0.725 = 19/29 = 0.655.
        assertEquals(19.0 / 29, ContributionTracing.posterior(0.5, 0.95, 0.5, true), EXACT);
        // Failed: (1 - 0.95) * 0.5 = 0.025; (1 - 0.5) * 0.5 = 0.25; 0.025 / 0.275 = 1/11 = 0.0909.
        assertEquals(1.0 / 11, ContributionTracing.posterior(0.5, 0.95, 0.5, false), EXACT);
    }

    @Test
    void smokingGun_found_raisesALot_missing_lowersALittle() {
        // Found: 0.3 * 0.5 = 0.15; 0.05 * 0.5 = 0.025; 0.15 / 0.175 = 6/7 = 0.857.
        assertEquals(6.0 / 7, ContributionTracing.posterior(0.5, 0.3, 0.05, true), EXACT);
        // Missing: 0.7 * 0.5 = 0.35; 0.95 * 0.5 = 0.475; 0.35 / 0.825 = 14/33 = 0.424.
        assertEquals(14.0 / 33, ContributionTracing.posterior(0.5, 0.3, 0.05, false), EXACT);
        // From a sceptical prior 0.2: 0.3 * 0.2 = 0.06; 0.05 * 0.8 = 0.04; 0.06 / 0.10 = 0.6.
        assertEquals(0.6, ContributionTracing.posterior(0.2, 0.3, 0.05, true), EXACT);
    }

    @Test
    void supportsIsFound_contradictsIsAbsent() {
        // The same numbers as the hoop test above, through findings: ratios 0.95/0.5 = 1.9 and 0.05/0.5 = 0.1.
        ContributionTracing.Result passed = ContributionTracing.trace(0.5, List.of(finding("F1", EvidenceDirection.SUPPORTS, HOOP)));
        assertEquals(1.9, passed.updates().get(0).likelihoodRatio(), EXACT);
        assertEquals(19.0 / 29, passed.posterior(), EXACT);
        ContributionTracing.Result failed = ContributionTracing.trace(0.5,
                List.of(finding("F1", EvidenceDirection.CONTRADICTS, HOOP)));
        assertEquals(0.1, failed.updates().get(0).likelihoodRatio(), EXACT);
        assertEquals(1.0 / 11, failed.posterior(), EXACT);
    }

    @Test
    void twoIndependentItems_multiplyTheirRatios() {
        // Hoop passed (1.9) and smoking gun found (0.3/0.05 = 6) from prior odds 0.5/0.5 = 1:
        // odds 1 * 1.9 * 6 = 11.4, posterior 11.4 / 12.4 = 57/62 = 0.919.
        // Check by two single steps: 0.3 * 19/29 / (0.3 * 19/29 + 0.05 * 10/29) = 5.7 / (5.7 + 0.5) = 57/62.
        ContributionTracing.Result both = ContributionTracing.trace(0.5,
                List.of(finding("F1", EvidenceDirection.SUPPORTS, HOOP), finding("F2", EvidenceDirection.SUPPORTS, SMOKING_GUN)));
        assertEquals(57.0 / 62, both.posterior(), EXACT);
        // Hoop failed (0.1) and smoking gun found (6): odds 0.6, posterior 0.6 / 1.6 = 0.375.
        ContributionTracing.Result against = ContributionTracing.trace(0.5,
                List.of(finding("F1", EvidenceDirection.CONTRADICTS, HOOP), finding("F2", EvidenceDirection.SUPPORTS, SMOKING_GUN)));
        assertEquals(0.375, against.posterior(), EXACT);
    }

    @Test
    void updates_followTheInputOrder_withRunningPosteriors() {
        // Smoking gun first: 6/7 = 0.857; then the hoop: odds 6 * 1.9 = 11.4, 57/62 as in either order.
        ContributionTracing.Result r = ContributionTracing.trace(0.5,
                List.of(finding("F2", EvidenceDirection.SUPPORTS, SMOKING_GUN), finding("F1", EvidenceDirection.SUPPORTS, HOOP)));
        assertEquals(List.of("F2", "F1"), r.updates().stream().map(ContributionTracing.Update::findingId).toList());
        assertEquals(6.0 / 7, r.updates().get(0).posterior(), EXACT);
        assertEquals(57.0 / 62, r.updates().get(1).posterior(), EXACT);
        assertEquals(57.0 / 62, r.posterior(), EXACT);
        assertEquals(EvidenceDirection.SUPPORTS, r.updates().get(0).direction());
        assertEquals(0.3, r.updates().get(0).sensitivity());
        assertEquals(0.05, r.updates().get(0).typeOneError());
        assertEquals(6, r.updates().get(0).likelihoodRatio(), EXACT);
        assertEquals(0.5, r.prior());
    }

    @Test
    void aMixedFinding_isListed_andChangesNothing() {
        // Straw in the wind, mixed: ratio 1. Alone it leaves 0.5; between two items the running posterior
        // stays at the hoop's 19/29 and the smoking gun then gives 57/62 as without it.
        ContributionTracing.Result alone = ContributionTracing.trace(0.5, List.of(finding("F3", EvidenceDirection.MIXED, STRAW)));
        assertEquals(1, alone.updates().size());
        assertEquals(new ContributionTracing.Update("F3", EvidenceDirection.MIXED, 0.6, 0.4, 1, 0.5), alone.updates().get(0));
        assertEquals(0.5, alone.posterior());
        ContributionTracing.Result between = ContributionTracing.trace(0.5, List.of(finding("F1", EvidenceDirection.SUPPORTS, HOOP),
                finding("F3", EvidenceDirection.MIXED, STRAW), finding("F2", EvidenceDirection.SUPPORTS, SMOKING_GUN)));
        assertEquals(between.updates().get(0).posterior(), between.updates().get(1).posterior());
        assertEquals(19.0 / 29, between.updates().get(1).posterior(), EXACT);
        assertEquals(57.0 / 62, between.posterior(), EXACT);
    }

    @Test
    void findingsWithoutATest_areLeftOut_andNoneLeavesThePrior() {
        ContributionTracing.Result none = ContributionTracing.trace(0.3,
                List.of(finding("F0", EvidenceDirection.SUPPORTS, null), finding("F9", EvidenceDirection.CONTRADICTS, null)));
        assertEquals(List.of(), none.updates());
        assertEquals(0.3, none.posterior());
        assertEquals(0.3, ContributionTracing.trace(0.3, List.of()).posterior());
        // Straw in the wind found from 0.3: 0.6 * 0.3 = 0.18; 0.4 * 0.7 = 0.28; 0.18 / 0.46 = 9/23 = 0.391.
        ContributionTracing.Result one = ContributionTracing.trace(0.3,
                List.of(finding("F0", EvidenceDirection.SUPPORTS, null), finding("F4", EvidenceDirection.SUPPORTS, STRAW)));
        assertEquals(List.of("F4"), one.updates().stream().map(ContributionTracing.Update::findingId).toList());
        assertEquals(9.0 / 23, one.posterior(), EXACT);
    }

    @Test
    void priorsAndProbabilitiesOutsideZeroToOne_areRefused() {
        for (double prior : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> ContributionTracing.trace(prior, List.of()), () -> "" + prior);
            assertThrows(IllegalArgumentException.class, () -> ContributionTracing.posterior(prior, 0.9, 0.1, true));
        }
        assertThrows(IllegalArgumentException.class, () -> ContributionTracing.posterior(0.5, 1, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> ContributionTracing.posterior(0.5, 0.9, 0, false));
    }

    @Test
    void manyStrongItems_stayBelowCertainty_soOneAgainstStillCounts() {
        // 40 smoking guns found: odds 6^40 = 1.34e31, a posterior that rounds to exactly 1 as a double, where
        // Bayes' rule step by step would stay for ever. 41 failed hoops (0.1 each) then give odds
        // 6^40 * 0.1^41 = 1.34e31 * 1e-41 = 1.34e-10, a posterior of about 1.34e-10.
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            findings.add(finding("G" + i, EvidenceDirection.SUPPORTS, SMOKING_GUN));
        }
        for (int i = 0; i < 41; i++) {
            findings.add(finding("H" + i, EvidenceDirection.CONTRADICTS, HOOP));
        }
        double odds = Math.pow(6, 40) * Math.pow(0.1, 41);
        assertEquals(odds / (1 + odds), ContributionTracing.trace(0.5, findings).posterior(), odds * 1e-9);
    }
}
