package org.evident.diagram;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.core.util.IndividualSpacings;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.evident.toc.Link;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/**
 * Where everything in a theory-of-change diagram goes. ELK Layered places the nodes in stage
 * columns and routes the links ({@link #graph}); {@link #arrange} then adds the title, the stage
 * headings and the legend around that. Coordinates are layout units: one pixel at scale 1, with
 * y growing downwards, as in SVG and Java2D. The SVG and PNG renderers draw exactly this.
 *
 * <p>ELK notes: ELK 0.11 needs Xbase's runtime library, which its POMs do not declare (see
 * diagram/pom.xml). Edge label options ({@code EDGE_LABELS_PLACEMENT}) apply to each label, not to
 * the root, where they are silently ignored. CENTER labels would become dummy nodes with a layer
 * of their own, widening the diagram by a quarter and putting keys midway along long links, far
 * from either end; HEAD labels sit by the arrowhead, but ELK does not space ports for them, hence
 * the wider port spacing on crowded nodes. With separate connected components (ELK's default)
 * an orphan node is laid out on its own and lands in the wrong column. With SPLINES routing the
 * bend points are Bezier control points.
 */
final class DiagramLayout {
    static final String CSS_FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif";
    static final Font LABEL_FONT = font(Font.PLAIN, 11);
    static final Font KEY_FONT = font(Font.BOLD, 9);
    static final Font HEADING_FONT = font(Font.BOLD, 12);
    static final Font TITLE_FONT = font(Font.BOLD, 16);
    static final Font LEGEND_FONT = font(Font.PLAIN, 11);

    static final double BOX_WIDTH = 180;
    static final double BOX_PAD_X = 8;
    static final double BOX_PAD_Y = 7;
    static final double MIN_BOX_HEIGHT = 34;
    static final double BOX_RADIUS = 6;
    static final double KEY_PAD_X = 4;
    static final double KEY_PAD_Y = 2;
    static final double MARGIN = 20;
    /** Space between a stage's nodes and the edge of its shaded column band. */
    static final double BAND_PAD = 10;
    static final double SWATCH = 14;

    /** Fractional metrics on, so widths do not depend on the screen; the PNG renderer uses the same. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static boolean registered;

    private DiagramLayout() {
    }

    /** A line of text: {@code x} is its centre, or its left end if not {@code centred}; {@code y} its baseline. */
    record Text(String text, Font font, double x, double y, boolean centred) {
    }

    /** A node's box and its word-wrapped label. */
    record Box(Node node, Rectangle2D rect, List<Text> lines) {
    }

    /** The small rounded box with a link's assumption and risk keys, e.g. "A, D". */
    record KeyTag(Rectangle2D rect, Text text) {
    }

    /**
     * A link's route from its source to its target (for a feedback link too: the arrowhead goes at
     * the last point). If {@code curved}, the points after the first are control points of cubic
     * Bezier segments, three per segment.
     */
    record Route(Link link, List<Point2D> points, boolean curved, Optional<KeyTag> keys) {
    }

    /** A stage's column: the shaded band behind its nodes and its heading above. */
    record Column(Stage stage, Rectangle2D band, Text heading) {
    }

    record LegendEntry(String colour, Rectangle2D swatch, Text label) {
    }

    /** ELK's result for a theory of change: boxes, routes and their bounds, in ELK's coordinates. */
    record Graph(Map<String, Box> boxes, List<Route> routes, Rectangle2D bounds) {
    }

    /** The whole diagram, ready to draw. */
    record Diagram(double width, double height, Optional<Text> title, List<Column> columns,
                   Map<String, Box> boxes, List<Route> routes, Optional<Rectangle2D> legendBox,
                   List<LegendEntry> legend) {
    }

    // ---------------------------------------------------------------------------------------
    // Text
    // ---------------------------------------------------------------------------------------

    private static Font font(int style, int size) {
        Font font = new Font("DejaVu Sans", style, size);
        if (!"DejaVu Sans".equals(font.getFamily(Locale.ROOT))) {
            font = new Font(Font.SANS_SERIF, style, size);
        }
        return font;
    }

    static double width(Font font, String text) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    static double ascent(Font font) {
        return metrics(font).getAscent();
    }

    /** The distance between baselines of wrapped lines. */
    static double lineHeight(Font font) {
        LineMetrics m = metrics(font);
        return Math.ceil(m.getAscent() + m.getDescent()) + 1;
    }

