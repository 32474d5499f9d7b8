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
import org.eclipse.elk.core.options.Alignment;
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
    static final Font KEY_FONT = font(Font.BOLD, 10);
    static final Font HEADING_FONT = font(Font.BOLD, 12);
    static final Font TITLE_FONT = font(Font.BOLD, 16);
    static final Font LEGEND_FONT = font(Font.PLAIN, 11);

    static final double BOX_PAD_X = 6;
    static final double BOX_PAD_Y = 2;
    static final double MIN_BOX_HEIGHT = 22;
    /** Space between boxes stacked in a column. */
    static final double NODE_GAP = 4;
    /** Space between the lanes of the connectors that join boxes of one column. */
    static final double SIDE_LANE = 5;
    /** Lanes of connectors made room for at a column's side before its boxes are placed. */
    private static final int FIRST_GUESS_LANES = 3;
    /** The x at which ELK is given a stage's nodes, for its interactive layering: far wider than any box. */
    private static final double STAGE_PITCH = 10_000;
    static final double BOX_RADIUS = 6;
    static final double KEY_PAD_X = 3;
    static final double KEY_PAD_Y = 1;
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
     * the last point), straight segments at right angles.
     */
    record Route(Link link, List<Point2D> points, Optional<KeyTag> keys) {
    }

    /** A stage's column: the shaded band behind its nodes and its heading above. */
    record Column(Stage stage, Rectangle2D band, List<Text> heading) {
    }

    /** What a legend entry shows beside its words. */
    enum Sample {
        /** A box filled with the entry's colour. */
        FILL,
        /** A solid arrow: a link. */
        LINK,
        /** A dashed arrow: a feedback link. */
        FEEDBACK,
        /** A key tag: the assumptions and risks on a link. */
        KEY
    }

    /** An entry of the legend: its sample drawn in {@code swatch}, and its words. */
    record LegendEntry(Sample sample, String colour, Rectangle2D swatch, Text label) {
    }

    /** ELK's result for a theory of change: boxes, routes and their bounds, in ELK's coordinates. */
    record Graph(Map<String, Box> boxes, List<Route> routes, Rectangle2D bounds, Map<Stage, Rectangle2D> columns,
                 Map<Link, Integer> lanes) {
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

    static List<String> wrapLabel(String label, double boxWidth) {
        return wrap(label, LABEL_FONT, boxWidth - 2 * BOX_PAD_X);
    }

    /** The height of a box holding {@code lines} lines of label. */
    static double boxHeight(int lines) {
        return Math.max(MIN_BOX_HEIGHT, lines * labelLineHeight() + 2 * BOX_PAD_Y);
    }

    /**
     * The distance between the baselines of a box's lines: the font's own line height (1.16 em
     * for DejaVu Sans), without the extra unit other text gets, so that a column of 22 two-line
     * boxes fits an A4 landscape page at 6 pt.
     */
    static double labelLineHeight() {
        LineMetrics m = metrics(LABEL_FONT);
        return Math.ceil(m.getAscent() + m.getDescent());
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

    /**
     * Lays the graph out with ELK Layered; the same input always gives the same result. Each stage
     * is one column; the links within a stage are drawn in lanes at the column's right-hand side,
     * which ELK is told to keep free by boxes made wider than drawn. How many lanes a column
     * needs is known only once its boxes are placed, so a column that needs more than the first
     * guess is laid out again with room for them (the order and heights of boxes do not depend on
     * their widths).
     */
    static Graph graph(TheoryOfChange toc) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        toc.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<Stage, Double> widths = ColumnWidths.of(toc.nodes());
        Map<Stage, Integer> guess = new EnumMap<>(Stage.class);
        for (Link link : toc.links()) {
            if (withinStage(link, nodes)) {
                guess.merge(nodes.get(link.from()).stage(), 1, (a, b) -> Math.min(a + b, FIRST_GUESS_LANES));
            }
        }
        Graph graph = graph(toc, nodes, widths, guess);
        Map<Stage, Integer> needed = new EnumMap<>(Stage.class);
        graph.lanes().forEach((link, lane) -> needed.merge(nodes.get(link.from()).stage(), lane, Math::max));
        if (needed.entrySet().stream().anyMatch(e -> e.getValue() > guess.getOrDefault(e.getKey(), 0))) {
            graph = graph(toc, nodes, widths, needed);
        }
        return graph;
    }

    private static Graph graph(TheoryOfChange toc, Map<String, Node> nodes, Map<Stage, Double> widths,
                               Map<Stage, Integer> lanes) {
        registerLayered();
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Set<String> crowded = crowdedNodes(toc, nodes);
        for (Node node : nodes.values()) {
            double boxWidth = widths.get(node.stage());
            List<String> wrapped = wrapLabel(node.label(), boxWidth);
            lines.put(node.id(), wrapped);
            ElkNode elk = ElkGraphUtil.createNode(root);
            elk.setIdentifier(node.id());
            elk.setDimensions(boxWidth + laneRoom(lanes.getOrDefault(node.stage(), 0)), boxHeight(wrapped.size()));
            // Interactive layering puts nodes whose x ranges overlap in one layer: a stage's nodes
            // all start at the stage's own x, far from the next stage's.
            elk.setLocation(node.stage().ordinal() * STAGE_PITCH, elkNodes.size());
            // Boxes of a column share their left edge, whatever room ELK gives a crowded one.
            elk.setProperty(CoreOptions.ALIGNMENT, Alignment.LEFT);
            if (crowded.contains(node.id())) {
                // Key tags sit beside the arrowheads; where several links meet a node, space
                // their ends a tag's height apart (growing the box if need be) so tags cannot
                // overlap each other or a neighbouring link.
                IndividualSpacings spacing = new IndividualSpacings();
                spacing.setProperty(CoreOptions.SPACING_PORT_PORT, keyHeight() + 2);
                elk.setProperty(CoreOptions.SPACING_INDIVIDUAL, spacing);
                elk.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.PORTS, SizeConstraint.MINIMUM_SIZE));
                elk.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(elk.getWidth(), elk.getHeight()));
            }
            elkNodes.put(node.id(), elk);
        }
        // ELK sees only the links between stages: a link within a stage would push its target into
        // a layer of its own, spreading the stage over two columns.
        Map<Link, ElkEdge> elkEdges = new LinkedHashMap<>();
        for (Link link : toc.links()) {
            if (withinStage(link, nodes)) {
                continue;
            }
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
            elkEdges.put(link, edge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<Stage, Rectangle2D> columns = new EnumMap<>(Stage.class);
        Rectangle2D bounds = null;
        for (Node node : nodes.values()) {
            ElkNode elk = elkNodes.get(node.id());
            Rectangle2D rect = new Rectangle2D.Double(elk.getX(), elk.getY(), widths.get(node.stage()), elk.getHeight());
            boxes.put(node.id(), new Box(node, rect, boxLines(rect, lines.get(node.id()))));
            Rectangle2D withLanes = new Rectangle2D.Double(elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight());
            columns.merge(node.stage(), withLanes, DiagramLayout::union);
            bounds = union(bounds, withLanes);
        }
        Map<Link, Integer> laneOf = lanes(toc, nodes, boxes);
        List<Route> routes = new ArrayList<>();
        for (Link link : toc.links()) {
            Route route = laneOf.containsKey(link)
                    ? sideConnector(link, boxes, columns.get(nodes.get(link.from()).stage()), laneOf.get(link))
                    : elkRoute(link, elkEdges.get(link), reversedForElk(link, nodes), boxes, nodes);
            for (Point2D p : route.points()) {
                bounds = union(bounds, new Rectangle2D.Double(p.getX(), p.getY(), 0, 0));
            }
            if (route.keys().isPresent()) {
                bounds = union(bounds, route.keys().get().rect());
            }
            routes.add(route);
        }
        if (bounds == null) {
            bounds = new Rectangle2D.Double(0, 0, 0, 0);
        }
        return new Graph(Collections.unmodifiableMap(boxes), List.copyOf(routes), bounds,
                Collections.unmodifiableMap(columns), Collections.unmodifiableMap(laneOf));
    }

    /** The room at a column's side for {@code lanes} lanes of connectors and the key tags on them. */
    private static double laneRoom(int lanes) {
        return lanes == 0 ? 0 : SIDE_LANE * lanes + keyTagWidth("A") / 2 + 2;
    }

    private static Route elkRoute(Link link, ElkEdge edge, boolean reversed, Map<String, Box> boxes, Map<String, Node> nodes) {
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
        // ELK's box is wider than the drawn one by the lanes at its right: the route leaves from
        // the drawn box's right edge and runs straight across them.
        Rectangle2D source = boxes.get(reversed ? link.to() : link.from()).rect();
        Point2D start = points.get(0);
        if (start.getX() > source.getMaxX() + 0.5) {
            points.add(0, new Point2D.Double(source.getMaxX(), start.getY()));
        }
        if (reversed) {
            Collections.reverse(points);
        }
        Optional<KeyTag> tag = Optional.empty();
        if (!edge.getLabels().isEmpty()) {
            ElkLabel label = edge.getLabels().get(0);
            Rectangle2D rect = new Rectangle2D.Double(label.getX(), label.getY(), label.getWidth(), label.getHeight());
            if (reversed) {
                // ELK put it by its tail, on the far side of the lanes: move it next to the drawn box.
                Rectangle2D target = boxes.get(link.to()).rect();
                rect = new Rectangle2D.Double(target.getMaxX() + 1, rect.getY(), rect.getWidth(), rect.getHeight());
            }
            tag = Optional.of(keyTag(rect, label.getText()));
        }
        return new Route(link, List.copyOf(points), tag);
    }

    /** The letter "A" in the legend's sample key tag {@code rect}. */
    static Text keySample(Rectangle2D rect) {
        return keyTag(rect, "A").text();
    }

    private static KeyTag keyTag(Rectangle2D rect, String text) {
        return new KeyTag(rect, new Text(text, KEY_FONT, rect.getCenterX(), rect.getY() + KEY_PAD_Y + ascent(KEY_FONT), true));
    }

    private static double keyTagWidth(String text) {
        return width(KEY_FONT, text) + 2 * KEY_PAD_X;
    }

    static boolean withinStage(Link link, Map<String, Node> nodes) {
        return nodes.get(link.from()).stage() == nodes.get(link.to()).stage();
    }

    /**
     * The lane (1 nearest the boxes) of each link within a stage: the shortest links nearest, and
     * links whose spans along the column do not overlap sharing a lane, so that a column needs as
     * few lanes as links that run side by side.
     */
    private static Map<Link, Integer> lanes(TheoryOfChange toc, Map<String, Node> nodes, Map<String, Box> boxes) {
        List<Link> within = toc.links().stream().filter(l -> withinStage(l, nodes)).sorted(
                java.util.Comparator.comparingDouble(l -> span(l, boxes)[1] - span(l, boxes)[0])).toList();
        Map<Link, Integer> lanes = new LinkedHashMap<>();
        for (Link link : within) {
            Stage stage = nodes.get(link.from()).stage();
            double[] span = span(link, boxes);
            int lane = 1;
            boolean free = false;
            while (!free) {
                free = true;
                for (Map.Entry<Link, Integer> other : lanes.entrySet()) {
                    double[] o = span(other.getKey(), boxes);
                    if (other.getValue() == lane && nodes.get(other.getKey().from()).stage() == stage
                            && span[0] < o[1] + SIDE_LANE && o[0] < span[1] + SIDE_LANE) {
                        free = false;
                        lane++;
                        break;
                    }
                }
            }
            lanes.put(link, lane);
        }
        Map<Link, Integer> inLinkOrder = new LinkedHashMap<>();
        toc.links().stream().filter(lanes::containsKey).forEach(l -> inLinkOrder.put(l, lanes.get(l)));
        return inLinkOrder;
    }

    /** The top and bottom of a link within a column: from its source's centre to its target's. */
    private static double[] span(Link link, Map<String, Box> boxes) {
        double a = boxes.get(link.from()).rect().getCenterY();
        double b = boxes.get(link.to()).rect().getCenterY();
        return new double[] {Math.min(a, b) - SIDE_LANE, Math.max(a, b) + SIDE_LANE};
    }

    /**
     * A link within a stage, as a connector at the column's right-hand side: out of the source's
     * right edge, along its lane, into the target's right edge, its key tag on the lane by the
     * arrowhead. Ends sit a little off the boxes' centres (above the centre going down, below it
     * coming up) so that a box with links in and out keeps them apart.
     */
    private static Route sideConnector(Link link, Map<String, Box> boxes, Rectangle2D column, int lane) {
        Rectangle2D from = boxes.get(link.from()).rect();
        Rectangle2D to = boxes.get(link.to()).rect();
        double x = from.getMaxX() + SIDE_LANE * lane;
        double down = Math.signum(to.getCenterY() - from.getCenterY());
        double fromY = from.getCenterY() + down * SIDE_LANE / 2;
        double toY = to.getCenterY() - down * SIDE_LANE / 2;
        List<Point2D> points = List.of(new Point2D.Double(from.getMaxX(), fromY), new Point2D.Double(x, fromY),
                new Point2D.Double(x, toY), new Point2D.Double(to.getMaxX(), toY));
        Optional<KeyTag> tag = Optional.empty();
        if (!link.keys().isEmpty()) {
            String text = keyText(link);
            double w = keyTagWidth(text);
            double y = down >= 0 ? toY - keyHeight() - 2 : toY + 2;
            tag = Optional.of(keyTag(new Rectangle2D.Double(x - w / 2, y, w, keyHeight()), text));
        }
        return new Route(link, points, tag);
    }

    /** The ELK Layered options for the whole graph, chosen by looking at the sample project's diagram. */
    private static void configure(ElkNode root) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        // Components laid out apart would each get their own columns (an orphan node would sit
        // beside the graph): keep one graph so the partitions line up across all of it.
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        // Orthogonal routes between columns, as evaluators draw a theory of change.
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        // Links leaving one box share their first run, and links entering one box their last:
        // bundles rather than one vertical run per link, which makes the gaps between columns narrower.
        root.setProperty(LayeredOptions.MERGE_EDGES, true);
        // Each column stacked and centred on the others: the diagram is as tall as its tallest column.
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 20.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 4.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 6.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 4.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 1.0);
        // Each stage is one layer, given by the nodes' positions (interactive layering), not by
        // ELK's partitions: ELK 0.11's PartitionMidprocessor adds its constraint edges by iterating
        // HashSets of its own node objects, in identity-hash order, and with the links within a
        // stage left out that order reached crossing minimisation: 4 runs of the worked example
        // gave 4 different orders of boxes.
        root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.INTERACTIVE);
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

    static double keyHeight() {
        LineMetrics m = metrics(KEY_FONT);
        return Math.ceil(m.getAscent() + m.getDescent()) + 2 * KEY_PAD_Y;
    }

    /** The label lines of a box, centred in it as a block. */
    private static List<Text> boxLines(Rectangle2D rect, List<String> lines) {
        double lineHeight = labelLineHeight();
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
            y += lineHeight(TITLE_FONT) + 4;
            minWidth = width(TITLE_FONT, title.get());
        }
        Rectangle2D bounds = graph.bounds();
        double dx = MARGIN + BAND_PAD - bounds.getX();
        // A heading wider than its column wraps; every column's heading starts on the same line.
        Map<Stage, List<String>> headingLines = new EnumMap<>(Stage.class);
        int headingRows = 1;
        for (Map.Entry<Stage, Rectangle2D> column : graph.columns().entrySet()) {
            List<String> wrapped = wrap(column.getKey().heading(), HEADING_FONT, column.getValue().getWidth() + 2 * BAND_PAD);
            headingLines.put(column.getKey(), wrapped);
            headingRows = Math.max(headingRows, wrapped.size());
        }
        double headingBaseline = y + ascent(HEADING_FONT);
        y += headingRows * lineHeight(HEADING_FONT) + 4;
        double bandTop = y;
        double dy = bandTop + BAND_PAD - bounds.getY();
        double bandBottom = bandTop + bounds.getHeight() + 2 * BAND_PAD;

        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Box box : graph.boxes().values()) {
            Rectangle2D rect = shift(box.rect(), dx, dy);
            List<Text> lines = box.lines().stream().map(t -> shift(t, dx, dy)).toList();
            boxes.put(box.node().id(), new Box(box.node(), rect, lines));
        }
        List<Column> columns = new ArrayList<>();
        double minWidthOfHeadings = 0;
        for (Map.Entry<Stage, Rectangle2D> span : graph.columns().entrySet()) {
            Rectangle2D s = shift(span.getValue(), dx, dy);
            Rectangle2D band = new Rectangle2D.Double(s.getX() - BAND_PAD, bandTop, s.getWidth() + 2 * BAND_PAD,
                    bandBottom - bandTop);
            List<Text> heading = new ArrayList<>();
            List<String> wrapped = headingLines.get(span.getKey());
            for (int i = 0; i < wrapped.size(); i++) {
                heading.add(new Text(wrapped.get(i), HEADING_FONT, band.getCenterX(),
                        headingBaseline + i * lineHeight(HEADING_FONT), true));
                minWidthOfHeadings = Math.max(minWidthOfHeadings, band.getCenterX() + width(HEADING_FONT, wrapped.get(i)) / 2);
            }
            columns.add(new Column(span.getKey(), band, List.copyOf(heading)));
        }
        List<Route> routes = new ArrayList<>();
        for (Route route : graph.routes()) {
            List<Point2D> points = route.points().stream()
                    .map(p -> (Point2D) new Point2D.Double(p.getX() + dx, p.getY() + dy)).toList();
            Optional<KeyTag> keys = route.keys().map(k -> new KeyTag(shift(k.rect(), dx, dy), shift(k.text(), dx, dy)));
            routes.add(new Route(route.link(), points, keys));
        }
        double graphRight = Math.max(MARGIN + bounds.getWidth() + 2 * BAND_PAD, minWidthOfHeadings);
        double width = Math.max(graphRight + MARGIN, minWidth + 2 * MARGIN);
        y = bandBottom;

        Optional<Rectangle2D> legendBox = Optional.empty();
        List<LegendEntry> entries = new ArrayList<>();
        List<Object[]> wanted = new ArrayList<>();
        legend.forEach((label, colour) -> wanted.add(new Object[] {Sample.FILL, colour, label}));
        if (!graph.routes().isEmpty()) {
            wanted.add(new Object[] {Sample.LINK, Style.EDGE_COLOUR, "contributes to"});
        }
        if (graph.routes().stream().anyMatch(r -> r.link().feedback())) {
            wanted.add(new Object[] {Sample.FEEDBACK, Style.EDGE_COLOUR, "feedback (back to an earlier stage)"});
        }
        if (graph.routes().stream().anyMatch(r -> r.keys().isPresent())) {
            wanted.add(new Object[] {Sample.KEY, Style.KEY_FILL, "assumptions and risks on the link, by key"});
        }
        if (!wanted.isEmpty()) {
            double pad = 5;
            double gap = 18;
            double rowHeight = Math.max(SWATCH, lineHeight(LEGEND_FONT)) + 6;
            double maxRow = Math.max(width - 2 * MARGIN - 2 * pad, 300);
            double top = y + 6;
            double x = 0;
            double row = 0;
            double widest = 0;
            for (Object[] entry : wanted) {
                Sample sample = (Sample) entry[0];
                String label = (String) entry[2];
                double sampleWidth = switch (sample) {
                    case FILL -> SWATCH;
                    case LINK, FEEDBACK -> 2.5 * SWATCH;
                    case KEY -> width(KEY_FONT, "A") + 2 * KEY_PAD_X;
                };
                double w = sampleWidth + 6 + width(LEGEND_FONT, label);
                if (x > 0 && x + w > maxRow) {
                    x = 0;
                    row++;
                }
                double left = MARGIN + pad + x;
                double rowTop = top + pad + row * rowHeight;
                double sampleHeight = sample == Sample.KEY ? keyHeight() : SWATCH;
                Rectangle2D swatch = new Rectangle2D.Double(left, rowTop + (rowHeight - 6 - sampleHeight) / 2, sampleWidth,
                        sampleHeight);
                double baseline = swatch.getCenterY() + ascent(LEGEND_FONT) / 2 - 1;
                entries.add(new LegendEntry(sample, (String) entry[1], swatch,
                        new Text(label, LEGEND_FONT, left + sampleWidth + 6, baseline, false)));
                x += w + gap;
                widest = Math.max(widest, x - gap);
            }
            Rectangle2D box = new Rectangle2D.Double(MARGIN, top, widest + 2 * pad, (row + 1) * rowHeight - 6 + 2 * pad);
            legendBox = Optional.of(box);
            width = Math.max(width, box.getMaxX() + MARGIN);
            y = box.getMaxY();
        }
        double height = y + MARGIN / 2;
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
