package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each tracker rule with a small inline file; rejects name row, column, value, reason and what was expected. */
class TrackerRulesTest {
    private static final String HEADER = "project_id,local_system,region,offer,directed,stage,requested_date,started_date,completed_date,closure_reason\n";

    @TempDir
    Path dir;

    private IngestResult ingest(String rows) {
        return new TestProject(dir).evaluation("- { id: tracker, type: tracker, file: data/tracker.csv }")
                .write("data/tracker.csv", HEADER + rows).ingest();
    }

    private static String rejects(IngestResult result) {
        return String.join("\n", result.rejects().stream().map(Reject::toString).toList());
    }

    @Test
    void unparseableDate_isRejectedWithColumnValueAndExpectedForms() {
        IngestResult r = ingest("P1,Wirral,North West,local,directed,active,2024-02-30,,,\n");
        assertEquals("data/tracker.csv:2 [requested_date]: not a date ('2024-02-30'); expected a date as 2024-03-31 or 31/03/2024",
                rejects(r));
    }

    @Test
    void completedBeforeStarted_isRejected() {
        IngestResult r = ingest("P1,Wirral,North West,local,directed,completed,2024-01-05,2024-03-01,2024-02-01,\n");
        assertEquals("data/tracker.csv:2 [completed_date]: completed date is before started date (2024-03-01) ('2024-02-01');"
                + " expected a date on or after 2024-03-01", rejects(r));
    }

    @Test
    void dateAfterTheReportingDate_isRejected() {
        IngestResult r = ingest("P1,Wirral,North West,local,directed,active,2025-02-01,,,\n");
        assertEquals("data/tracker.csv:2 [requested_date]: date after the reporting date 2025-01-13 ('2025-02-01');"
                + " expected a date on or before 2025-01-13", rejects(r));
    }

    @Test
    void unknownStage_isRejectedListingTheStages() {
        IngestResult r = ingest("P1,Wirral,North West,local,directed,on hold,,,,\n");
        assertEquals("data/tracker.csv:2 [stage]: unknown stage ('on hold'); expected pipeline, active, completed or closed",
                rejects(r));
    }

    @Test
    void localProjectWithoutRegion_andUnknownRegion_areRejected() {
        IngestResult r = ingest("P1,Wirral,,local,,active,,,,\nP2,Wirral,Northwest,local,,active,,,,\n");
        assertEquals("""
                data/tracker.csv:2 [region]: a local project has no region; expected one of East Midlands, East of England, London, North East, North West, South East, South West, West Midlands, Yorkshire and Humber
                data/tracker.csv:3 [region]: unknown region ('Northwest'); expected one of East Midlands, East of England, London, North East, North West, South East, South West, West Midlands, Yorkshire and Humber""",
                rejects(r));
    }

    @Test
    void completedWithoutDate_andClosedWithoutReason_areRejected() {
        IngestResult r = ingest("P1,Wirral,North West,local,,completed,,,,\nP2,Wirral,North West,local,,closed,,,,\n");
        assertEquals(List.of("a completed project has no completed date", "a closed project has no closure reason"),
                r.rejects().stream().map(Reject::reason).toList());
    }

    @Test
    void duplicateProjectId_keepsTheFirstRowAndRejectsTheLater() {
        IngestResult r = ingest("P1,Wirral,North West,local,,active,,,,\nP1,Halton,North West,local,,pipeline,,,,\n");
        assertEquals(1, r.projects().size());
        assertEquals("Wirral", r.projects().get(0).localSystem().orElseThrow());
        assertEquals("data/tracker.csv:3 [project_id]: duplicate project id (first at row 2, which is kept) ('P1');"
                + " expected a unique id for every project", rejects(r));
    }

    @Test
    void brokenFile_everyRowIsAccountedFor_inTheReconciliation() {
        IngestResult r = ingest("""
                P1,Wirral,North West,local,directed,completed,2024-01-05,2024-02-01,2024-03-28,
                P2,Halton,North West,local,non-directed,active,05/01/2024,01/02/2024,,
                P3,Halton,North West,local,sideways,active,,,,
                ,,,,,,,,,
                P4,,,universal,,completed,,,2023-12-01,
                P5,Leeds,Yorkshire and Humber,local,,closed,2024-06-01,,,No capacity
                P5,Leeds,Yorkshire and Humber,local,,closed,2024-06-01,,,No capacity
                """);
        assertEquals("data/tracker.csv: 7 rows read = 4 accepted + 3 rejected", r.reconciliations().get(0).toString());
        assertEquals(List.of(4L, 5L, 8L), r.rejects().stream().map(Reject::row).toList());
        assertEquals(List.of("unknown directed", "blank row", "duplicate project id (first at row 7, which is kept)"),
                r.rejects().stream().map(Reject::reason).toList());
    }
}
