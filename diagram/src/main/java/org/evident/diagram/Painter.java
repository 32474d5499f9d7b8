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

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Map;

import org.evident.diagram.DiagramLayout.Box;
import org.evident.diagram.DiagramLayout.Column;
import org.evident.diagram.DiagramLayout.Diagram;
import org.evident.diagram.DiagramLayout.KeyTag;
import org.evident.diagram.DiagramLayout.LegendEntry;
import org.evident.diagram.DiagramLayout.Route;
import org.evident.diagram.DiagramLayout.Text;

/**
 * Draws the laid-out diagram with Java2D, as the SVG shows it: into an image for the PNG, and
 * straight into the PDF (through openhtmltopdf's PDFBox Graphics2D) for the report's parts.
 */
final class Painter {
    private Painter() {
    }

    /**
     * Draws what lies in {@code g}'s clip: in the PDF each of the diagram's four parts is a window
     * on the whole drawing, clipped to it, and what lies outside the clip cannot show. Without
     * this, each part's content stream held the whole diagram, text as outlines (2.2 MB each,
     * 8.8 MB to write and deflate); the pages look the same either way.
     */
    static void draw(Graphics2D g, Diagram d, Map<String, String> fills, boolean outlined) {
        Shape clip = g.getClip();
        Rectangle2D view = clip == null ? null : clip.getBounds2D();
        d.title().ifPresent(t -> drawText(g, view, t, TEXT_COLOUR, outlined));
        for (Column column : d.columns()) {
            if (shows(view, column.band())) {
                g.setColor(Color.decode(BAND_COLOUR));
                g.fill(column.band());
            }
            column.heading().forEach(t -> drawText(g, view, t, stageColour(column.stage()), outlined));
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
                switch (entry.sample()) {
                    case FILL -> {
                        RoundRectangle2D swatch = new RoundRectangle2D.Double(s.getX(), s.getY(), s.getWidth(), s.getHeight(), 4, 4);
                        g.setColor(Color.decode(entry.colour()));
                        g.fill(swatch);
                        g.setColor(Color.decode("#666666"));
                        g.draw(swatch);
                    }
                    case LINK, FEEDBACK -> {
                        Point2D from = new Point2D.Double(s.getX(), s.getCenterY());
                        Point2D tip = new Point2D.Double(s.getMaxX(), s.getCenterY());
                        g.setColor(Color.decode(entry.colour()));
                        g.setStroke(entry.sample() == DiagramLayout.Sample.FEEDBACK ? dashed : solid);
                        g.draw(new java.awt.geom.Line2D.Double(from, tip));
                        g.fill(arrowhead(from, tip));
                        g.setStroke(new BasicStroke(0.8f));
                    }
                    case KEY -> {
                        RoundRectangle2D tag = new RoundRectangle2D.Double(s.getX(), s.getY(), s.getWidth(), s.getHeight(), 6, 6);
                        g.setColor(Color.decode(KEY_FILL));
                        g.fill(tag);
                        g.setColor(Color.decode(KEY_STROKE));
                        g.draw(tag);
                        drawText(g, view, DiagramLayout.keySample(s), TEXT_COLOUR, outlined);
                    }
                }
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
        for (int i = 1; i < p.size(); i++) {
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
        return arrowhead(from, tip);
    }

    /** The arrowhead at {@code tip} of a segment from {@code from}. */
    private static Path2D arrowhead(Point2D from, Point2D tip) {
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
}
