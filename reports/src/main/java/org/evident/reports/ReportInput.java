package org.evident.reports;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.PublishedTable;
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
 * @param tables     the analysis's published tables ({@link AnalysisResult#publishedTables()}), made
 *                   once and shared by the CSV files, the workbook and the report
 */
public record ReportInput(EvaluationProject project, AnalysisResult analysis, List<Reconciliation> reconciliations,
                          List<Reject> rejects, List<String> gaps, String tocSvg, byte[] tocPng, List<ChartImage> charts,
                          Consumer<Graphics2D> tocDrawing, List<PublishedTable> tables) {
    /** With the analysis's published tables made here. */
    public ReportInput(EvaluationProject project, AnalysisResult analysis, List<Reconciliation> reconciliations,
                       List<Reject> rejects, List<String> gaps, String tocSvg, byte[] tocPng, List<ChartImage> charts,
                       Consumer<Graphics2D> tocDrawing) {
        this(project, analysis, reconciliations, rejects, gaps, tocSvg, tocPng, charts, tocDrawing, analysis.publishedTables());
    }

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
        tables = List.copyOf(tables);
    }

    /** The published table of this name (its CSV file's, without ".csv"). */
    PublishedTable table(String name) {
        return PublishedTable.named(tables, name).orElseThrow(() -> new IllegalStateException("no published table " + name));
    }
}
