package org.evident.diagram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Line2D;
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

    /**
     * The report's diagram page, in points: A4 landscape (297 x 210 mm) less 10 mm margins all
     * round, and less 12 mm of heading and caption above the diagram (reports' TocSection).
     */
    static final double PRINTABLE_WIDTH_PT = (297 - 2 * 10) / 25.4 * 72;
    static final double PRINTABLE_HEIGHT_PT = (210 - 2 * 10 - 12) / 25.4 * 72;

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
        // Fitted to the page's printable width, one SVG unit prints at printable width / SVG width
        // points; the diagram must fit the page's height too, which gives the second figure.
        double byWidth = smallest * PRINTABLE_WIDTH_PT / d.width();
        double byHeight = smallest * PRINTABLE_HEIGHT_PT / d.height();
        System.out.printf("worked example: %.0f x %.0f units, width:height %.2f, node text %.1f units, printed %.2f pt"
                + " by width, %.2f pt by height%n", d.width(), d.height(), ratio, smallest, byWidth, byHeight);
        assertTrue(ratio <= 1.6, "width:height " + ratio);
        assertTrue(byWidth >= 6, "smallest node text prints at " + byWidth + " pt across the page");
        assertTrue(byHeight >= 6, "smallest node text prints at " + byHeight + " pt when the diagram fits the page's height");
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
     * meet at that node's border (they touch, they do not cross). (The splines drawn before were
     * counted the same way, flattened to segments of 0.5 units: 130.)
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
        List<Line2D> lines = new ArrayList<>();
        List<Point2D> p = route.points();
        for (int i = 1; i < p.size(); i++) {
            lines.add(new Line2D.Double(p.get(i - 1), p.get(i)));
        }
        return lines;
    }
}
