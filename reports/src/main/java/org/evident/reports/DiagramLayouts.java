package org.evident.reports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.evident.diagram.TocDiagram;
import org.evident.toc.TheoryOfChange;

/**
 * The diagrams of the theories of change laid out in this JVM, so that each is laid out once:
 * ELK's layout is the slowest part of drawing one (about half a second of CPU for the worked
 * example's), and a run draws the whole graph and each view, and the report draws the views again
 * in each of its two passes; under {@code evident run --watch} every re-run would lay out an
 * unchanged {@code toc.yaml} again. A diagram is known by its DOT text ({@link TocDiagram#toDot}),
 * which holds everything the layout reads (stages, nodes and their labels in order, links, keys,
 * feedback) and is made without laying anything out. The few most recent are kept.
 */
final class DiagramLayouts {
    private static final int KEPT = 8;

    private static final Map<String, TocDiagram> LAID_OUT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TocDiagram> eldest) {
            return size() > KEPT;
        }
    };

    private DiagramLayouts() {
    }

    /** The diagram of {@code toc}, sharing its layout with an earlier one of the same graph. */
    static TocDiagram of(TheoryOfChange toc) {
        TocDiagram fresh = TocDiagram.of(toc);
        synchronized (LAID_OUT) {
            return LAID_OUT.computeIfAbsent(fresh.toDot(), k -> fresh);
        }
    }
}
