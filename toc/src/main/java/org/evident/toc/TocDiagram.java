package org.evident.toc;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;


import org.evident.toc.DiagramLayout.Box;
import org.evident.toc.DiagramLayout.Column;
import org.evident.toc.DiagramLayout.Diagram;
import org.evident.toc.DiagramLayout.KeyTag;
import org.evident.toc.DiagramLayout.LegendEntry;
import org.evident.toc.DiagramLayout.Route;
import org.evident.toc.DiagramLayout.Text;

/**
 * A drawing of a theory of change: stages as columns from inputs on the left to impacts on the
 * right, links as arrows carrying their assumption and risk keys, feedback links dashed. Renders
 * to Graphviz DOT and Mermaid text (laid out by whoever draws them) and to SVG and PNG, which are
 * laid out here by ELK Layered and are byte-for-byte the same for the same input.
 *
 * <p>Immutable: {@link #titled} and {@link #coloured} return copies, which share the (costly)
 * layout, computed once on first use.
 */
public final class TocDiagram {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String EDGE_COLOUR = "#555555";
    private static final String BAND_COLOUR = "#f2f4f7";
    private static final String TEXT_COLOUR = "#1a1a1a";
    private static final String KEY_FILL = "#fff6d5";
    private static final String KEY_STROKE = "#a08a3c";
    private static final float[] DASH = {5f, 4f};
    private static final double ARROW_LENGTH = 8;
    private static final double ARROW_HALF_WIDTH = 3.5;

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

    // ---------------------------------------------------------------------------------------
    // DOT
    // ---------------------------------------------------------------------------------------

