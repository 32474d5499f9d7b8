package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rubric's vocabulary: grades by their file names, conditions over one record of counts, and the rubric file. */
class RubricTest {
    @TempDir
    Path dir;

    private EvaluationProject withRubric(String rubric) throws IOException {
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Outcome, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                """);
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q2 }
                sources: []
                rubric: my-rubric.yaml
                """);
        Files.writeString(dir.resolve("my-rubric.yaml"), rubric);
        return EvaluationProject.open(dir);
    }

    @Test
    void gradesAreWrittenInFilesByTheirFileName_notTheirLabel() {
        assertEquals(Optional.of(Grade.LIMITED), Grade.fromFileName("limited"));
        assertEquals(Optional.of(Grade.SOME), Grade.fromFileName("some"));
        assertEquals(Optional.of(Grade.STRONGEST), Grade.fromFileName("strongest"));
        assertEquals(Optional.empty(), Grade.fromFileName("Some evidence"));
        assertEquals(Optional.empty(), Grade.fromFileName("Some"));
        assertEquals("Some evidence", Grade.SOME.label());
        assertEquals("limited | some | strongest", Grade.fileNames(" | "));
    }

    @Test
    void aRubricFileWithAnUnknownGrade_failsWithFileLineAndColumn() throws IOException {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> withRubric("""
                name: Mine
                rules:
                  - id: good
                    grade: strongest
                    text: Good.
                  - id: typo
                    grade: Some evidence
                    text: A label, not a grade's name.
                """));
        // "grade: Some evidence" is on line 7; its value starts at column 12.
        assertEquals(List.of(dir.resolve("my-rubric.yaml")
                        + ":7:12: error: rule grade: 'Some evidence' is not one of limited | some | strongest"),
                e.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
    }

    @Test
    void aRubricFile_givesEachRuleItsGrade() throws IOException {
        Rubric rubric = withRubric("""
                rules:
                  - { id: a, grade: strongest, text: A., when: { min_supporting_methods: 3 } }
                  - { id: b, grade: some, text: B., when: { min_supporting: 1 } }
                  - { id: c, grade: limited, text: C. }
                """).evaluation().rubric();
        assertEquals(List.of(Grade.STRONGEST, Grade.SOME, Grade.LIMITED), rubric.rules().stream().map(Rubric.Rule::grade).toList());
    }

    @Test
    void theDefaultWeights_multiplyConcernAndCases() {
        Rubric.Weights w = Rubric.Weights.DEFAULT;
        // Not appraised, one case: 1. Serious concerns (x0.5) on 12 cases (10 or more: x2): 1. Moderate (x0.75)
        // on 3 cases (2 to 9: x1.5): 1.125. Minor concerns cost nothing.
        assertEquals(1.0, w.of(java.util.Optional.empty(), java.util.OptionalInt.empty()));
        assertEquals(1.0, w.of(java.util.Optional.of(Concern.SERIOUS), java.util.OptionalInt.of(12)));
        assertEquals(1.125, w.of(java.util.Optional.of(Concern.MODERATE), java.util.OptionalInt.of(3)));
        assertEquals(1.0, w.of(java.util.Optional.of(Concern.MINOR), java.util.OptionalInt.of(1)));
        assertEquals("serious concerns ×0.5, 12 cases ×2", w.describe(java.util.Optional.of(Concern.SERIOUS),
                java.util.OptionalInt.of(12)));
    }

    @Test
    void aRubricFile_mayReplaceSomeWeights_keepingTheDefaultForTheRest() throws IOException {
        Rubric rubric = withRubric("""
                weights: { serious: 0, many_cases: 3, mixed: neither }
                rules:
                  - { id: c, grade: limited, text: C. }
                """).evaluation().rubric();
        assertEquals(new Rubric.Weights(1, 0.75, 0, 1.5, 3, Rubric.Weights.Mixed.NEITHER), rubric.weights());
    }

    @Test
    void theDefaultRubricsConditions_holdOnTheCounts() {
        Rubric.Conditions triangulated = Rubric.DEFAULT.rules().get(0).when();
        Rubric.Conditions outweighed = Rubric.DEFAULT.rules().get(2).when();
        // Two methods for, nothing against: triangulated; one contradiction or one method is not.
        assertTrue(triangulated.hold(new EvidenceCounts(2, 3, 0)));
        assertFalse(triangulated.hold(new EvidenceCounts(2, 3, 1)));
        assertFalse(triangulated.hold(new EvidenceCounts(1, 3, 0)));
        // More against than for is outweighed; as many against as for is not.
        assertTrue(outweighed.hold(new EvidenceCounts(1, 1, 2)));
        assertFalse(outweighed.hold(new EvidenceCounts(1, 2, 2)));
        assertTrue(Rubric.Conditions.ALWAYS.hold(new EvidenceCounts(0, 0, 0)));
    }

    @Test
    void countsThatCannotBe_areACallerMistake() {
        assertThrows(IllegalArgumentException.class, () -> new EvidenceCounts(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EvidenceCounts(2, 1, 0));
    }
}
