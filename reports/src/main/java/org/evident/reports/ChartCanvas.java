package org.evident.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

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

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");

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

    static Color colour(String hex) {
        return Color.decode(hex);
    }

    /** A drawing of our own: {@code paint} draws a width by height picture in user units. */
    static ChartImage image(String name, String title, int width, int height, Consumer<Graphics2D> paint) {
        VectorGraphics2D vector = new VectorGraphics2D();
        paint.accept(vector);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(vector.getCommands(), new PageSize(0, 0, width, height)).writeTo(svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartImage(name, title, clean(svg, title), png(width, height, paint), width, height);
    }

    /** An XChart chart: the SVG from XChart's own encoder, the PNG from the same paint at 2x. */
    static ChartImage image(String name, String title, Chart<?, ?> chart) {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int width = chart.getWidth();
        int height = chart.getHeight();
        return new ChartImage(name, title, clean(svg, title), png(width, height, g -> chart.paint(g, width, height)), width,
                height);
    }

    private static byte[] png(int width, int height, Consumer<Graphics2D> paint) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            paint.accept(g);
        } finally {
            g.dispose();
        }
        return org.evident.toc.Png.encode(image);
    }

    /**
     * Makes VectorGraphics2D's SVG fit to embed and the same bytes on every run:
     * <ul>
     * <li>the DOCTYPE points at the W3C's DTD, which an XML parser or SVG renderer that honours
     *     it fetches from the network: dropped (SVG 2 has no DTD);</li>
     * <li>clip paths get ids from object hash codes, which change from run to run: renumbered
     *     clip1, clip2, ... in order of appearance;</li>
     * <li>XChart draws every letter as a filled outline, with coordinates to 15 decimal
     *     places: path data is cut to 2 places (a hundredth of a pixel), a third of the size;</li>
     * <li>text is written without a font size when it is 12, VectorGraphics2D's default, which a
     *     browser would draw at its own default (16px): the root sets 12px for text to inherit;</li>
     * <li>as XChart's text is outlines, nothing in its SVG says what the chart is: a
     *     {@code <title>} (the accessible name of an SVG) carries the chart's title.</li>
     * </ul>
     */
    static String clean(ByteArrayOutputStream bytes, String title) {
        String svg = DOCTYPE.matcher(bytes.toString(StandardCharsets.UTF_8)).replaceFirst("");
        svg = renumberClips(svg);
        svg = shortenPathDecimals(svg);
        Matcher root = ROOT.matcher(svg);
        if (root.find()) {
            svg = svg.substring(0, root.end() - 1) + " font-size=\"12px\">\n  <title>" + escape(title) + "</title>"
                    + svg.substring(root.end());
        }
        return svg;
    }

    /**
     * Clip-path ids ({@code id="clip..."} and {@code url(#clip...)}, VectorGraphics2D's from hash
     * codes, {@code -?} and digits) renumbered clip1, clip2, ... in order of appearance. Found with
     * {@code indexOf}, not the regular expression {@code (id="|url\(#)(clip-?\d+)} it does the work
     * of, which tried its alternation at every character of 200 to 360 KB per chart.
     */
    static String renumberClips(String svg) {
        Map<String, String> ids = new HashMap<>();
        StringBuilder out = null;
        int copied = 0;
        int n = svg.length();
        for (int at = svg.indexOf("clip"); at >= 0; ) {
            int next = at + 4;
            if (svg.startsWith("id=\"", at - 4) || svg.startsWith("url(#", at - 5)) {
                int digits = next < n && svg.charAt(next) == '-' ? next + 1 : next;
                int end = digits;
                while (end < n && svg.charAt(end) >= '0' && svg.charAt(end) <= '9') {
                    end++;
                }
                if (end > digits) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(svg, copied, at).append(ids.computeIfAbsent(svg.substring(at, end), k -> "clip" + (ids.size() + 1)));
                    copied = end;
                    next = end;
                }
            }
            at = svg.indexOf("clip", next);
        }
        return out == null ? svg : out.append(svg, copied, n).toString();
    }

    /**
     * Path data with at most two decimal places (a hundredth of a pixel), in one pass: the
     * regular expressions this replaced took a third of the chart time on the worked example.
     * The text between decimal points is copied a run at a time.
     */
    static String shortenPathDecimals(String svg) {
        StringBuilder out = new StringBuilder(svg.length());
        int i = 0;
        int n = svg.length();
        while (i < n) {
            int start = svg.indexOf(" d=\"", i);
            if (start < 0) {
                out.append(svg, i, n);
                break;
            }
            int data = start + 4;
            int end = svg.indexOf('"', data);
            if (end < 0) {
                out.append(svg, i, n);
                break;
            }
            out.append(svg, i, data);
            int j = data;
            while (j < end) {
                int dot = svg.indexOf('.', j);
                if (dot < 0 || dot >= end) {
                    out.append(svg, j, end);
                    break;
                }
                int digits = dot + 1;
                while (digits < end && Character.isDigit(svg.charAt(digits))) {
                    digits++;
                }
                out.append(svg, j, Math.min(dot + 3, digits));
                j = digits;
            }
            out.append('"');
            i = end + 1;
        }
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
