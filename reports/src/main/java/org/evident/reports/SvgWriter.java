package org.evident.reports;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import de.erichseifert.vectorgraphics2d.GraphicsState;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetBackgroundCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetCompositeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetHintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import org.evident.diagram.Xml;

/**
 * Writes what VectorGraphics2D recorded of a drawing (its commands) as an SVG document.
 *
 * <p>VectorGraphics2D records the Graphics2D calls; its own SVG writer was replaced because it
 * was most of the cost of the charts: it formats every number with one {@code DecimalFormat}
 * shared by all threads (synchronised inside the JDK, so the chart threads queued on it), at up
 * to 15 decimal places, through a DOM and an XSLT serialiser; and XChart draws every letter as
 * an outline, so a run chart holds some 20,000 numbers. On the worked example it took about
 * 1.7 s of CPU time of a 6 s run. Here numbers are written with two decimal places (a hundredth
 * of a pixel) straight into the text, and the output is already what the report needs: no
 * DOCTYPE (a parser would fetch the W3C's DTD), a {@code <title>} naming the chart (XChart's text
 * is outlines, so nothing else in the SVG says what it is), the font size the text inherits
 * (12px, which VectorGraphics2D left to the browser's default), and clip ids numbered in order,
 * so the same drawing gives the same bytes.
 *
 * <p>Every element carries its whole style and its transform; elements under the same clip
 * share a group. A drawing that uses what this writer does not draw (an image, a gradient, a
 * composite other than source-over) is an error, not a silently different picture: every chart
 * is drawn in the tests.
 */
final class SvgWriter {
    /** Places after the point for coordinates and lengths, and for a transform's scale and shear. */
    private static final int PLACES = 2;
    private static final int MATRIX_PLACES = 6;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** The graphics state a command applies to; copied on create(), restored on dispose(). */
    private static final class State {
        AffineTransform transform = new AffineTransform(GraphicsState.DEFAULT_TRANSFORM);
        Shape clip = GraphicsState.DEFAULT_CLIP; // in device space, as Graphics2D keeps it
        Color color = GraphicsState.DEFAULT_COLOR;
        Stroke stroke = GraphicsState.DEFAULT_STROKE;
        Font font = GraphicsState.DEFAULT_FONT;
        float alpha = 1f;

        State copy() {
            State s = new State();
            s.transform = new AffineTransform(transform);
            s.clip = clip;
            s.color = color;
            s.stroke = stroke;
            s.font = font;
            s.alpha = alpha;
            return s;
        }
    }

    private final StringBuilder body = new StringBuilder(1 << 16);
    private final StringBuilder defs = new StringBuilder();
    private final Map<String, String> clipIds = new HashMap<>();
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();
    /** The clip id of the open group, or null when elements are written outside any group. */
    private String openClip;
    private Shape clipShapeOfId;
    private String clipIdOfShape;

    private SvgWriter() {
    }

