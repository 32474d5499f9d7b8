package org.evident.diagram;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;

import org.evident.diagram.DiagramLayout.Diagram;

/** Writes the laid-out diagram as a PNG picture, drawn by {@link Painter} and encoded by {@link Png}. */
final class PngWriter {
    private PngWriter() {
    }

    /**
     * PNG bytes of the same layout as the SVG, drawn with Java2D.
     *
     * @param scale pixels per layout unit: 1.0 for screen, 2.0 for print
     * @throws IllegalArgumentException if the image would be over 200 million pixels
     */
    static byte[] write(Diagram d, Map<String, String> fills, double scale) {
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
            Painter.draw(g, d, fills, false);
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }
}
