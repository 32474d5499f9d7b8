package org.evident.diagram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.FlatteningPathIterator;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.evident.diagram.DiagramLayout.Route;
import org.evident.toc.TheoryOfChange;
import org.junit.jupiter.api.Test;

/** The worked example's diagram measured as a reader meets it: crossings, shape, printed text size. */
class WorkedExampleDiagramTest {
    private static TheoryOfChange workedExample() {
        return TheoryOfChange.read(Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme", "toc.yaml"));
    }

    /** A4 landscape (297 mm) less the report's 18 mm margins either side, in points. */
    static final double PRINTABLE_WIDTH_PT = (297 - 2 * 18) / 25.4 * 72;

    @Test
    void fullView_isAtMostOnePointSixWide_andItsSmallestNodeTextPrintsAtSixPointsOnA4Landscape() throws Exception {
        // Titled and with a legend of four fills, as a run draws it.
        LinkedHashMap<String, String> fills = new LinkedHashMap<>();
        for (String label : List.of("Strongest evidence", "Some evidence", "Limited or no evidence", "Not graded")) {
            fills.put(label, "#cccccc");
        }
        TocDiagram diagram = TocDiagram.of(workedExample()).titled("Better Care Fund Support Programme 2023-25: evidence at phase-3")
                .coloured(java.util.Map.of(), fills);
        DiagramLayout.Diagram d = diagram.diagram();
        // To look at: target/diagram-preview/toc.png and toc.svg.
        java.nio.file.Path preview = java.nio.file.Files.createDirectories(Path.of("target", "diagram-preview"));
        java.nio.file.Files.write(preview.resolve("toc.png"), diagram.toPng(1.5));
        java.nio.file.Files.writeString(preview.resolve("toc.svg"), diagram.toSvg());
        double ratio = d.width() / d.height();
        double smallest = d.boxes().values().stream().flatMap(b -> b.lines().stream())
                .mapToDouble(t -> t.font().getSize2D()).min().orElseThrow();
        // Fitted to the page's printable width, one SVG unit prints at printable width / SVG width points.
        double printed = smallest * PRINTABLE_WIDTH_PT / d.width();
        System.out.printf("worked example: %.0f x %.0f units, width:height %.2f, node text %.1f units, printed %.2f pt%n",
                d.width(), d.height(), ratio, smallest, printed);
        assertTrue(ratio <= 1.6, "width:height " + ratio);
        assertTrue(printed >= 6, "smallest node text prints at " + printed + " pt");
    }

    @Test
    void crossings_areCounted() {
        // Titled and with a legend of four fills, as a run draws it.
        LinkedHashMap<String, String> fills = new LinkedHashMap<>();
        for (String label : List.of("Strongest evidence", "Some evidence", "Limited or no evidence", "Not graded")) {
            fills.put(label, "#cccccc");
        }
        TocDiagram diagram = TocDiagram.of(workedExample()).titled("Better Care Fund Support Programme 2023-25: evidence at phase-3")
                .coloured(java.util.Map.of(), fills);
        int crossings = crossings(diagram.routes());
        System.out.println("worked example: " + crossings + " link crossings");
        assertTrue(crossings >= 0);
    }

    /**
     * Pairs of links whose drawn routes cross, counted point by point: each place where a segment
     * of one route meets a segment of another, except where the two links share an end node and
     * meet at that node's border (they touch, they do not cross). Curves are flattened first.
     */
    static int crossings(List<Route> routes) {
        List<List<Line2D>> segments = new ArrayList<>();
        for (Route route : routes) {
            segments.add(segments(route));
        }
        int count = 0;
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                for (Line2D a : segments.get(i)) {
                    for (Line2D b : segments.get(j)) {
                        if (a.intersectsLine(b) && !touchAtEnds(a, b, routes.get(i), routes.get(j))) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    /** Segments that meet only where one ends on the other, or that run along one another, are not a crossing. */
    private static boolean touchAtEnds(Line2D a, Line2D b, Route ra, Route rb) {
        double eps = 0.5;
        return a.ptSegDist(b.getP1()) < eps || a.ptSegDist(b.getP2()) < eps || b.ptSegDist(a.getP1()) < eps
                || b.ptSegDist(a.getP2()) < eps;
    }

    private static List<Line2D> segments(Route route) {
        List<Point2D> p = route.points();
        Path2D.Double path = new Path2D.Double();
        path.moveTo(p.get(0).getX(), p.get(0).getY());
        int i = 1;
        if (route.curved()) {
            for (; i + 2 < p.size(); i += 3) {
                path.curveTo(p.get(i).getX(), p.get(i).getY(), p.get(i + 1).getX(), p.get(i + 1).getY(),
                        p.get(i + 2).getX(), p.get(i + 2).getY());
            }
            if (i + 1 < p.size()) {
                path.quadTo(p.get(i).getX(), p.get(i).getY(), p.get(i + 1).getX(), p.get(i + 1).getY());
                i += 2;
            }
        }
        for (; i < p.size(); i++) {
            path.lineTo(p.get(i).getX(), p.get(i).getY());
        }
        List<Line2D> lines = new ArrayList<>();
        double[] c = new double[6];
        double x = 0;
        double y = 0;
        for (PathIterator it = new FlatteningPathIterator(path.getPathIterator(null), 0.5); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_LINETO) {
                lines.add(new Line2D.Double(x, y, c[0], c[1]));
            }
            x = c[0];
            y = c[1];
        }
        return lines;
    }
}
