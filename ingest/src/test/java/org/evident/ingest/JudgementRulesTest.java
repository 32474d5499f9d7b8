package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.evident.toc.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluators' judgements: a graded outcome, a known period, a grade by its rubric-file name and a reason. */
class JudgementRulesTest {
    @TempDir
    Path dir;

    private IngestResult ingest(String rows) {
        return new TestProject(dir).evaluation("- { id: judgements, type: judgements, file: data/judgements.csv }")
                .write("data/judgements.csv", "node,period,grade,reason\n" + rows).ingest();
    }

    @Test
    void aJudgement_namesAnOutcomeAPeriodAGradeAndItsReason() {
        IngestResult r = ingest("st-sat,phase-3,Some,\"Many systems satisfied, some wanted more tailoring\"\n");
        assertEquals(List.of(new Judgement("st-sat", "phase-3", Grade.SOME, "Many systems satisfied, some wanted more tailoring")),
                r.judgements());
        assertEquals(List.of(), r.rejects());
    }

    @Test
    void unknownNode_isRejectedWithRowAndColumn() {
        IngestResult r = ingest("st-sat,phase-3,some,fine\nst-satisfied,phase-3,some,a typo in the node\n");
        assertEquals(1, r.judgements().size());
        assertEquals(List.of(new Reject("judgements", "data/judgements.csv", 3, "node", "st-satisfied", "unknown node",
                "the id of a short- or medium-term outcome of toc.yaml")), r.rejects());
    }

    @Test
    void aNodeThatIsNotAnOutcome_isRejectedAsUnknown_forNoRuleGradesIt() {
        IngestResult r = ingest("out,phase-3,some,outputs are not graded\n");
        assertEquals(List.of(), r.judgements());
        assertEquals("unknown node", r.rejects().get(0).reason());
        assertEquals("node", r.rejects().get(0).column());
    }

    @Test
    void unknownGrade_isRejectedWithRowAndColumn_andTheRubricNames() {
        IngestResult r = ingest("st-sat,phase-3,Some evidence,the label is not the name\n");
        assertEquals(List.of(), r.judgements());
        assertEquals(List.of(new Reject("judgements", "data/judgements.csv", 2, "grade", "Some evidence", "unknown grade",
                "limited, some, strongest")), r.rejects());
    }

    @Test
    void unknownPeriod_missingReason_andASecondJudgement_areRejected() {
        IngestResult r = ingest("""
                st-sat,phase-9,some,no such phase
                st-sat,phase-3,limited,
                st-sat,phase-3,some,first
                st-sat,phase-3,limited,second
                """);
        assertEquals(List.of(new Judgement("st-sat", "phase-3", Grade.SOME, "first")), r.judgements());
        assertEquals(List.of("period:unknown period:2", "reason:no reason:3",
                "node:a second judgement of st-sat in phase-3 (first at row 4, which is kept):5"),
                r.rejects().stream().map(j -> j.column() + ":" + j.reason() + ":" + j.row()).toList());
        assertEquals("data/judgements.csv: 4 rows read = 1 accepted + 3 rejected", r.reconciliations().get(0).toString());
    }
}
