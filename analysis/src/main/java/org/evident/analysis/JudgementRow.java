package org.evident.analysis;

import java.util.Objects;

import org.evident.ingest.Judgement;
import org.evident.toc.Grade;

/**
 * The evaluation team's judgement of one outcome at one period beside the rubric's grade.
 *
 * @param assessment the rubric's assessment of the same outcome and period
 */
public record JudgementRow(Judgement judgement, Assessment assessment) {
    public JudgementRow {
        Objects.requireNonNull(judgement, "judgement");
        Objects.requireNonNull(assessment, "assessment");
        if (!judgement.node().equals(assessment.node()) || !judgement.period().equals(assessment.period())) {
            throw new IllegalArgumentException("a judgement of " + judgement.node() + " in " + judgement.period()
                    + " set beside the assessment of " + assessment.node() + " in " + assessment.period());
        }
    }

    /** Whether the rule gives the grade the team gave. */
    public boolean agree() {
        return judgement.grade() == ruleGradeOnScale();
    }

    /**
     * The rule's grade on the team's three-point scale, whose lowest point is "limited or no evidence": an outcome
     * the rule has not yet assessed (no evidence at all) is at that point when set beside a judgement.
     */
    public Grade ruleGradeOnScale() {
        return assessment.grade().orElse(Grade.LIMITED);
    }

    /** The rule's text with the counts it looked at: "No evidence supports the outcome. (0 for from 0 methods, 2 against)". */
    public static String ruleReason(Assessment a) {
        if (!a.assessed()) {
            return a.rule().text();
        }
        return a.rule().text() + " (" + a.supportingText() + " for from " + a.supportingMethods()
                + (a.supportingMethods() == 1 ? " method, " : " methods, ") + a.contradictingText() + " against)";
    }
}
