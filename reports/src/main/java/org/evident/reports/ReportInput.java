package org.evident.reports;

import java.util.List;
import java.util.Objects;

import org.evident.analysis.AnalysisResult;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.EvaluationProject;

/**
 * Everything a report is made from: the project, the analysis, the data-quality record of the
 * read, the coloured theory-of-change diagram and the charts.
 *
 * @param tocSvg  the diagram with nodes coloured by their latest grade, as SVG
 */
public record ReportInput(EvaluationProject project, AnalysisResult analysis, List<Reconciliation> reconciliations,
                          List<Reject> rejects, List<String> gaps, String tocSvg, byte[] tocPng, List<ChartImage> charts) {
    public ReportInput {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(analysis, "analysis");
        reconciliations = List.copyOf(reconciliations);
        rejects = List.copyOf(rejects);
        gaps = List.copyOf(gaps);
        Objects.requireNonNull(tocSvg, "tocSvg");
        Objects.requireNonNull(tocPng, "tocPng");
        charts = List.copyOf(charts);
    }
}
