package org.evident.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.evident.toc.Link;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TocDiagramTest {
    /*
     * in-money --A--> act-plan ----> act-deliver --D--> out-offers --E--> st-buy-in --B--> im-care
     * in-staff --A, C--> act-deliver                       st-buy-in <--F (feedback)-- im-care
     * in-money <--H (feedback)-- out-offers                out-spare: an orphan, so a component of its own
     * No medium-term outcome, so no "Medium-term outcomes" heading.
     */
    private static final String YAML = """
            nodes:
              - { id: in-money, label: Funding, stage: input }
              - { id: in-staff, label: Staff time and expertise of every partner, stage: input }
              - { id: act-plan, label: "Plans & <targets> for \\"support\\"", stage: activity }
              - { id: act-deliver, label: Deliver and manage the active support offer as specified in the approved proposal, stage: activity }
              - { id: out-offers, label: Support offers delivered, stage: output }
              - { id: out-spare, label: An output nobody links to, stage: output }
              - { id: st-buy-in, label: Improved buy-in, stage: short_term_outcome }
              - { id: im-care, label: More joined-up care, stage: impact }
            links:
              - { from: in-money, to: act-plan, keys: [A] }
              - { from: act-plan, to: act-deliver }
              - { from: in-staff, to: act-deliver, keys: [A, C] }
              - { from: act-deliver, to: out-offers, keys: [D] }
              - { from: out-offers, to: st-buy-in, keys: [E] }
              - { from: st-buy-in, to: im-care, keys: [B] }
              - { from: im-care, to: st-buy-in, feedback: true, keys: [F] }
              - { from: out-offers, to: in-money, feedback: true, keys: [H] }
            assumptions:
              A: [Partners are clear]
              B: [Designed for sustainability]
              C: [Systems have capacity to engage]
              D: [Subcontractors are available]
              E: [Buy-in at the right seniority]
              F: [Systems share good practice]
            risks:
              H: [Underspend cuts future funding]
            views:
              - { id: contract, label: Delivery contract, exclude: [im-care, act-plan] }
            """;

    private static final TheoryOfChange TOC = TheoryOfChange.parse("toc.yaml", YAML);

    private static final String GREEN = "#2e7d32";
    private static final String AMBER = "#fbc02d";

    private static TocDiagram coloured() {
        LinkedHashMap<String, String> legend = new LinkedHashMap<>();
        legend.put("Achieved", GREEN);
        legend.put("Partly achieved", AMBER);
        return TocDiagram.of(TOC).titled("Support programme").coloured(
                Map.of("st-buy-in", GREEN, "out-offers", AMBER.toUpperCase()), legend);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of every {@code <text>} element in document order, joined by spaces. */
    private static String allText(Document svg) {
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            parts.add(texts.item(i).getTextContent());
        }
        return String.join(" ", parts);
    }

    @Test
    void svg_isWellFormedXml_sizedAndHoldsEveryLabelAndHeading() throws Exception {
        Document svg = parse(coloured().toSvg());
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("1.1", root.getAttribute("version"));
        double width = Double.parseDouble(root.getAttribute("width"));
        double height = Double.parseDouble(root.getAttribute("height"));
        assertTrue(width > 4 * 180 && height > 100, width + " x " + height);
        assertEquals("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"), root.getAttribute("viewBox"));

        String text = allText(svg);
        for (Node node : TOC.nodes()) {
            // Wrapped labels come back whole: a box's lines are consecutive text elements.
            assertTrue(text.contains(node.label()), "missing label: " + node.label());
        }
        assertTrue(text.contains("Plans & <targets> for \"support\""), "special characters survive escaping");
        for (Stage stage : Stage.values()) {
            assertEquals(!TOC.nodes(stage).isEmpty(), text.contains(stage.heading()), stage.heading());
        }
        assertTrue(text.contains("Support programme"), "title");
        assertTrue(text.contains("Achieved") && text.contains("Partly achieved"), "legend");
        for (Link link : TOC.links()) {
            if (!link.keys().isEmpty()) {
                assertTrue(text.contains(String.join(", ", link.keys())), "key tag of " + link);
            }
        }
        NodeList paths = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        List<String> linkIndexes = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            String index = ((Element) paths.item(i)).getAttribute("data-link");
            if (!index.isEmpty()) {
                linkIndexes.add(index);
            }
        }
        assertEquals(java.util.stream.IntStream.range(0, TOC.links().size()).mapToObj(String::valueOf).toList(), linkIndexes,
                "one path per link, numbered in toc.yaml's order");
        // Besides: the arrowhead marker's, and the legend's samples of a link and of a feedback link.
        assertEquals(TOC.links().size() + 3, paths.getLength());
        assertTrue(text.contains("contributes to") && text.contains("feedback (back to an earlier stage)"), "link styles in the legend");
    }

    @Test
    void svg_escapesEveryXmlSpecialCharacter() {
        String svg = TocDiagram.of(TOC).titled("A & B's <\"plan\">").toSvg();
        assertTrue(svg.contains("Plans &amp;"), svg);
        assertTrue(svg.contains("&lt;targets&gt;"), svg);
        assertTrue(svg.contains("A &amp; B&#39;s &lt;&quot;plan&quot;&gt;"));
        assertFalse(svg.contains("<targets>"));
    }

    @Test
    void stagesAreColumns_leftToRight_evenWithFeedbackLinks() {
        assertStagesInColumns(TOC, TocDiagram.of(TOC).nodeBoxes());
    }

    @Test
    void stagesAreColumns_withoutFeedbackLinks_andInAView() {
        TheoryOfChange noFeedback = TheoryOfChange.parse("toc.yaml", YAML.replaceAll("(?m)^.*feedback: true.*\\n", ""));
        assertEquals(6, noFeedback.links().size());
        assertStagesInColumns(noFeedback, TocDiagram.of(noFeedback).nodeBoxes());

        TheoryOfChange contract = TOC.view("contract");
        TocDiagram diagram = TocDiagram.of(contract);
        assertStagesInColumns(contract, diagram.nodeBoxes());
        assertFalse(diagram.toSvg().contains("More joined-up care"));
        assertEquals(contract.links().size(), diagram.routes().size());
    }

    private static void assertStagesInColumns(TheoryOfChange toc, Map<String, Rectangle2D> boxes) {
        assertEquals(toc.nodes().stream().map(Node::id).toList(), List.copyOf(boxes.keySet()));
        for (Node a : toc.nodes()) {
            Rectangle2D boxA = boxes.get(a.id());
            for (Node b : toc.nodes()) {
                Rectangle2D boxB = boxes.get(b.id());
                if (a.stage().compareTo(b.stage()) < 0) {
                    assertTrue(boxA.getMaxX() < boxB.getMinX(), a.id() + " (" + a.stage() + ") should be left of "
                            + b.id() + " (" + b.stage() + "): " + boxA + " " + boxB);
                }
                if (a != b) {
                    assertFalse(boxA.intersects(boxB), a.id() + " overlaps " + b.id());
                }
            }
        }
    }

    @Test
    void routes_runFromSourceToTarget_withKeyTagsAtTheArrowhead() {
        TocDiagram diagram = TocDiagram.of(TOC);
        Map<String, Rectangle2D> boxes = diagram.nodeBoxes();
        List<DiagramLayout.Route> routes = diagram.routes();
        assertEquals(TOC.links(), routes.stream().map(DiagramLayout.Route::link).toList());
        for (DiagramLayout.Route route : routes) {
            Point2D start = route.points().get(0);
            Point2D end = route.points().get(route.points().size() - 1);
            Rectangle2D from = boxes.get(route.link().from());
            Rectangle2D to = boxes.get(route.link().to());
            // Feedback links are laid out reversed; they must still end, arrowhead first, at their target.
            assertTrue(onBorder(start, from), route.link() + " starts at " + start + ", not on " + from);
            assertTrue(onBorder(end, to), route.link() + " ends at " + end + ", not on " + to);
            assertEquals(!route.link().keys().isEmpty(), route.keys().isPresent());
            route.keys().ifPresent(tag -> {
                assertEquals(String.join(", ", route.link().keys()), tag.text().text());
                assertTrue(distance(tag.rect(), to) < 20, "tag of " + route.link() + " is away from its target");
                for (Rectangle2D box : boxes.values()) {
                    assertFalse(tag.rect().intersects(box), "tag of " + route.link() + " covers a node");
                }
            });
        }
    }

    private static boolean onBorder(Point2D p, Rectangle2D r) {
        Rectangle2D outer = new Rectangle2D.Double(r.getX() - 1, r.getY() - 1, r.getWidth() + 2, r.getHeight() + 2);
        Rectangle2D inner = new Rectangle2D.Double(r.getX() + 1, r.getY() + 1, r.getWidth() - 2, r.getHeight() - 2);
        return outer.contains(p) && !inner.contains(p);
    }

    private static double distance(Rectangle2D a, Rectangle2D b) {
        double dx = Math.max(0, Math.max(a.getMinX() - b.getMaxX(), b.getMinX() - a.getMaxX()));
        double dy = Math.max(0, Math.max(a.getMinY() - b.getMaxY(), b.getMinY() - a.getMaxY()));
        return Math.hypot(dx, dy);
    }

    @Test
    void drawingIntoAClip_showsTheSameThereAsTheWholeDrawing() throws Exception {
        // The PDF draws each part of the diagram as the whole drawing clipped to the part, and
        // draw() leaves out what lies outside the clip: nothing inside it may change.
        TocDiagram diagram = coloured();
        BufferedImage size = ImageIO.read(new ByteArrayInputStream(diagram.toPng(1.0)));
        int width = size.getWidth();
        int height = size.getHeight();
        BufferedImage whole = drawn(diagram, width, height, null);
        for (int part = 0; part < 4; part++) {
            java.awt.Rectangle window = new java.awt.Rectangle(part * width / 4 + 3, 7, width / 4 - 5, height - 20);
            BufferedImage clipped = drawn(diagram, width, height, window);
            // Java2D's rasteriser clips paths before filling them, which moves antialiased edges by a
            // shade here and there; a shape left out that should show differs by far more.
            for (int y = window.y; y < window.y + window.height; y++) {
                for (int x = window.x; x < window.x + window.width; x++) {
                    int a = whole.getRGB(x, y);
                    int b = clipped.getRGB(x, y);
                    int most = 0;
                    for (int shift = 0; shift < 24; shift += 8) {
                        most = Math.max(most, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
                    }
                    if (most > 8) {
                        throw new AssertionError("part " + part + " differs at " + x + "," + y + " by " + most);
                    }
                }
            }
        }
    }

    private static BufferedImage drawn(TocDiagram diagram, int width, int height, java.awt.Shape clip) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (clip != null) {
            g.clip(clip);
        }
        diagram.draw(g, true);
        g.dispose();
        return image;
    }

    @Test
    void sameGraph_rendersIdentically() {
        TheoryOfChange again = TheoryOfChange.parse("toc.yaml", YAML);
        assertEquals(TocDiagram.of(TOC).toSvg(), TocDiagram.of(again).toSvg());
        assertEquals(coloured().toSvg(), coloured().toSvg());
        assertArrayEquals(coloured().toPng(1.0), coloured().toPng(1.0));
    }

    @Test
    void colouredNodes_areFilledInSvgAndPng_withReadableText() throws Exception {
        TocDiagram diagram = coloured();
        String svg = diagram.toSvg();
        assertTrue(svg.contains("fill=\"" + GREEN + "\""), "green node fill");
        assertTrue(svg.contains("fill=\"" + AMBER + "\""), "amber fill, lower-cased");
        // White text on dark green, dark text on amber.
        assertEquals("#ffffff", Style.textOn(GREEN));
        assertEquals("#1a1a1a", Style.textOn(AMBER));
        assertEquals("#1a1a1a", Style.textOn("#ffffff"));

        Rectangle2D box = diagram.nodeBoxes().get("st-buy-in");
        Rectangle2D white = diagram.nodeBoxes().get("in-staff");
        Document doc = parse(svg);
        double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        double height = Double.parseDouble(doc.getDocumentElement().getAttribute("height"));
        for (double scale : new double[] {1.0, 2.0}) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(diagram.toPng(scale)));
            assertEquals((int) Math.ceil(width * scale), png.getWidth());
            assertEquals((int) Math.ceil(height * scale), png.getHeight());
            assertTrue(pixels(png, box, scale, 0x2e7d32) > box.getWidth() * box.getHeight() * scale * scale / 3,
                    "the green node is mostly green at scale " + scale);
            assertEquals(0, pixels(png, white, scale, 0x2e7d32), "an uncoloured node stays white");
            assertTrue(pixels(png, white, scale, 0xffffff) > 0);
        }
    }

    private static int pixels(BufferedImage png, Rectangle2D box, double scale, int rgb) {
        int count = 0;
        for (int x = (int) (box.getMinX() * scale); x < (int) (box.getMaxX() * scale); x++) {
            for (int y = (int) (box.getMinY() * scale); y < (int) (box.getMaxY() * scale); y++) {
                if ((png.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void coloured_rejectsAColourThatIsNotHex() {
        assertThrows(IllegalArgumentException.class,
                () -> TocDiagram.of(TOC).coloured(Map.of("in-money", "green"), new LinkedHashMap<>()));
        LinkedHashMap<String, String> legend = new LinkedHashMap<>();
        legend.put("Achieved", "#12345");
        assertThrows(IllegalArgumentException.class, () -> TocDiagram.of(TOC).coloured(Map.of(), legend));
        assertThrows(IllegalArgumentException.class, () -> TocDiagram.of(TOC).toPng(0));
    }

    @Test
    void dot_hasEveryNodeAndEdge_feedbackDashedAndUnconstrained() {
        String dot = coloured().toDot();
        assertTrue(dot.startsWith("digraph toc {"));
        assertTrue(dot.contains("rankdir=LR"));
        assertEquals(TOC.nodes().size(), count(dot, "(?m)^    \"[^\"]+\" \\[label="), "node statements");
        assertEquals(TOC.links().size(), count(dot, "(?m)^  \"[^\"]+\" -> \"[^\"]+\""), "edge statements");
        assertEquals(TOC.nodes().stream().map(Node::stage).distinct().count(), count(dot, "subgraph cluster_"));
        assertEquals(TOC.nodes().stream().map(Node::stage).distinct().count(), count(dot, "rank=same"));
        for (Link link : TOC.links()) {
            String line = dot.lines().filter(l -> l.startsWith("  \"" + link.from() + "\" -> \"" + link.to() + "\""))
                    .findFirst().orElseThrow(() -> new AssertionError("no edge " + link));
            assertEquals(link.feedback(), line.contains("style=dashed"), line);
            assertEquals(link.feedback(), line.contains("constraint=false"), line);
            if (!link.keys().isEmpty()) {
                assertTrue(line.contains("label=\"" + String.join(", ", link.keys()) + "\""), line);
            }
        }
        // Wrapped to the box width like the SVG, with DOT's centred line break.
        assertTrue(dot.contains("[label=\"Plans & <targets> for\\n\\\"support\\\"\""), "quotes escaped: " + dot);
        assertTrue(dot.contains("label=\"Short-term outcomes\""));
        assertTrue(dot.contains("fillcolor=\"" + GREEN + "\""));
        assertTrue(dot.contains("label=\"Support programme\""));
    }

    @Test
    void mermaid_isAFlowchartWithKeyedAndDottedLinks() {
        String mermaid = TocDiagram.of(TOC).coloured(Map.of("st-buy-in", GREEN), new LinkedHashMap<>()).toMermaid();
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("  in_money -->|A| act_plan\n"));
        assertTrue(mermaid.contains("  act_plan --> act_deliver\n"));
        assertTrue(mermaid.contains("  in_staff -->|A, C| act_deliver\n"));
        assertTrue(mermaid.contains("  im_care -.->|F| st_buy_in\n"));
        assertTrue(mermaid.contains("  out_offers -.->|H| in_money\n"));
        assertEquals(TOC.links().size(), count(mermaid, "(?m)^  \\w+ -(->|\\.->)"), "one line per link");
        assertEquals(TOC.nodes().stream().map(Node::stage).distinct().count(), count(mermaid, "(?m)^  subgraph "));
        assertTrue(mermaid.contains("subgraph stage_short_term_outcome[\"Short-term outcomes\"]"));
        assertTrue(mermaid.contains("act_plan[\"Plans & #lt;targets#gt; for #quot;support#quot;\"]"), mermaid);
        assertTrue(mermaid.contains("classDef fill1 fill:" + GREEN + ",color:#ffffff"));
        assertTrue(mermaid.contains("class st_buy_in fill1"));
        assertTrue(TocDiagram.of(TOC).titled("Programme").toMermaid().startsWith("---\ntitle: \"Programme\"\n---\nflowchart LR\n"));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void labels_wrapToTheBoxWidth() {
        List<String> lines = DiagramLayout.wrapLabel(TOC.requireNode("act-deliver").label(), 180);
        assertTrue(lines.size() >= 3, lines.toString());
        for (String line : lines) {
            assertTrue(DiagramLayout.width(DiagramLayout.LABEL_FONT, line) <= 180 - 2 * DiagramLayout.BOX_PAD_X);
        }
        assertEquals(TOC.requireNode("act-deliver").label(), String.join(" ", lines));
        List<String> split = DiagramLayout.wrap("x".repeat(100), DiagramLayout.LABEL_FONT, 100);
        assertEquals("x".repeat(100), String.join("", split), "an over-long word is split, not lost");
        assertTrue(split.size() > 1);
        // Taller labels give taller boxes.
        Map<String, Rectangle2D> boxes = TocDiagram.of(TOC).nodeBoxes();
        assertTrue(boxes.get("act-deliver").getHeight() > boxes.get("out-offers").getHeight());
    }

    @Test
    void numbers_areFormattedTheSameInEveryLocale() {
        assertEquals("0", SvgWriter.num(0.001));
        assertEquals("12.5", SvgWriter.num(12.5));
        assertEquals("-3.25", SvgWriter.num(-3.249));
        assertEquals("7", SvgWriter.num(6.999));
    }

    /**
     * The worked example's theory of change (found through the system property evident.fixtures,
     * set by this module's surefire configuration): large enough to show layout trouble.
     */
    @Test
    void sampleTheoryOfChange_keepsItsColumns() {
        TheoryOfChange toc = TheoryOfChange.read(
                Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme", "toc.yaml"));
        TocDiagram diagram = TocDiagram.of(toc);
        assertStagesInColumns(toc, diagram.nodeBoxes());
        // ELK's partition constraints are kept in hash sets of its own node objects, so with
        // network-simplex layering about 1 layout in 6 came out different (4 distinct in 40
        // here); every layout of the same graph must be the same.
        String first = diagram.toSvg();
        for (int i = 0; i < 15; i++) {
            assertEquals(first, TocDiagram.of(toc).toSvg(), "layout " + (i + 2) + " differs from the first");
        }
        for (DiagramLayout.Route route : diagram.routes()) {
            Point2D end = route.points().get(route.points().size() - 1);
            assertTrue(onBorder(end, diagram.nodeBoxes().get(route.link().to())), route.link().toString());
        }
    }
}
