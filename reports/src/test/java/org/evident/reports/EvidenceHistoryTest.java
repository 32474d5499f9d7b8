package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evident.analysis.Assessment;
import org.evident.toc.Grade;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;
import org.evident.toc.Rubric;
import org.evident.toc.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots hold grades by their file names; a snapshot that is not as written stops the run with file and line. */
class EvidenceHistoryTest {
    private static final LocalDate LATER = LocalDate.of(2025, 3, 31);

    /** The header of evidence.csv, which snapshots were before grades were stored by file name. */
    private static final String OLD_HEADER = "node,label,stage,period,grade,rule,supporting,contradicting,supporting_methods,"
            + "methods,items,posterior\n";

    @TempDir
    Path folder;

    private Path snapshot(String date, String text) throws IOException {
        return Files.writeString(folder.resolve("evidence-" + date + ".csv"), text);
    }

    private List<String> problems(InvalidProjectException e) {
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static Assessment assessment(String node, String period, Grade grade, int rule) {
        return new Assessment(node, "Outcome " + node, Stage.SHORT_TERM_OUTCOME, period, grade, Rubric.DEFAULT.rules().get(rule),
                0, 0, 0, List.of(), Optional.empty());
    }

    @Test
    void aSnapshot_holdsEachGradeByItsFileName_andReadsBackAsGrades() throws IOException {
        Path written = EvidenceHistory.write(folder, LocalDate.of(2025, 1, 13), List.of(
                assessment("st-a", "phase-1", Grade.SOME, 3), assessment("st-a", "phase-2", Grade.STRONGEST, 0),
                assessment("st-b", "phase-2", Grade.LIMITED, 1)));
        assertEquals(folder.resolve("evidence-2025-01-13.csv"), written);
        assertEquals("""
                node,period,grade,rule
                st-a,phase-1,some,supported
                st-a,phase-2,strongest,triangulated
                st-b,phase-2,limited,no-support
                """, Files.readString(written));
        EvidenceHistory.Snapshot read = EvidenceHistory.before(folder, LATER).orElseThrow();
        assertEquals(LocalDate.of(2025, 1, 13), read.date());
        assertEquals(Map.of("st-a", Optional.of(Grade.STRONGEST), "st-b", Optional.of(Grade.LIMITED)), read.latestGrades());
        assertEquals(Optional.empty(), EvidenceHistory.before(folder, LocalDate.of(2025, 1, 13)), "only earlier dates count");
    }

    @Test
    void aStoredSnapshotWithAnUnknownGrade_failsWithTheFileAndTheLine() throws IOException {
        Path file = snapshot("2025-01-13", """
                node,period,grade,rule
                st-a,phase-1,some,supported
                st-a,phase-2,Some evidence,supported
                st-b,phase-2,best,supported
                """);
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvidenceHistory.before(folder, LATER));
        assertEquals(List.of(
                file + ":3:0: error: evidence history: unknown grade 'Some evidence'; expected limited, some, strongest, not-yet-assessed",
                file + ":4:0: error: evidence history: unknown grade 'best'; expected limited, some, strongest, not-yet-assessed"), problems(e));
    }

    @Test
    void aMissingCellOrGrade_orAnotherHeader_failsWithTheLine() throws IOException {
        Path file = snapshot("2025-01-13", """
                node,period,grade,rule
                st-a,phase-1,some
                st-b,phase-1,,supported
                ,phase-1,some,supported
                """);
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvidenceHistory.before(folder, LATER));
        assertEquals(List.of(
                file + ":2:0: error: evidence history: has 3 cells; expected 4 (node,period,grade,rule)",
                file + ":3:0: error: evidence history: no grade; expected limited, some, strongest, not-yet-assessed",
                file + ":4:0: error: evidence history: no node; expected a node id"), problems(e));

        snapshot("2025-01-13", "node,grade\nst-a,some\n");
        e = assertThrows(InvalidProjectException.class, () -> EvidenceHistory.before(folder, LATER));
        assertEquals(List.of(file + ":1:0: error: evidence history: the header is 'node,grade'; expected 'node,period,grade,rule'"
                + " (or the evidence table's header, in a snapshot written before grades were stored by name)"), problems(e));

        snapshot("2025-01-13", "");
        e = assertThrows(InvalidProjectException.class, () -> EvidenceHistory.before(folder, LATER));
        assertEquals(List.of(file + ": error: evidence history: is empty; expected the header 'node,period,grade,rule' and a row"
                + " per outcome and period"), problems(e));
    }

    @Test
    void aSnapshotWrittenBeforeGradesWereStoredByName_isReadByItsExactLabels() throws IOException {
        snapshot("2025-01-13", OLD_HEADER + """
                st-a,Outcome A,short_term_outcome,phase-1,Some evidence,supported,1,0,1,interviews,F1 supports (interviews),
                st-a,Outcome A,short_term_outcome,phase-2,Strongest evidence,triangulated,2,0,2,interviews; survey,,
                st-b,Outcome B,short_term_outcome,phase-2,Limited or no evidence,no-support,0,0,0,,,
                """);
        assertEquals(Map.of("st-a", Optional.of(Grade.STRONGEST), "st-b", Optional.of(Grade.LIMITED)),
                EvidenceHistory.before(folder, LATER).orElseThrow().latestGrades());
    }

    @Test
    void aSnapshotWrittenBeforeGradesWereStoredByName_withAnythingButTheExactLabels_fails() throws IOException {
        Path file = snapshot("2025-01-13", OLD_HEADER + """
                st-a,Outcome A,short_term_outcome,phase-1,some,supported,1,0,1,interviews,,
                st-b,Outcome B,short_term_outcome,phase-1,some evidence,supported,1,0,1,interviews,,
                """);
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvidenceHistory.before(folder, LATER));
        String expected = "; expected a grade label of the evidence table: Limited or no evidence, Some evidence, Strongest evidence";
        assertEquals(List.of(file + ":2:0: error: evidence history: unknown grade 'some'" + expected,
                file + ":3:0: error: evidence history: unknown grade 'some evidence'" + expected), problems(e));
    }

    @Test
    void notYetAssessed_isWrittenByItsName_andReadBackAsNoGrade() throws IOException {
        Assessment none = new Assessment("st-c", "Outcome st-c", Stage.SHORT_TERM_OUTCOME, "phase-1", "", Optional.empty(),
                Assessment.NOT_ASSESSED, 0, 0, 0, List.of(), Optional.empty(), List.of());
        Path written = EvidenceHistory.write(folder, LocalDate.of(2025, 1, 13), List.of(none));
        assertEquals(List.of("node,period,grade,rule", "st-c,phase-1,not-yet-assessed,not-yet-assessed"), Files.readAllLines(written));
        assertEquals(Map.of("st-c", Optional.empty()), EvidenceHistory.latestGrades(written));
    }
}