    /**
     * Graphviz DOT text: rankdir=LR, one cluster per stage with rank=same, wrapped node labels,
     * assumption keys as edge labels, feedback links dashed with constraint=false, fill colours.
     * The legend is not drawn.
     */
    public String toDot() {
        StringBuilder out = new StringBuilder();
        out.append("digraph toc {\n");
        out.append("  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.6, fontname=\"DejaVu Sans\"");
        title.ifPresent(t -> out.append(", label=").append(dotString(t)).append(", labelloc=t, labeljust=l, fontsize=16"));
        out.append("];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"DejaVu Sans\", ")
                .append("fontsize=11, width=2.5, margin=\"0.12,0.08\"];\n");
        out.append("  edge [color=\"").append(EDGE_COLOUR).append("\", fontname=\"DejaVu Sans\", fontsize=9];\n");
        for (Stage stage : Stage.values()) {
            List<Node> nodes = toc.nodes(stage);
            if (nodes.isEmpty()) {
                continue;
            }
            out.append("  subgraph cluster_").append(stage.yamlName()).append(" {\n");
            out.append("    label=").append(dotString(stage.heading())).append(";\n");
            out.append("    rank=same; style=filled; color=\"").append(BAND_COLOUR).append("\"; fontcolor=\"")
                    .append(stageColour(stage)).append("\";\n");
            for (Node node : nodes) {
                String fill = fills.getOrDefault(node.id(), "#ffffff");
                out.append("    ").append(dotString(node.id())).append(" [label=")
                        .append(dotString(String.join("\n", DiagramLayout.wrapLabel(node.label()))))
                        .append(", color=\"").append(stageColour(stage)).append('"');
                if (fills.containsKey(node.id())) {
                    out.append(", fillcolor=\"").append(fill).append("\", fontcolor=\"").append(textOn(fill)).append('"');
                }
                out.append("];\n");
            }
            out.append("  }\n");
        }
        for (Link link : toc.links()) {
            out.append("  ").append(dotString(link.from())).append(" -> ").append(dotString(link.to()));
            List<String> attributes = new ArrayList<>();
            if (!link.keys().isEmpty()) {
                attributes.add("label=" + dotString(DiagramLayout.keyText(link)));
            }
            if (link.feedback()) {
                attributes.add("style=dashed");
                attributes.add("constraint=false");
            }
            if (!attributes.isEmpty()) {
                out.append(" [").append(String.join(", ", attributes)).append(']');
            }
            out.append(";\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** A DOT double-quoted string; a newline becomes DOT's centred line break. */
    private static String dotString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + '"';
    }

    // ---------------------------------------------------------------------------------------
    // Mermaid
    // ---------------------------------------------------------------------------------------

    /**
     * Mermaid flowchart text: {@code flowchart LR}, one subgraph per stage, keys as edge labels
     * ({@code -->|A, D|}), feedback links dotted ({@code -.->}), fills by classDef. A titled diagram
     * starts with a front-matter block holding the title. The legend is not drawn.
     */
    public String toMermaid() {
        Map<String, String> ids = mermaidIds();
        StringBuilder out = new StringBuilder();
        title.ifPresent(t -> out.append("---\ntitle: \"").append(t.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n---\n"));
        out.append("flowchart LR\n");
        for (Stage stage : Stage.values()) {
            List<Node> nodes = toc.nodes(stage);
            if (nodes.isEmpty()) {
                continue;
            }
            out.append("  subgraph stage_").append(stage.yamlName()).append("[\"")
                    .append(mermaidText(stage.heading())).append("\"]\n");
            for (Node node : nodes) {
                out.append("    ").append(ids.get(node.id())).append("[\"").append(mermaidText(node.label()))
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
        for (Link link : toc.links()) {
            out.append("  ").append(ids.get(link.from())).append(link.feedback() ? " -.->" : " -->");
            if (!link.keys().isEmpty()) {
                out.append('|').append(mermaidText(DiagramLayout.keyText(link))).append('|');
            }
            out.append(' ').append(ids.get(link.to())).append('\n');
        }
        Map<String, List<String>> byColour = new LinkedHashMap<>();
        for (Node node : toc.nodes()) {
            String fill = fills.get(node.id());
            if (fill != null) {
                byColour.computeIfAbsent(fill, c -> new ArrayList<>()).add(ids.get(node.id()));
            }
        }
        int i = 0;
        for (Map.Entry<String, List<String>> entry : byColour.entrySet()) {
            String cls = "fill" + (++i);
            out.append("  classDef ").append(cls).append(" fill:").append(entry.getKey()).append(",color:")
                    .append(textOn(entry.getKey())).append('\n');
            out.append("  class ").append(String.join(",", entry.getValue())).append(' ').append(cls).append('\n');
        }
        return out.toString();
    }

    /** Node ids safe in Mermaid: letters, digits and underscores, not a keyword, unique. */
    private Map<String, String> mermaidIds() {
        Set<String> reserved = Set.of("end", "graph", "flowchart", "subgraph", "style", "class", "classdef",
                "click", "linkstyle", "direction", "default", "call", "href");
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (Node node : toc.nodes()) {
            String base = node.id().replaceAll("[^A-Za-z0-9_]", "_");
            if (base.isEmpty() || !Character.isLetter(base.charAt(0)) || reserved.contains(base.toLowerCase(Locale.ROOT))
                    || base.startsWith("stage_")) {
                base = "n_" + base;
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "_" + n;
            }
            ids.put(node.id(), id);
        }
        return ids;
    }

    private static String mermaidText(String s) {
        return s.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("|", "#124;").replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------------------------------
    // SVG
    // ---------------------------------------------------------------------------------------

    /** A standalone SVG 1.1 document of the ELK layout. */
    public String toSvg() {
        Diagram d = diagram();
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(d.width()))
                .append("\" height=\"").append(num(d.height())).append("\" viewBox=\"0 0 ").append(num(d.width()))
                .append(' ').append(num(d.height())).append("\" font-family=\"").append(DiagramLayout.CSS_FONT_FAMILY)
                .append("\">\n");
        title.ifPresent(t -> out.append("<title>").append(xml(t)).append("</title>\n"));
        out.append("<defs>\n<marker id=\"arrow\" viewBox=\"0 0 ").append(num(ARROW_LENGTH)).append(' ')
                .append(num(2 * ARROW_HALF_WIDTH)).append("\" refX=\"").append(num(ARROW_LENGTH)).append("\" refY=\"")
                .append(num(ARROW_HALF_WIDTH)).append("\" markerWidth=\"").append(num(ARROW_LENGTH))
                .append("\" markerHeight=\"").append(num(2 * ARROW_HALF_WIDTH))
                .append("\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                .append("<path d=\"M0,0 L").append(num(ARROW_LENGTH)).append(',').append(num(ARROW_HALF_WIDTH))
                .append(" L0,").append(num(2 * ARROW_HALF_WIDTH)).append(" z\" fill=\"").append(EDGE_COLOUR)
                .append("\"/></marker>\n</defs>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(num(d.width())).append("\" height=\"")
                .append(num(d.height())).append("\" fill=\"#ffffff\"/>\n");
        d.title().ifPresent(t -> svgText(out, t, TEXT_COLOUR));

        out.append("<g class=\"stages\">\n");
        for (Column column : d.columns()) {
            out.append(svgRect(column.band(), 0)).append(" fill=\"").append(BAND_COLOUR).append("\"/>\n");
            svgText(out, column.heading(), stageColour(column.stage()));
        }
        out.append("</g>\n<g class=\"links\" fill=\"none\" stroke=\"").append(EDGE_COLOUR)
                .append("\" stroke-width=\"1.1\">\n");
        for (Route route : d.routes()) {
            out.append("<path d=\"").append(svgPath(route)).append('"');
            if (route.link().feedback()) {
                out.append(" stroke-dasharray=\"").append(num(DASH[0])).append(',').append(num(DASH[1])).append('"');
            }
            out.append(" marker-end=\"url(#arrow)\"><title>").append(xml(route.link().toString()))
                    .append(route.link().feedback() ? " (feedback)" : "").append("</title></path>\n");
        }
        out.append("</g>\n<g class=\"keys\">\n");
        for (Route route : d.routes()) {
            if (route.keys().isPresent()) {
                KeyTag tag = route.keys().get();
                out.append(svgRect(tag.rect(), 3)).append(" fill=\"").append(KEY_FILL).append("\" stroke=\"")
                        .append(KEY_STROKE).append("\" stroke-width=\"0.8\"/>\n");
                svgText(out, tag.text(), TEXT_COLOUR);
            }
        }
        out.append("</g>\n<g class=\"nodes\">\n");
        for (Box box : d.boxes().values()) {
            String fill = fills.getOrDefault(box.node().id(), "#ffffff");
            out.append("<g class=\"node\"><title>").append(xml(box.node().id()));
            box.node().description().ifPresent(desc -> out.append(": ").append(xml(desc)));
            out.append("</title>\n");
            out.append(svgRect(box.rect(), DiagramLayout.BOX_RADIUS)).append(" fill=\"").append(fill)
                    .append("\" stroke=\"").append(stageColour(box.node().stage())).append("\" stroke-width=\"1.5\"/>\n");
            for (Text line : box.lines()) {
                svgText(out, line, textOn(fill));
            }
            out.append("</g>\n");
        }
        out.append("</g>\n");
        if (d.legendBox().isPresent()) {
            out.append("<g class=\"legend\">\n");
            out.append(svgRect(d.legendBox().get(), 4)).append(" fill=\"#ffffff\" stroke=\"#999999\"/>\n");
            for (LegendEntry entry : d.legend()) {
                out.append(svgRect(entry.swatch(), 2)).append(" fill=\"").append(entry.colour())
                        .append("\" stroke=\"#666666\" stroke-width=\"0.8\"/>\n");
                svgText(out, entry.label(), TEXT_COLOUR);
            }
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static String svgRect(Rectangle2D r, double radius) {
        StringBuilder s = new StringBuilder("<rect x=\"").append(num(r.getX())).append("\" y=\"").append(num(r.getY()))
                .append("\" width=\"").append(num(r.getWidth())).append("\" height=\"").append(num(r.getHeight()))
                .append('"');
        if (radius > 0) {
            s.append(" rx=\"").append(num(radius)).append('"');
        }
        return s.toString();
    }

    private static void svgText(StringBuilder out, Text t, String colour) {
        out.append("<text x=\"").append(num(t.x())).append("\" y=\"").append(num(t.y())).append("\" font-size=\"")
                .append(t.font().getSize()).append('"');
        if (t.font().isBold()) {
            out.append(" font-weight=\"bold\"");
        }
        if (t.centred()) {
            out.append(" text-anchor=\"middle\"");
        }
        out.append(" fill=\"").append(colour).append("\">").append(xml(t.text())).append("</text>\n");
    }

    private static String svgPath(Route route) {
        List<Point2D> p = route.points();
        StringBuilder d = new StringBuilder("M").append(num(p.get(0).getX())).append(',').append(num(p.get(0).getY()));
        int i = 1;
        if (route.curved()) {
            for (; i + 2 < p.size(); i += 3) {
                d.append(" C").append(pt(p.get(i))).append(' ').append(pt(p.get(i + 1))).append(' ').append(pt(p.get(i + 2)));
            }
            if (i + 1 < p.size()) {
                d.append(" Q").append(pt(p.get(i))).append(' ').append(pt(p.get(i + 1)));
                i += 2;
            }
        }
        for (; i < p.size(); i++) {
            d.append(" L").append(pt(p.get(i)));
        }
        return d.toString();
    }

    private static String pt(Point2D p) {
        return num(p.getX()) + "," + num(p.getY());
    }

    /** A coordinate with at most two decimals and no trailing zeros, whatever the locale. */
    static String num(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long whole = abs / 100;
        long frac = abs % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : String.format(Locale.ROOT, ".%02d", frac));
    }

    private static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Control characters other than tab and newline are not allowed in XML 1.0.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------
    // PNG
    // ---------------------------------------------------------------------------------------

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
        Diagram d = diagram();
        int w = (int) Math.ceil(d.width() * scale);
        int h = (int) Math.ceil(d.height() * scale);
        if ((long) w * h > 200_000_000L) {
            throw new IllegalArgumentException("a " + w + " x " + h + " image is too large; use a smaller scale");
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            draw(g, d, false);
        } finally {
            g.dispose();
        }
        return Png.encode(image);
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
            draw(g, diagram(), textAsShapes);
        } finally {
            if (before != null) {
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, before);
            }
        }
    }

    /**
     * Draws what lies in {@code g}'s clip: in the PDF each of the diagram's four parts is a window
     * on the whole drawing, clipped to it, and what lies outside the clip cannot show. Without
     * this, each part's content stream held the whole diagram, text as outlines (2.2 MB each,
     * 8.8 MB to write and deflate); the pages look the same either way.
     */
    private void draw(Graphics2D g, Diagram d, boolean outlined) {
        Shape clip = g.getClip();
        Rectangle2D view = clip == null ? null : clip.getBounds2D();
        d.title().ifPresent(t -> drawText(g, view, t, TEXT_COLOUR, outlined));
        for (Column column : d.columns()) {
            if (shows(view, column.band())) {
                g.setColor(Color.decode(BAND_COLOUR));
                g.fill(column.band());
            }
            drawText(g, view, column.heading(), stageColour(column.stage()), outlined);
        }
        Color edge = Color.decode(EDGE_COLOUR);
        BasicStroke solid = new BasicStroke(1.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        BasicStroke dashed = new BasicStroke(1.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f);
        for (Route route : d.routes()) {
            Path2D path = path(route);
            Path2D arrowhead = arrowhead(route);
            if (!shows(view, path.getBounds2D().createUnion(arrowhead.getBounds2D()))) {
                continue;
            }
            g.setColor(edge);
            g.setStroke(route.link().feedback() ? dashed : solid);
            g.draw(path);
            g.fill(arrowhead);
        }
        g.setStroke(new BasicStroke(0.8f));
        for (Route route : d.routes()) {
            if (route.keys().isPresent()) {
                KeyTag tag = route.keys().get();
                Rectangle2D r = tag.rect();
                if (shows(view, r)) {
                    RoundRectangle2D rounded = new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 6, 6);
                    g.setColor(Color.decode(KEY_FILL));
                    g.fill(rounded);
                    g.setColor(Color.decode(KEY_STROKE));
                    g.draw(rounded);
                }
                drawText(g, view, tag.text(), TEXT_COLOUR, outlined);
            }
        }
        g.setStroke(new BasicStroke(1.5f));
        for (Box box : d.boxes().values()) {
            String fill = fills.getOrDefault(box.node().id(), "#ffffff");
            Rectangle2D r = box.rect();
            if (shows(view, r)) {
                double arc = 2 * DiagramLayout.BOX_RADIUS;
                RoundRectangle2D rounded = new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), arc, arc);
                g.setColor(Color.decode(fill));
                g.fill(rounded);
                g.setColor(Color.decode(stageColour(box.node().stage())));
                g.draw(rounded);
            }
            for (Text line : box.lines()) {
                drawText(g, view, line, textOn(fill), outlined);
            }
        }
        if (d.legendBox().isPresent() && shows(view, d.legendBox().get())) {
            Rectangle2D r = d.legendBox().get();
            RoundRectangle2D rounded = new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 8, 8);
            g.setColor(Color.WHITE);
            g.fill(rounded);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.decode("#999999"));
            g.draw(rounded);
            g.setStroke(new BasicStroke(0.8f));
            for (LegendEntry entry : d.legend()) {
                Rectangle2D s = entry.swatch();
                RoundRectangle2D swatch = new RoundRectangle2D.Double(s.getX(), s.getY(), s.getWidth(), s.getHeight(), 4, 4);
                g.setColor(Color.decode(entry.colour()));
                g.fill(swatch);
                g.setColor(Color.decode("#666666"));
                g.draw(swatch);
                drawText(g, view, entry.label(), TEXT_COLOUR, outlined);
            }
        }
    }

