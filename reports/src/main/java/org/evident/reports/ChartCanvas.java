package org.evident.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.function.Consumer;


import org.knowm.xchart.internal.chartpart.Chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

/**
 * Turns one drawing into both of its files. Every chart, XChart's or our own, is a sequence of
 * Graphics2D calls: replayed into VectorGraphics2D it becomes the SVG, replayed into a bitmap
 * at twice the size it becomes the PNG, so the two can never disagree.
 */
final class ChartCanvas {
    /** PNG pixels per SVG unit: 1800 px for a 900-unit chart, over 250 dpi at 17 cm wide in print. */
    static final int SCALE = 2;

    /** The font the CI image installs; SansSerif where it is missing, so a chart always draws. */
    static final String FONT_FAMILY = fontFamily();

    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private ChartCanvas() {
    }

    static Font font(int style, float size) {
        return new Font(FONT_FAMILY, style, 1).deriveFont(style, size);
    }

    /**
     * The largest size from {@code largest} down to {@code smallest} at which {@code text} fits
     * in {@code width}: XChart draws its title on one line and clips a long one at both ends.
     */
    static Font fitting(String text, int style, float largest, float smallest, double width) {
        java.awt.font.FontRenderContext context = new java.awt.font.FontRenderContext(null, true, true);
        for (float size = largest; size > smallest; size -= 0.5f) {
            Font font = font(style, size);
            if (font.getStringBounds(text, context).getWidth() <= width) {
                return font;
            }
        }
        return font(style, smallest);
    }

    /**
     * Metrics for laying out text in our own drawings, the same whichever Graphics2D draws them.
     * Each Graphics2D measures differently (VectorGraphics2D without fractional metrics, so every
     * letter a whole unit wide), and the heatmap's label column came out 7 units wider in the SVG
     * than in the PNG; measured here, with the PNG's text settings, the two files agree.
     */
    static FontMetrics metrics(Font font) {
        Graphics2D g = MEASURE.createGraphics();
        try {
            textHints(g);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    private static void textHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    static Color colour(String hex) {
        return Color.decode(hex);
    }

    /** A drawing of our own: {@code paint} draws a width by height picture in user units. */
    static ChartImage image(String name, String title, int width, int height, Consumer<Graphics2D> paint) {
        VectorGraphics2D vector = new VectorGraphics2D();
        paint.accept(vector);
        String svg = SvgWriter.write(vector.getCommands(), width, height, title);
        return new ChartImage(name, title, svg, PngCache.DRAWN.png(svg, () -> png(width, height, paint)), width, height);
    }

    /** An XChart chart: the same paint recorded for the SVG and drawn at 2x for the PNG. */
    static ChartImage image(String name, String title, Chart<?, ?> chart) {
        int width = chart.getWidth();
        int height = chart.getHeight();
        return image(name, title, width, height, g -> chart.paint(g, width, height));
    }

    private static byte[] png(int width, int height, Consumer<Graphics2D> paint) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            textHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            paint.accept(g);
        } finally {
            g.dispose();
        }
        return org.evident.diagram.Png.encode(image);
    }

    private static String fontFamily() {
        try {
            String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            if (Arrays.asList(families).contains("DejaVu Sans")) {
                return "DejaVu Sans";
            }
        } catch (RuntimeException | InternalError e) {
            // No font configuration at all: the logical font still draws.
        }
        return Font.SANS_SERIF;
    }
}
