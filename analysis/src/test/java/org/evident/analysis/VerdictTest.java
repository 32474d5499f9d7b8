package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.evident.toc.Indicator.Direction;
import org.evident.toc.Settings.IntervalMethod;
import org.junit.jupiter.api.Test;

/** Verdicts against a target of 80%, with Wilson 95% intervals worked by hand in ProportionsTest. */
class VerdictTest {

    @Test
    void fifteenOf19_straddles80Percent_soInconclusive() {
        // Wilson 15/19 = 0.567 to 0.915: 0.80 lies inside.
        Interval ci = Proportions.interval(15, 19, IntervalMethod.WILSON, 0.95);
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(ci, 0.80, Direction.HIGHER));
        assertEquals("inconclusive: too few answers to say", Verdict.INCONCLUSIVE.label());
    }

    @Test
    void nineteenOf19_lowerBoundAbove80Percent_soMet() {
        // Wilson 19/19 lower bound = 19 / (19 + 1.959964^2) = 0.832 > 0.80.
        Interval ci = Proportions.interval(19, 19, IntervalMethod.WILSON, 0.95);
        assertEquals(Verdict.MET, Verdict.of(ci, 0.80, Direction.HIGHER));
        assertEquals("met", Verdict.MET.label());
    }

    @Test
    void fiveOf19_upperBoundBelow80Percent_soNotMet() {
        // Wilson 5/19: p = 0.263158, centre = (0.263158 + 0.101091) / 1.202182 = 0.302990,
        // half-width = 1.959964 * sqrt(0.193906/19 + 0.0026603) / 1.202182 = 0.184926, upper = 0.487916 < 0.80.
        Interval ci = Proportions.interval(5, 19, IntervalMethod.WILSON, 0.95);
        assertEquals(0.487916, ci.high(), 1e-5);
        assertEquals(Verdict.NOT_MET, Verdict.of(ci, 0.80, Direction.HIGHER));
        assertEquals("not met", Verdict.NOT_MET.label());
    }

    @Test
    void lowerIsBetter_isTheMirror() {
        // A share to keep below 20%, e.g. complaints.
        assertEquals(Verdict.MET, Verdict.of(new Interval(0.05, 0.15), 0.20, Direction.LOWER));
        assertEquals(Verdict.NOT_MET, Verdict.of(new Interval(0.25, 0.40), 0.20, Direction.LOWER));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(new Interval(0.10, 0.30), 0.20, Direction.LOWER));
    }

    @Test
    void anIntervalTouchingTheTarget_isInconclusive() {
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(new Interval(0.80, 0.95), 0.80, Direction.HIGHER));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(new Interval(0.60, 0.80), 0.80, Direction.HIGHER));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(new Interval(0.80, 0.95), 0.80, Direction.LOWER));
    }

    @Test
    void plainValues_meetTheTargetWhenTheyReachIt() {
        assertEquals(Verdict.MET, Verdict.ofValue(120, 120, Direction.HIGHER));
        assertEquals(Verdict.NOT_MET, Verdict.ofValue(119, 120, Direction.HIGHER));
        assertEquals(Verdict.MET, Verdict.ofValue(30, 30, Direction.LOWER));
        assertEquals(Verdict.NOT_MET, Verdict.ofValue(31, 30, Direction.LOWER));
    }
}
