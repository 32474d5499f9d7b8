package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;

/** A small project written to a folder and graded: a theory of change, its phases, findings and, optionally, KPI returns. */
final class GradingProject {
    private GradingProject() {
    }

    /**
     * Writes the project into {@code dir}, reads it (every row must be accepted) and analyses it.
     *
     * @param phases the {@code phases:} entries of evaluation.yaml, one per line, indented as list items
     * @param extra  more lines for evaluation.yaml's sources (or after them), or ""
     */
    static AnalysisResult grade(Path dir, String toc, String phases, String findings, String kpis, String extra) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("toc.yaml"), toc);
        Files.writeString(dir.resolve("data/findings.csv"), findings);
        if (kpis != null) {
            Files.writeString(dir.resolve("data/kpi.csv"), kpis);
        }
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q3 }
                  phases:
                """ + phases + """
                sources:
                  - { id: findings, type: findings, file: data/findings.csv }
                """ + (kpis == null ? "" : "  - { id: kpis, type: kpi, file: data/kpi.csv }\n") + extra);
        EvaluationProject project = EvaluationProject.open(dir);
        IngestResult data = Ingest.read(project, Pseudonymiser.withKey("a test key of at least sixteen bytes"), line -> { });
        assertEquals(List.of(), data.rejects());
        return Analysis.run(project, data);
    }

    /** The assessment of {@code node} at {@code period}. */
    static Assessment at(AnalysisResult r, String node, String period) {
        return r.evidence().stream().filter(a -> a.node().equals(node) && a.period().equals(period)).findFirst().orElseThrow();
    }
}
