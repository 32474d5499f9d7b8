package org.evident.reports;

import java.nio.file.Path;
import java.util.List;

import org.evident.analysis.Analysis;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;

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
        return RunOutputs.reportInput(project, data, Analysis.run(project, data), charts);
    }
}
