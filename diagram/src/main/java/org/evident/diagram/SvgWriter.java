package org.evident.diagram;

import static org.evident.diagram.Style.ARROW_HALF_WIDTH;
import static org.evident.diagram.Style.ARROW_LENGTH;
import static org.evident.diagram.Style.BAND_COLOUR;
import static org.evident.diagram.Style.DASH;
import static org.evident.diagram.Style.EDGE_COLOUR;
import static org.evident.diagram.Style.KEY_FILL;
import static org.evident.diagram.Style.KEY_STROKE;
import static org.evident.diagram.Style.TEXT_COLOUR;
import static org.evident.diagram.Style.stageColour;
import static org.evident.diagram.Style.textOn;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evident.diagram.DiagramLayout.Box;
import org.evident.diagram.DiagramLayout.Column;
import org.evident.diagram.DiagramLayout.Diagram;
import org.evident.diagram.DiagramLayout.KeyTag;
import org.evident.diagram.DiagramLayout.LegendEntry;
import org.evident.diagram.DiagramLayout.Route;
import org.evident.diagram.DiagramLayout.Text;

/** Writes the laid-out diagram as an SVG 1.1 document: the same input always gives the same bytes. */
final class SvgWriter {
    private SvgWriter() {
    }

    /** The SVG document of {@code d} (see {@link TocDiagram#toSvg}). */
    static String write(Diagram d, Map<String, String> fills) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(d.width()))
                .append("\" height=\"").append(num(d.height())).append("\" viewBox=\"0 0 ").append(num(d.width()))
                .append(' ').append(num(d.height())).append("\" font-family=\"").append(DiagramLayout.CSS_FONT_FAMILY)
                .append("\">\n");
        d.title().ifPresent(t -> out.append("<title>").append(Xml.escape(t.text())).append("</title>\n"));
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
            column.heading().forEach(t -> svgText(out, t, stageColour(column.stage())));
        }
        out.append("</g>\n<g class=\"links\" fill=\"none\" stroke=\"").append(EDGE_COLOUR)
                .append("\" stroke-width=\"1.1\">\n");
        for (int i = 0; i < d.routes().size(); i++) {
            Route route = d.routes().get(i);
            // data-link: the link's place in toc.yaml's links, for toc.html's script.
            out.append("<path data-link=\"").append(i).append("\" d=\"").append(svgPath(route)).append('"');
            if (route.link().feedback()) {
                out.append(" stroke-dasharray=\"").append(num(DASH[0])).append(',').append(num(DASH[1])).append('"');
            }
            out.append(" marker-end=\"url(#arrow)\"><title>").append(Xml.escape(route.link().toString()))
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
            out.append("<g class=\"node\" data-node=\"").append(Xml.escape(box.node().id())).append("\"><title>")
                    .append(Xml.escape(box.node().id()));
            box.node().description().ifPresent(desc -> out.append(": ").append(Xml.escape(desc)));
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
                Rectangle2D r = entry.swatch();
                switch (entry.sample()) {
                    case FILL -> out.append(svgRect(r, 2)).append(" fill=\"").append(entry.colour())
                            .append("\" stroke=\"#666666\" stroke-width=\"0.8\"/>\n");
                    case LINK, FEEDBACK -> {
                        out.append("<path d=\"M").append(num(r.getX())).append(',').append(num(r.getCenterY())).append(" L")
                                .append(num(r.getMaxX())).append(',').append(num(r.getCenterY())).append("\" fill=\"none\" stroke=\"")
                                .append(entry.colour()).append("\" stroke-width=\"1.1\"");
                        if (entry.sample() == DiagramLayout.Sample.FEEDBACK) {
                            out.append(" stroke-dasharray=\"").append(num(DASH[0])).append(',').append(num(DASH[1])).append('"');
                        }
                        out.append(" marker-end=\"url(#arrow)\"/>\n");
                    }
                    case KEY -> {
                        out.append(svgRect(r, 3)).append(" fill=\"").append(KEY_FILL).append("\" stroke=\"").append(KEY_STROKE)
                                .append("\" stroke-width=\"0.8\"/>\n");
                        svgText(out, DiagramLayout.keySample(r), TEXT_COLOUR);
                    }
                }
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
        out.append(" fill=\"").append(colour).append("\">").append(Xml.escape(t.text())).append("</text>\n");
    }

    private static String svgPath(Route route) {
        List<Point2D> p = route.points();
        StringBuilder d = new StringBuilder("M").append(num(p.get(0).getX())).append(',').append(num(p.get(0).getY()));
        for (int i = 1; i < p.size(); i++) {
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
}
