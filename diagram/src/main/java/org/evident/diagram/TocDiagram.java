package org.evident.diagram;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.evident.diagram.DiagramLayout.Diagram;
import org.evident.diagram.DiagramLayout.Route;
import org.evident.toc.TheoryOfChange;

/**
 * A drawing of a theory of change: stages as columns from inputs on the left to impacts on the
 * right, links as arrows carrying their assumption and risk keys, feedback links dashed. Renders
 * to Graphviz DOT and Mermaid text (laid out by whoever draws them) and to SVG and PNG, which are
 * laid out here by ELK Layered ({@link DiagramLayout}) and are byte-for-byte the same for the same
 * input. Each format has its own writer; this class holds what they share: the graph, the title,
 * the fills and the legend.
 *
 * <p>Immutable: {@link #titled} and {@link #coloured} return copies, which share the (costly)
 * layout, computed once on first use.
 */
public final class TocDiagram {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private final TheoryOfChange toc;
    private final Optional<String> title;
    private final Map<String, String> fills;
    private final Map<String, String> legend;
    private final Layout layout;

    private TocDiagram(TheoryOfChange toc, Optional<String> title, Map<String, String> fills,
                       Map<String, String> legend, Layout layout) {
        this.toc = toc;
        this.title = title;
        this.fills = fills;
        this.legend = legend;
        this.layout = layout;
    }

    /** A diagram of every node and link of {@code toc} (pass toc.view("contract") for a view). */
    public static TocDiagram of(TheoryOfChange toc) {
        java.util.Objects.requireNonNull(toc, "toc");
        return new TocDiagram(toc, Optional.empty(), Map.of(), Map.of(), new Layout(toc));
    }

    /** A copy with a title drawn above the diagram. */
    public TocDiagram titled(String title) {
        java.util.Objects.requireNonNull(title, "title");
        String clean = title.strip();
        return new TocDiagram(toc, clean.isEmpty() ? Optional.empty() : Optional.of(clean), fills, legend, layout);
    }

    /**
     * A copy with nodes filled by colour (hex "#rrggbb" by node id; nodes not in the map stay
     * white; ids that are not nodes of this diagram are ignored) and a legend (label -> hex colour,
     * drawn in order; empty for none).
     *
     * @throws IllegalArgumentException if a colour is not "#rrggbb"
     */
    public TocDiagram coloured(Map<String, String> fillByNode, LinkedHashMap<String, String> legend) {
        Map<String, String> fills = new LinkedHashMap<>();
        fillByNode.forEach((id, colour) -> fills.put(id, colour(colour, "node '" + id + "'")));
        Map<String, String> entries = new LinkedHashMap<>();
        legend.forEach((label, colour) -> entries.put(label, colour(colour, "legend entry '" + label + "'")));
        return new TocDiagram(toc, title, Collections.unmodifiableMap(fills), Collections.unmodifiableMap(entries),
                layout);
    }

    private static String colour(String hex, String what) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("colour of " + what + " must be \"#rrggbb\", not \"" + hex + "\"");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    /**
     * Graphviz DOT text: rankdir=LR, one cluster per stage with rank=same, wrapped node labels,
     * assumption keys as edge labels, feedback links dashed with constraint=false, fill colours.
     * The legend is not drawn.
     */
    public String toDot() {
        return DotWriter.write(toc, title, fills);
    }

    /**
     * Mermaid flowchart text: {@code flowchart LR}, one subgraph per stage, keys as edge labels
     * ({@code -->|A, D|}), feedback links dotted ({@code -.->}), fills by classDef. A titled diagram
     * starts with a front-matter block holding the title. The legend is not drawn.
     */
    public String toMermaid() {
        return MermaidWriter.write(toc, title, fills);
    }

    /** A standalone SVG 1.1 document of the ELK layout. */
    public String toSvg() {
        return SvgWriter.write(diagram(), fills);
    }

    /**
     * PNG bytes of the same layout as {@link #toSvg}, drawn with Java2D.
     *
     * @param scale pixels per layout unit: 1.0 for screen, 2.0 for print
     * @throws IllegalArgumentException if scale is not positive or the image would be over 200
     *                                  million pixels
     */
    public byte[] toPng(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, not " + scale);
        }
        return PngWriter.write(diagram(), fills, scale);
    }

    /**
     * Draws the diagram onto {@code g} in layout units (the SVG's user units: the drawing covers
     * 0,0 to its SVG width and height), as {@link #toPng} does; with {@code textAsShapes} every
     * letter is filled as an outline rather than drawn as text (as Batik draws the SVG into a PDF).
     */
    public void draw(Graphics2D g, boolean textAsShapes) {
        Object before = g.getRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        try {
            Painter.draw(g, diagram(), fills, textAsShapes);
        } finally {
            if (before != null) {
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, before);
            }
        }
    }

    /** The size of the text in the boxes, in the SVG's user units: what must stay readable when printed. */
    public static double nodeTextSize() {
        return DiagramLayout.LABEL_FONT.getSize2D();
    }

    /**
     * The stages' columns, left to right, in the SVG's user units: each shaded band from the top of
     * the columns to their bottom. A diagram cut between two bands cuts no box.
     */
    public List<Rectangle2D> columnBands() {
        return diagram().columns().stream().map(c -> (Rectangle2D) c.band().clone()).toList();
    }

    /** The node rectangles of the SVG and PNG layout, by node id, in file order. */
    Map<String, Rectangle2D> nodeBoxes() {
        Map<String, Rectangle2D> boxes = new LinkedHashMap<>();
        diagram().boxes().forEach((id, box) -> boxes.put(id, (Rectangle2D) box.rect().clone()));
        return boxes;
    }

    /** The routes of the SVG and PNG layout, in link order. */
    List<Route> routes() {
        return diagram().routes();
    }

    Diagram diagram() {
        return DiagramLayout.arrange(layout.graph(), title, legend);
    }

    /** The ELK layout, computed once and shared by all copies of a diagram. */
    private static final class Layout {
        private final TheoryOfChange toc;
        private DiagramLayout.Graph graph;

        Layout(TheoryOfChange toc) {
            this.toc = toc;
        }

        synchronized DiagramLayout.Graph graph() {
            if (graph == null) {
                graph = DiagramLayout.graph(toc);
            }
            return graph;
        }
    }
}
