package org.evident.reports;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * Batik for the PDF's inline SVGs, except the windows on the theory-of-change diagram
 * ({@link Svg#window}), which are drawn from the diagram's own Java2D drawing straight into the
 * PDF as vectors. Batik took about a second (more when its classes were not yet loaded) to
 * build its SVG DOM, CSS engine and graphics tree for the four parts; the result is the same
 * picture, text filled as outlines as Batik draws it. Sizes still come from Batik's reading of
 * the element's attributes, so the layout of the page cannot change.
 */
final class DiagramSvgDrawer extends BatikSVGDrawer {
    private final Consumer<Graphics2D> diagram;

    DiagramSvgDrawer(Consumer<Graphics2D> diagram) {
        super(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE);
        this.diagram = diagram;
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight, double dotsPerPixel) {
        SVGImage batik = super.buildSVGImage(svg, box, css, cssWidth, cssHeight, dotsPerPixel);
        double[] viewBox = viewBox(svg);
        if (viewBox == null || !isDiagram(svg) || box == null) {
            return batik;
        }
        return new SVGImage() {
            @Override
            public int getIntrinsicWidth() {
                return batik.getIntrinsicWidth();
            }

            @Override
            public int getIntrinsicHeight() {
                return batik.getIntrinsicHeight();
            }

            @Override
            public boolean hasIntrinsicSize() {
                return batik.hasIntrinsicSize();
            }

            @Override
            public float getIntrinsicRatio() {
                return batik.getIntrinsicRatio();
            }

            @Override
            public void drawSVG(OutputDevice device, RenderingContext context, double x, double y) {
                // As openhtmltopdf's transcoder does: the content box in CSS pixels, the view box fitted
                // into it at its top left ("xMinYMin meet", which Svg.window sets), and clipped to it.
                Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), context);
                float width = (float) (content.width / dotsPerPixel);
                float height = (float) (content.height / dotsPerPixel);
                device.drawWithGraphics((float) x, (float) y, width, height, g -> {
                    double scale = Math.min(width / viewBox[2], height / viewBox[3]);
                    g.scale(scale, scale);
                    g.translate(-viewBox[0], -viewBox[1]);
                    g.clip(new Rectangle2D.Double(viewBox[0], viewBox[1], viewBox[2], viewBox[3]));
                    diagram.accept(g);
                });
            }
        };
    }

    /** The theory-of-change diagram's SVG has its nodes in {@code <g class="nodes">}; no other inline SVG does. */
    private static boolean isDiagram(Element svg) {
        for (Node child = svg.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && "g".equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())
                    && "nodes".equals(e.getAttribute("class"))) {
                return true;
            }
        }
        return false;
    }

    private static double[] viewBox(Element svg) {
        String[] parts = svg.getAttribute("viewBox").trim().split("[\\s,]+");
        if (parts.length != 4) {
            return null;
        }
        try {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
            return v[2] > 0 && v[3] > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