    private static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Ag", FRC);
    }

    /** Greedy word wrap to {@code maxWidth}; a word too long for a line on its own is split. */
    static List<String> wrap(String text, Font font, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, word) > maxWidth) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, word.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static List<String> wrapLabel(String label) {
        return wrap(label, LABEL_FONT, BOX_WIDTH - 2 * BOX_PAD_X);
    }

    static String keyText(Link link) {
        return String.join(", ", link.keys());
    }

    // ---------------------------------------------------------------------------------------
    // ELK
    // ---------------------------------------------------------------------------------------

    private static synchronized void registerLayered() {
        if (!registered) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }

    /**
     * Whether ELK is given the link the other way round. A feedback link goes back in stage
     * order, against the partitions. ELK 0.11 copes with such edges (its greedy cycle breaker
     * turns them, since the partition constraint edges carry a high priority), but handed over
     * reversed the link goes forward like every other, so the column order does not depend on
     * which edges of a cycle ELK chooses to turn. The route is turned back before drawing, and the
     * key tag is placed at ELK's tail, the link's real target.
     */
    private static boolean reversedForElk(Link link, Map<String, Node> nodes) {
        return link.feedback() && nodes.get(link.to()).stage().compareTo(nodes.get(link.from()).stage()) < 0;
    }

    /** Lays the graph out with ELK Layered; the same input always gives the same result. */
    static Graph graph(TheoryOfChange toc) {
        registerLayered();
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);

        Map<String, Node> nodes = new LinkedHashMap<>();
        toc.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Set<String> crowded = crowdedNodes(toc, nodes);
        double lineHeight = lineHeight(LABEL_FONT);
        for (Node node : nodes.values()) {
            List<String> wrapped = wrapLabel(node.label());
            lines.put(node.id(), wrapped);
            ElkNode elk = ElkGraphUtil.createNode(root);
            elk.setIdentifier(node.id());
            elk.setDimensions(BOX_WIDTH, Math.max(MIN_BOX_HEIGHT, wrapped.size() * lineHeight + 2 * BOX_PAD_Y));
            elk.setProperty(CoreOptions.PARTITIONING_PARTITION, node.stage().ordinal());
            if (crowded.contains(node.id())) {
                // Key tags sit beside the arrowheads; where several links meet a node, space
                // their ends a tag's height apart (growing the box if need be) so tags cannot
                // overlap each other or a neighbouring link.
                IndividualSpacings spacing = new IndividualSpacings();
                spacing.setProperty(CoreOptions.SPACING_PORT_PORT, keyHeight() + 3);
                elk.setProperty(CoreOptions.SPACING_INDIVIDUAL, spacing);
                elk.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.PORTS, SizeConstraint.MINIMUM_SIZE));
                elk.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(elk.getWidth(), elk.getHeight()));
            }
            elkNodes.put(node.id(), elk);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        for (Link link : toc.links()) {
            boolean reversed = reversedForElk(link, nodes);
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(elkNodes.get(reversed ? link.to() : link.from()),
                    elkNodes.get(reversed ? link.from() : link.to()));
            if (!link.keys().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(keyText(link), edge);
                label.setDimensions(width(KEY_FONT, keyText(link)) + 2 * KEY_PAD_X, keyHeight());
                // At the arrowhead: the link's real target, which ELK sees as the tail of a
                // reversed feedback link.
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT,
                        reversed ? EdgeLabelPlacement.TAIL : EdgeLabelPlacement.HEAD);
            }
            elkEdges.add(edge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> boxes = new LinkedHashMap<>();
        Rectangle2D bounds = null;
        for (Node node : nodes.values()) {
            ElkNode elk = elkNodes.get(node.id());
            Rectangle2D rect = new Rectangle2D.Double(elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight());
            boxes.put(node.id(), new Box(node, rect, boxLines(rect, lines.get(node.id()))));
            bounds = union(bounds, rect);
        }
        boolean curved = root.getProperty(CoreOptions.EDGE_ROUTING) == EdgeRouting.SPLINES;
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < elkEdges.size(); i++) {
            Link link = toc.links().get(i);
            ElkEdge edge = elkEdges.get(i);
            List<Point2D> points = new ArrayList<>();
            // Edge sections, bend points and edge labels are relative to the edge's containing
            // node, which for this flat graph is the root, like the nodes.
            for (ElkEdgeSection section : edge.getSections()) {
                if (points.isEmpty()) {
                    points.add(new Point2D.Double(section.getStartX(), section.getStartY()));
                }
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new Point2D.Double(bend.getX(), bend.getY()));
                }
                points.add(new Point2D.Double(section.getEndX(), section.getEndY()));
            }
            if (reversedForElk(link, nodes)) {
                Collections.reverse(points);
            }
            for (Point2D p : points) {
                bounds = union(bounds, new Rectangle2D.Double(p.getX(), p.getY(), 0, 0));
            }
            Optional<KeyTag> tag = Optional.empty();
            if (!edge.getLabels().isEmpty()) {
                ElkLabel label = edge.getLabels().get(0);
                Rectangle2D rect = new Rectangle2D.Double(label.getX(), label.getY(), label.getWidth(), label.getHeight());
                tag = Optional.of(new KeyTag(rect, new Text(label.getText(), KEY_FONT, rect.getCenterX(),
                        rect.getY() + KEY_PAD_Y + ascent(KEY_FONT), true)));
                bounds = union(bounds, rect);
            }
            routes.add(new Route(link, List.copyOf(points), curved, tag));
        }
        if (bounds == null) {
            bounds = new Rectangle2D.Double(0, 0, 0, 0);
        }
        return new Graph(Collections.unmodifiableMap(boxes), List.copyOf(routes), bounds);
    }

    /** The ELK Layered options for the whole graph, chosen by looking at the sample project's diagram. */
    private static void configure(ElkNode root) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        // Stages are partitions: every node of a lower partition is placed left of every node of
        // a higher one. A stage whose nodes link to each other spreads over several layers.
        root.setProperty(CoreOptions.PARTITIONING_ACTIVATE, true);
        // Components laid out apart would each get their own columns (an orphan node would sit
        // beside the graph): keep one graph so the partitions line up across all of it.
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        // Splines read better than orthogonal routes when many long links run side by side;
        // SLOPPY (the default mode) gives the fewest bends.
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.SPLINES);
        // Network simplex placement keeps the layout about half as tall as Brandes-Koepf here.
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 2.0);
        // Longest-path layering, not ELK's default network simplex: ELK 0.11's PartitionMidprocessor
        // adds the partition constraint edges by iterating HashSets of its node objects, whose
        // order follows identity hash codes, and network simplex breaks ties by edge order, so
        // about 1 layout in 6 differed (4 distinct layouts in 40 of the worked example). Longest
        // path has one answer whatever the edge order (30 of 30 the same); the diagram is 3% taller.
        root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH);
        // Crossing minimisation (LAYER_SWEEP, the default) is randomised: fix the seed.
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
        root.setProperty(LayeredOptions.THOROUGHNESS, 10);
    }

    /**
     * Nodes where a key tag shares a side with another link end: the heads of keyed links (the
     * west side, or the east side for a reversed feedback link) with two or more ends there.
     */
    private static Set<String> crowdedNodes(TheoryOfChange toc, Map<String, Node> nodes) {
        Map<String, int[]> west = new HashMap<>();
        Map<String, int[]> east = new HashMap<>();
        for (Link link : toc.links()) {
            boolean reversed = reversedForElk(link, nodes);
            int tag = link.keys().isEmpty() ? 0 : 1;
            // {ends, tags} on each side
            int[] head = (reversed ? east : west).computeIfAbsent(link.to(), k -> new int[2]);
            head[0]++;
            head[1] += tag;
            (reversed ? west : east).computeIfAbsent(link.from(), k -> new int[2])[0]++;
        }
        Set<String> crowded = new HashSet<>();
        for (Map<String, int[]> side : List.of(west, east)) {
            side.forEach((id, count) -> {
                if (count[1] > 0 && count[0] > 1) {
                    crowded.add(id);
                }
            });
        }
        return crowded;
    }

    private static double keyHeight() {
        LineMetrics m = metrics(KEY_FONT);
        return Math.ceil(m.getAscent() + m.getDescent()) + 2 * KEY_PAD_Y;
    }

    /** The label lines of a box, centred in it as a block. */
    private static List<Text> boxLines(Rectangle2D rect, List<String> lines) {
        double lineHeight = lineHeight(LABEL_FONT);
        double top = rect.getY() + (rect.getHeight() - lines.size() * lineHeight) / 2;
        double ascent = ascent(LABEL_FONT);
        // Centre the glyphs rather than the line box: lift by half the spare leading.
        double lift = (lineHeight - ascent - metrics(LABEL_FONT).getDescent()) / 2;
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            texts.add(new Text(lines.get(i), LABEL_FONT, rect.getCenterX(), top + lift + ascent + i * lineHeight, true));
        }
        return List.copyOf(texts);
    }

    private static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
        if (a == null) {
            return (Rectangle2D) b.clone();
        }
        Rectangle2D u = new Rectangle2D.Double();
        Rectangle2D.union(a, b, u);
        return u;
    }

    // ---------------------------------------------------------------------------------------
    // Arranging title, headings, graph and legend
    // ---------------------------------------------------------------------------------------

    /** Places the laid-out graph below the title and headings and above the legend. */
    static Diagram arrange(Graph graph, Optional<String> title, Map<String, String> legend) {
        double y = MARGIN;
        Optional<Text> titleText = Optional.empty();
        double minWidth = 0;
        if (title.isPresent()) {
            titleText = Optional.of(new Text(title.get(), TITLE_FONT, MARGIN, y + ascent(TITLE_FONT), false));
            y += lineHeight(TITLE_FONT) + 10;
            minWidth = width(TITLE_FONT, title.get());
        }
        double headingBaseline = y + ascent(HEADING_FONT);
        y += lineHeight(HEADING_FONT) + 4;
        double bandTop = y;
        Rectangle2D bounds = graph.bounds();
        double dx = MARGIN + BAND_PAD - bounds.getX();
        double dy = bandTop + BAND_PAD - bounds.getY();
        double bandBottom = bandTop + bounds.getHeight() + 2 * BAND_PAD;

        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<Stage, Rectangle2D> stageSpan = new EnumMap<>(Stage.class);
        for (Box box : graph.boxes().values()) {
            Rectangle2D rect = shift(box.rect(), dx, dy);
            List<Text> lines = box.lines().stream().map(t -> shift(t, dx, dy)).toList();
            boxes.put(box.node().id(), new Box(box.node(), rect, lines));
            stageSpan.merge(box.node().stage(), rect, DiagramLayout::union);
        }
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<Stage, Rectangle2D> span : stageSpan.entrySet()) {
            Rectangle2D s = span.getValue();
            Rectangle2D band = new Rectangle2D.Double(s.getX() - BAND_PAD, bandTop, s.getWidth() + 2 * BAND_PAD,
                    bandBottom - bandTop);
            columns.add(new Column(span.getKey(), band,
                    new Text(span.getKey().heading(), HEADING_FONT, s.getCenterX(), headingBaseline, true)));
        }
        List<Route> routes = new ArrayList<>();
        for (Route route : graph.routes()) {
            List<Point2D> points = route.points().stream()
                    .map(p -> (Point2D) new Point2D.Double(p.getX() + dx, p.getY() + dy)).toList();
            Optional<KeyTag> keys = route.keys().map(k -> new KeyTag(shift(k.rect(), dx, dy), shift(k.text(), dx, dy)));
            routes.add(new Route(route.link(), points, route.curved(), keys));
        }
        double graphRight = MARGIN + bounds.getWidth() + 2 * BAND_PAD;
        for (Column column : columns) {
            double half = width(HEADING_FONT, column.heading().text()) / 2;
            graphRight = Math.max(graphRight, column.heading().x() + half);
        }
        double width = Math.max(graphRight + MARGIN, minWidth + 2 * MARGIN);
        y = bandBottom;

        Optional<Rectangle2D> legendBox = Optional.empty();
        List<LegendEntry> entries = new ArrayList<>();
        if (!legend.isEmpty()) {
            double pad = 8;
            double gap = 18;
            double rowHeight = Math.max(SWATCH, lineHeight(LEGEND_FONT)) + 6;
            double maxRow = Math.max(width - 2 * MARGIN - 2 * pad, 300);
            double top = y + 14;
            double x = 0;
            double row = 0;
            double widest = 0;
            for (Map.Entry<String, String> entry : legend.entrySet()) {
                double w = SWATCH + 6 + width(LEGEND_FONT, entry.getKey());
                if (x > 0 && x + w > maxRow) {
                    x = 0;
                    row++;
                }
                double left = MARGIN + pad + x;
                double rowTop = top + pad + row * rowHeight;
                Rectangle2D swatch = new Rectangle2D.Double(left, rowTop + (rowHeight - 6 - SWATCH) / 2, SWATCH, SWATCH);
                double baseline = swatch.getCenterY() + ascent(LEGEND_FONT) / 2 - 1;
                entries.add(new LegendEntry(entry.getValue(), swatch,
                        new Text(entry.getKey(), LEGEND_FONT, left + SWATCH + 6, baseline, false)));
                x += w + gap;
                widest = Math.max(widest, x - gap);
            }
            Rectangle2D box = new Rectangle2D.Double(MARGIN, top, widest + 2 * pad, (row + 1) * rowHeight - 6 + 2 * pad);
            legendBox = Optional.of(box);
            width = Math.max(width, box.getMaxX() + MARGIN);
            y = box.getMaxY();
        }
        double height = y + MARGIN;
        return new Diagram(Math.ceil(width), Math.ceil(height), titleText, List.copyOf(columns),
                Collections.unmodifiableMap(boxes), List.copyOf(routes), legendBox, List.copyOf(entries));
    }

    private static Rectangle2D shift(Rectangle2D r, double dx, double dy) {
        return new Rectangle2D.Double(r.getX() + dx, r.getY() + dy, r.getWidth(), r.getHeight());
    }

    private static Text shift(Text t, double dx, double dy) {
        return new Text(t.text(), t.font(), t.x() + dx, t.y() + dy, t.centred());
    }
}
