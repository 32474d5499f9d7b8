package org.evident.reports;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.evident.analysis.AnalysisResult;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.EvaluationProject;

/**
 * Everything a report is made from: the project, the analysis, the data-quality record of the
 * read, the coloured theory-of-change diagram and the charts.
 *
 * @param tocSvg     the diagram with nodes coloured by their latest grade, as SVG
 * @param tocDrawing the same diagram drawn in the SVG's user units with text as outlines (e.g.
 *                   {@code TocDiagram.draw(g, true)}), from which the PDF draws the diagram's parts
 *                   rather than having Batik parse and draw the SVG (about a second); or null, for Batik
 */
public record ReportInput(EvaluationProject project, AnalysisResult analysis, List<Reconciliation> reconciliations,
                          List<Reject> rejects, List<String> gaps, String tocSvg, byte[] tocPng, List<ChartImage> charts,
                          Consumer<Graphics2D> tocDrawing) {
    /** Without a drawing of the diagram: the PDF draws it from the SVG with Batik. */
    public ReportInput(EvaluationProject project, AnalysisResult analysis, List<Reconciliation> reconciliations,
                       List<Reject> rejects, List<String> gaps, String tocSvg, byte[] tocPng, List<ChartImage> charts) {
        this(project, analysis, reconciliations, rejects, gaps, tocSvg, tocPng, charts, null);
    }

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
