package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingRulesTest {
    @TempDir
    Path dir;

    @Test
    void findingsName_knownNodesMethodsAndPeriods_andADirection() {
        IngestResult r = new TestProject(dir).evaluation("- { id: findings, type: findings, file: data/findings.csv }")
                .write("data/findings.csv", """
                        finding_id,node,direction,method,period,quote,source_ref
                        F1,st-sat,supports,interviews,phase-3,"Many systems expressed general satisfaction",Table 6
                        F2,st-satisfied,supports,interviews,phase-3,,
                        F3,st-sat,positive,interviews,phase-3,,
                        F4,st-sat,mixed,focus groups,phase-9,,
                        F1,st-sat,contradicts,survey,phase-3,,
                        """).ingest();
        assertEquals(1, r.findings().size());
        assertEquals(Finding.Direction.SUPPORTS, r.findings().get(0).direction());
        assertEquals(List.of("unknown node", "unknown direction", "unknown method", "unknown period",
                "duplicate finding id (first at row 2, which is kept)"), r.rejects().stream().map(Reject::reason).toList());
        assertEquals("data/findings.csv: 5 rows read = 1 accepted + 4 rejected", r.reconciliations().get(0).toString());
    }
}