    /**
     * Whether something within {@code bounds} can show in {@code view} (null: no clip). The margin
     * covers the widest stroke (1.5) and then some.
     */
    private static boolean shows(Rectangle2D view, Rectangle2D bounds) {
        double margin = 4;
        return view == null || view.intersects(bounds.getX() - margin, bounds.getY() - margin, bounds.getWidth() + 2 * margin,
                bounds.getHeight() + 2 * margin);
    }

    private static void drawText(Graphics2D g, Rectangle2D view, Text t, String colour, boolean outlined) {
        double width = DiagramLayout.width(t.font(), t.text());
        double x = t.centred() ? t.x() - width / 2 : t.x();
        // Glyphs stay within about a font size above the baseline and half of one below it.
        double size = t.font().getSize2D();
        if (!shows(view, new Rectangle2D.Double(x - size, t.y() - 2 * size, width + 2 * size, 3 * size))) {
            return;
        }
        g.setFont(t.font());
        g.setColor(Color.decode(colour));
        if (outlined) {
            g.fill(t.font().createGlyphVector(g.getFontRenderContext(), t.text()).getOutline((float) x, (float) t.y()));
        } else {
            g.drawString(t.text(), (float) x, (float) t.y());
        }
    }

    private static Path2D path(Route route) {
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
        return path;
    }

