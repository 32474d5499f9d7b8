package org.evident.reports;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.evident.diagram.TocDiagram;

/** The worked example, read and analysed, as a report's input: for tests of the report writers. */
final class BcfInput {
    private BcfInput() {
    }

    static Path project() {
        return Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme");
    }

    /** The input with the given charts (tests of the workbook and PDF may pass their own). */
    static ReportInput read(List<ChartImage> charts) {
        EvaluationProject project = EvaluationProject.open(project());
        IngestResult data = Ingest.read(project, Pseudonymiser.withKey("report test key, sixteen+"), line -> { });
        AnalysisResult analysis = Analysis.run(project, data);
        Map<String, String> fill = new HashMap<>();
        for (Assessment a : analysis.latestEvidence()) {
            fill.put(a.node(), GradeColours.fill(a.grade()));
        }
        TocDiagram diagram = TocDiagram.of(project.theoryOfChange()).titled(project.evaluation().programme())
                .coloured(fill, GradeColours.legend());
        return new ReportInput(project, analysis, data.reconciliations(), data.rejects(), data.gaps(), diagram.toSvg(),
                diagram.toPng(1.0), charts, g -> diagram.draw(g, true));
    }
}
