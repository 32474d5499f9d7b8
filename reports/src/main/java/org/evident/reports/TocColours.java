package org.evident.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.diagram.TocDiagram;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/**
 * The fills of a theory-of-change diagram at one assessment period: a node with a grade is filled
 * by its grade, whatever its stage (impacts too, once they are graded); an outcome or impact
 * without one is filled "not graded"; inputs, activities and outputs stay white.
 */
record TocColours(Map<String, String> fills, LinkedHashMap<String, String> legend) {
    /** At the latest assessment period. */
    static TocColours latest(TheoryOfChange toc, AnalysisResult analysis) {
        return of(toc, analysis.latestEvidence());
    }

    /** From the grades of one period's {@code assessments}. */
    static TocColours of(TheoryOfChange toc, List<Assessment> assessments) {
        Map<String, String> fills = new LinkedHashMap<>();
        for (Node node : toc.nodes()) {
            if (gradedStage(node.stage())) {
                fills.put(node.id(), GradeColours.NOT_GRADED);
            }
        }
        assessments.forEach(a -> fills.put(a.node(), GradeColours.fill(a.grade())));
        LinkedHashMap<String, String> legend = GradeColours.legend();
        if (fills.containsValue(GradeColours.NOT_GRADED)) {
            legend.put(GradeColours.NOT_GRADED_LABEL, GradeColours.NOT_GRADED);
        }
        return new TocColours(fills, legend);
    }

    /** Stages whose nodes a grade is expected for, in time: outcomes and impacts. */
    static boolean gradedStage(Stage stage) {
        return stage.isOutcome() || stage == Stage.IMPACT;
    }

    TocDiagram apply(TocDiagram diagram) {
        return diagram.coloured(fills, legend);
    }
}
