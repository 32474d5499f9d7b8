package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.Test;

/**
 * A group against the rest of its wave, from survey lines as published, on the waves and items of
 * {@code fixtures/survey-waves}: the rest is the whole wave less the group, and a rest that would print
 * hidden counts, or cannot be worked out from rounded counts, is not shown.
 */
class GroupAgainstRestTest {
    private static final EvaluationProject PROJECT = EvaluationProject.open(Path.of("..", "fixtures", "survey-waves"));

    /** 9 of 10 directed against 12 - 9 = 3 of 20 - 10 = 10 others: Newcombe (1998) Table II (b), 0.1705 to 0.8090. */
    @Test
    void restIsTheWholeLessTheGroup() {
        List<SurveyGroupDifference> d = SurveyComparisons.groupDifferences(PROJECT, List.of(
                line("", 12, 20), line("directed: No", 3, 10), line("directed: Yes", 9, 10)));
        SurveyGroupDifference yes = d.get(1);
        assertEquals("directed: Yes", yes.group());
        assertEquals(new ComparedShares.Side(OptionalLong.of(3), OptionalLong.of(10)), yes.shares().first());
        assertEquals(0.6, yes.shares().difference().getAsDouble(), 1e-12);
        assertEquals(0.1705, yes.shares().interval().orElseThrow().low(), 0.00005);
        assertEquals(0.8090, yes.shares().interval().orElseThrow().high(), 0.00005);
        assertEquals(Optional.of(SurveyGroupDifference.Verdict.HIGHER), yes.verdict());
    }

    /** The rest of Yes is No alone, whose count is hidden: the whole less Yes would print it. */
    @Test
    void restThatIsOneHiddenGroup_isNotShown() {
        List<SurveyGroupDifference> d = SurveyComparisons.groupDifferences(PROJECT, List.of(
                line("", 25, 30), hidden("directed: No"), line("directed: Yes", 20, 25)));
        SurveyGroupDifference yes = d.get(1);
        assertEquals(ComparedShares.Side.HIDDEN, yes.shares().first());
        assertTrue(yes.shares().interval().isEmpty());
        assertEquals("suppressed: the rest is directed: No, whose counts are hidden", yes.shares().note());
        assertTrue(d.get(0).shares().note().startsWith("suppressed: the counts of the group are hidden"), d.get(0).shares().note());
    }

    /** Rounded to 5, the whole's 25 of 25 less the group's 10 of 15 leaves 15 of 10: no rest can be shown. */
    @Test
    void roundedCountsThatDoNotSubtract_areNotCompared() {
        List<SurveyGroupDifference> d = SurveyComparisons.groupDifferences(PROJECT, List.of(
                line("", 25, 25), line("directed: No", 15, 15), line("directed: Yes", 10, 15)));
        assertEquals("not compared: the rest cannot be worked out from the counts rounded to 5", d.get(1).shares().note());
        assertTrue(d.get(1).shares().interval().isEmpty());
    }

    private static SurveyRow line(String group, long count, long base) {
        return new SurveyRow("survey-2", "wave-2", group, "q2", "Strongly agree + Agree", true, OptionalLong.of(base),
                OptionalLong.of(count), "", OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), "wilson 95%", Optional.empty());
    }

    private static SurveyRow hidden(String group) {
        return new SurveyRow("survey-2", "wave-2", group, "q2", "Strongly agree + Agree", true, OptionalLong.empty(),
                OptionalLong.empty(), "*", OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), "suppressed", Optional.empty());
    }
}
