package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a neighbours source: NN.json's shape, a CSV of area and neighbour, one area's list, and their mistakes. */
class NeighbourRulesTest {
    @TempDir
    Path dir;

    private TestProject project(String source) {
        return new TestProject(dir).toc(TestProject.TOC).evaluation(source);
    }

    @Test
    void json_eachAreaToItsNeighbours_withoutItself() {
        IngestResult r = project("- { id: nn, type: neighbours, file: nn.json }")
                .write("nn.json", "{\n  \"A\": [\"A\", \"B\", \"C\"],\n  \"B\": [\"A\", \"B\"]\n}\n").ingest();
        ComparableAreas areas = r.neighbours().orElseThrow();
        assertEquals(Map.of("A", List.of("B", "C"), "B", List.of("A")), areas.neighbours());
        assertEquals("2 rows read = 2 accepted + 0 rejected", r.reconciliations().get(0).toString().substring("nn.json: ".length()));
    }

    @Test
    void json_mistakes_areReportedWithLineAndColumn() {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project(
                "- { id: nn, type: neighbours, file: nn.json }")
                .write("nn.json", "{\n  \"A\": [\"B\"],\n  \"C\": \"D\",\n  \"A\": [\"E\", [1]]\n}\n").ingest());
        assertEquals(List.of(
                "nn.json:3:8: error: area C: expected a list of its comparable areas' codes",
                "nn.json:4:3: error: area A is listed twice"),
                e.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
    }

    @Test
    void csv_oneAreasList_namedByOf_withNamesAndDuplicatesRejected() {
        IngestResult r = project("""
                - id: peers
                  type: neighbours
                  file: peers.csv
                  of: T
                  columns: { neighbour: [area_code], neighbour_name: [area_name] }
                """).write("peers.csv", "area_code,area_name\nB,Bury\nS,Stockport\nB,Bury again\n,Nowhere\n").ingest();
        ComparableAreas areas = r.neighbours().orElseThrow();
        assertEquals(Map.of("T", List.of("B", "S")), areas.neighbours());
        assertEquals("Bury", areas.name("B"));
        assertEquals("T", areas.name("T"));
        // Rejects name the file's own column (area_code), not the canonical one it is read as.
        assertEquals(List.of("peers.csv row 4, column area_code, value 'B': listed twice as a neighbour of T (first at row 2,"
                        + " which is kept)", "peers.csv row 5, column area_code: no neighbour"),
                r.rejects().stream().map(x -> x.file() + " row " + x.row() + ", column " + x.column()
                        + (x.value().isEmpty() ? "" : ", value '" + x.value() + "'") + ": " + x.reason()).toList());
    }
}