    /** The SVG of {@code commands}, a {@code width} by {@code height} drawing named {@code title}. */
    static String write(Iterable<Command<?>> commands, int width, int height, String title) {
        SvgWriter writer = new SvgWriter();
        for (Command<?> command : commands) {
            writer.apply(command);
        }
        writer.closeGroup();
        StringBuilder out = new StringBuilder(writer.body.length() + writer.defs.length() + 400);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width).append("px\" height=\"")
                .append(height).append("px\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-size=\"12px\">\n");
        out.append("  <title>").append(Xml.escape(title)).append("</title>\n");
        if (!writer.defs.isEmpty()) {
            out.append("  <defs>\n").append(writer.defs).append("  </defs>\n");
        }
        return out.append(writer.body).append("</svg>\n").toString();
    }

    private void apply(Command<?> command) {
        if (command instanceof FillShapeCommand fill) {
            shape(fill.getValue(), true);
        } else if (command instanceof DrawShapeCommand draw) {
            shape(draw.getValue(), false);
        } else if (command instanceof DrawStringCommand text) {
            text(text.getValue(), text.getX(), text.getY());
        } else if (command instanceof SetColorCommand colour) {
            state.color = colour.getValue();
        } else if (command instanceof SetStrokeCommand stroke) {
            state.stroke = stroke.getValue();
        } else if (command instanceof SetFontCommand font) {
            state.font = font.getValue();
        } else if (command instanceof SetTransformCommand transform) {
            state.transform = new AffineTransform(transform.getValue());
        } else if (command instanceof AffineTransformCommand relative) {
            // translate, scale, rotate, shear and transform(): each recorded as the matrix it applies
            state.transform.concatenate(relative.getValue());
        } else if (command instanceof SetClipCommand clip) {
            state.clip = clip.getValue() == null ? null : state.transform.createTransformedShape(clip.getValue());
        } else if (command instanceof SetCompositeCommand composite) {
            state.alpha = alpha(composite.getValue());
        } else if (command instanceof CreateCommand) {
            saved.push(state);
            state = state.copy();
        } else if (command instanceof DisposeCommand) {
            if (!saved.isEmpty()) {
                state = saved.pop();
            }
        } else if (!(command instanceof SetHintCommand || command instanceof SetBackgroundCommand)) {
            // images, gradient paints, XOR mode
            throw new IllegalStateException("the SVG writer does not draw " + command.getClass().getSimpleName()
                    + "; draw the chart without it, or extend SvgWriter");
        }
    }

    private static float alpha(Composite composite) {
        if (composite instanceof AlphaComposite a && a.getRule() == AlphaComposite.SRC_OVER) {
            return a.getAlpha();
        }
        throw new IllegalStateException("the SVG writer draws only source-over composites, not " + composite);
    }

    private void shape(Shape shape, boolean fill) {
        StringBuilder out = element();
        if (shape instanceof Line2D line) {
            out.append("<line x1=\"");
            number(out, line.getX1(), PLACES).append("\" y1=\"");
            number(out, line.getY1(), PLACES).append("\" x2=\"");
            number(out, line.getX2(), PLACES).append("\" y2=\"");
            number(out, line.getY2(), PLACES).append('"');
        } else if (shape instanceof Rectangle2D rect) {
            rect(out, rect.getX(), rect.getY(), rect.getWidth(), rect.getHeight());
        } else if (shape instanceof RoundRectangle2D round) {
            rect(out, round.getX(), round.getY(), round.getWidth(), round.getHeight());
            out.append(" rx=\"");
            number(out, round.getArcWidth() / 2, PLACES).append("\" ry=\"");
            number(out, round.getArcHeight() / 2, PLACES).append('"');
        } else if (shape instanceof Ellipse2D ellipse) {
            out.append("<ellipse cx=\"");
            number(out, ellipse.getCenterX(), PLACES).append("\" cy=\"");
            number(out, ellipse.getCenterY(), PLACES).append("\" rx=\"");
            number(out, ellipse.getWidth() / 2, PLACES).append("\" ry=\"");
            number(out, ellipse.getHeight() / 2, PLACES).append('"');
        } else {
            out.append("<path d=\"");
            boolean evenOdd = path(out, shape);
            out.append('"');
            if (evenOdd && fill) {
                out.append(" fill-rule=\"evenodd\"");
            }
        }
        transform(out);
        out.append(" style=\"");
        if (fill) {
            out.append("fill:");
            colour(out, state.color, "fill-opacity");
            out.append("stroke:none");
        } else {
            out.append("fill:none;stroke:");
            colour(out, state.color, "stroke-opacity");
            stroke(out, state.stroke);
        }
        out.append("\"/>\n");
    }

    private void text(String text, double x, double y) {
        StringBuilder out = element();
        out.append("<text x=\"");
        number(out, x, PLACES).append("\" y=\"");
        number(out, y, PLACES).append('"');
        transform(out);
        out.append(" style=\"fill:");
        colour(out, state.color, "fill-opacity");
        Font font = state.font;
        out.append("font-family:").append(family(font)).append(";font-size:");
        number(out, font.getSize2D(), PLACES).append("px");
        if (font.isBold()) {
            out.append(";font-weight:bold");
        }
        if (font.isItalic()) {
            out.append(";font-style:italic");
        }
        out.append("\">").append(Xml.escape(text)).append("</text>\n");
    }

    /** The body, inside a group for the current clip (opened, or the open one kept), indented. */
    private StringBuilder element() {
        String clip = clipId(state.clip);
        if (!Objects.equals(clip, openClip)) {
            closeGroup();
            if (clip != null) {
                body.append("  <g clip-path=\"url(#").append(clip).append(")\">\n");
            }
            openClip = clip;
        }
        return body.append(openClip == null ? "  " : "    ");
    }

    private void closeGroup() {
        if (openClip != null) {
            body.append("  </g>\n");
            openClip = null;
        }
    }

    /** The id of a clip path for {@code clip} (device space), defined once for each distinct shape. */
    private String clipId(Shape clip) {
        if (clip == null) {
            return null;
        }
        if (clip == clipShapeOfId) {
            return clipIdOfShape;
        }
        StringBuilder shape = new StringBuilder();
        if (clip instanceof Rectangle2D rect) {
            rect(shape, rect.getX(), rect.getY(), rect.getWidth(), rect.getHeight());
        } else {
            shape.append("<path d=\"");
            boolean evenOdd = path(shape, clip);
            shape.append('"');
            if (evenOdd) {
                shape.append(" clip-rule=\"evenodd\"");
            }
        }
        String key = shape.toString();
        String id = clipIds.get(key);
        if (id == null) {
            id = "clip" + (clipIds.size() + 1);
            clipIds.put(key, id);
            defs.append("    <clipPath id=\"").append(id).append("\">").append(key).append("/></clipPath>\n");
        }
        clipShapeOfId = clip;
        clipIdOfShape = id;
        return id;
    }

    private static void rect(StringBuilder out, double x, double y, double width, double height) {
        out.append("<rect x=\"");
        number(out, x, PLACES).append("\" y=\"");
        number(out, y, PLACES).append("\" width=\"");
        number(out, width, PLACES).append("\" height=\"");
        number(out, height, PLACES).append('"');
    }

    /** Path data for {@code shape}; true when it fills by the even-odd rule. */
    private static boolean path(StringBuilder out, Shape shape) {
        PathIterator segments = shape.getPathIterator(null);
        double[] c = new double[6];
        boolean first = true;
        while (!segments.isDone()) {
            int type = segments.currentSegment(c);
            if (!first) {
                out.append(' ');
            }
            first = false;
            switch (type) {
                case PathIterator.SEG_MOVETO -> points(out.append('M'), c, 2);
                case PathIterator.SEG_LINETO -> points(out.append('L'), c, 2);
                case PathIterator.SEG_QUADTO -> points(out.append('Q'), c, 4);
                case PathIterator.SEG_CUBICTO -> points(out.append('C'), c, 6);
                default -> out.append('Z');
            }
            segments.next();
        }
        return segments.getWindingRule() == PathIterator.WIND_EVEN_ODD;
    }

    private static void points(StringBuilder out, double[] c, int n) {
        for (int i = 0; i < n; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            number(out, c[i], PLACES).append(',');
            number(out, c[i + 1], PLACES);
        }
    }

    private void transform(StringBuilder out) {
        AffineTransform t = state.transform;
        if (t.isIdentity()) {
            return;
        }
        if (t.getType() == AffineTransform.TYPE_TRANSLATION) {
            out.append(" transform=\"translate(");
            number(out, t.getTranslateX(), PLACES).append(' ');
            number(out, t.getTranslateY(), PLACES).append(")\"");
            return;
        }
        out.append(" transform=\"matrix(");
        number(out, t.getScaleX(), MATRIX_PLACES).append(' ');
        number(out, t.getShearY(), MATRIX_PLACES).append(' ');
        number(out, t.getShearX(), MATRIX_PLACES).append(' ');
        number(out, t.getScaleY(), MATRIX_PLACES).append(' ');
        number(out, t.getTranslateX(), PLACES).append(' ');
        number(out, t.getTranslateY(), PLACES).append(")\"");
    }

    /** "rgb(r,g,b);" and the opacity property when the colour or the composite is translucent. */
    private void colour(StringBuilder out, Color colour, String opacity) {
        out.append("rgb(").append(colour.getRed()).append(',').append(colour.getGreen()).append(',').append(colour.getBlue())
                .append(");");
        double alpha = colour.getAlpha() / 255.0 * state.alpha;
        if (alpha < 1) {
            out.append(opacity).append(':');
            number(out, alpha, 3).append(';');
        }
    }

    private static void stroke(StringBuilder out, Stroke stroke) {
        if (!(stroke instanceof BasicStroke basic)) {
            throw new IllegalStateException("the SVG writer draws only BasicStroke lines, not " + stroke.getClass().getName());
        }
        out.append("stroke-width:");
        number(out, basic.getLineWidth(), PLACES);
        out.append(";stroke-linecap:").append(switch (basic.getEndCap()) {
            case BasicStroke.CAP_BUTT -> "butt";
            case BasicStroke.CAP_ROUND -> "round";
            default -> "square";
        });
        out.append(";stroke-linejoin:").append(switch (basic.getLineJoin()) {
            case BasicStroke.JOIN_BEVEL -> "bevel";
            case BasicStroke.JOIN_ROUND -> "round";
            default -> "miter";
        });
        if (basic.getLineJoin() == BasicStroke.JOIN_MITER) {
            out.append(";stroke-miterlimit:");
            number(out, basic.getMiterLimit(), PLACES);
        }
        float[] dashes = basic.getDashArray();
        if (dashes != null && dashes.length > 0) {
            out.append(";stroke-dasharray:");
            for (int i = 0; i < dashes.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                number(out, dashes[i], PLACES);
            }
            if (basic.getDashPhase() != 0) {
                out.append(";stroke-dashoffset:");
                number(out, basic.getDashPhase(), PLACES);
            }
        }
    }

    /** A CSS font-family value: the logical Java fonts as their generic CSS families, others quoted. */
    private static String family(Font font) {
        String family = font.getFamily();
        return switch (family) {
            case Font.SANS_SERIF, Font.DIALOG, Font.DIALOG_INPUT -> "sans-serif";
            case Font.SERIF -> "serif";
            case Font.MONOSPACED -> "monospace";
            default -> "'" + Xml.escape(family.replace("'", "")) + "'";
        };
    }

    /**
     * {@code value} rounded to {@code places} decimal places (half away from zero), without
     * trailing zeros or a negative zero: 12.3449 is "12.34", 0.5 is "0.5", -0.001 is "0".
     * Long arithmetic, not {@code DecimalFormat}, which cost a microsecond a number.
     */
    static StringBuilder number(StringBuilder out, double value, int places) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("a drawing has a coordinate that is not a number: " + value);
        }
        long scale = POWERS[places];
        double scaled = Math.abs(value) * scale;
        if (scaled >= 1e17) {
            return out.append(value); // beyond long precision; no chart gets near it
        }
        long units = (long) (scaled + 0.5);
        if (units == 0) {
            return out.append('0');
        }
        if (value < 0) {
            out.append('-');
        }
        out.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0) {
            out.append('.');
            long digit = scale / 10;
            while (fraction != 0) {
                out.append((char) ('0' + fraction / digit));
                fraction %= digit;
                digit /= 10;
            }
        }
        return out;
    }
}
