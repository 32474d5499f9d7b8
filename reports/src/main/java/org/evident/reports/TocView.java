package org.evident.reports;

import java.util.List;

import org.evident.analysis.AnalysisResult;
import org.evident.diagram.TocDiagram;
import org.evident.toc.TheoryOfChange;
import org.evident.toc.View;

/**
 * One view of {@code toc.yaml} drawn by the same rules as the whole diagram and coloured by the
 * same latest grades, titled with the view's label: {@code toc-<view>.svg} and a page of the report.
 *
 * @param whole whether the view has every node (the full theory of change)
 */
record TocView(View view, TocDiagram diagram, boolean whole) {
    /** The file a run writes the view to. */
    String fileName() {
        return "toc-" + view.id() + ".svg";
    }

    /**
     * Every view of {@code toc}, in file order; a view with every node reuses {@code full}'s layout
     * (the run's own diagram), the others are laid out afresh.
     */
    static List<TocView> all(TheoryOfChange toc, AnalysisResult analysis, TocDiagram full) {
        return toc.views().stream().map(v -> of(toc, v, analysis, full)).toList();
    }

    static TocView of(TheoryOfChange toc, View view, AnalysisResult analysis, TocDiagram full) {
        TheoryOfChange part = toc.view(view.id());
        boolean whole = part.nodes().size() == toc.nodes().size() && part.links().size() == toc.links().size();
        TocDiagram drawn = whole && full != null ? full : DiagramLayouts.of(part);
        return new TocView(view, TocColours.latest(part, analysis).apply(drawn.titled(view.label())), whole);
    }
}