    /** The arrowhead at a route's end, pointing along its last segment, as the SVG marker does. */
    private static Path2D arrowhead(Route route) {
        List<Point2D> p = route.points();
        Point2D tip = p.get(p.size() - 1);
        Point2D from = tip;
        for (int i = p.size() - 2; i >= 0 && from.distance(tip) < 1e-6; i--) {
            from = p.get(i);
        }
        double dx = tip.getX() - from.getX();
        double dy = tip.getY() - from.getY();
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            dx = 1;
            dy = 0;
            len = 1;
        }
        double ux = dx / len;
        double uy = dy / len;
        double bx = tip.getX() - ux * ARROW_LENGTH;
        double by = tip.getY() - uy * ARROW_LENGTH;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(tip.getX(), tip.getY());
        head.lineTo(bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH);
        head.lineTo(bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH);
        head.closePath();
        return head;
    }

    // ---------------------------------------------------------------------------------------
    // Shared
    // ---------------------------------------------------------------------------------------

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

    /** The border and heading colour of a stage. */
    static String stageColour(Stage stage) {
        return switch (stage) {
            case INPUT -> "#5f6b7a";
            case ACTIVITY -> "#1f5fa8";
            case OUTPUT -> "#1b7f5b";
            case SHORT_TERM_OUTCOME -> "#a35a00";
            case MEDIUM_TERM_OUTCOME -> "#b03a2e";
            case IMPACT -> "#7a3e9d";
        };
    }

    /** Black or white text, whichever reads better on {@code fill}. */
    static String textOn(String fill) {
        Color c = Color.decode(fill);
        double luminance = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        return luminance < 0.55 ? "#ffffff" : TEXT_COLOUR;
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
