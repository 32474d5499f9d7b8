package org.evident.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal stacked bars, drawn with Graphics2D because XChart 3.8.8 draws bars only upright
 * (knowm/XChart issue 136, open since 2016) and long row labels such as survey items and region
 * names read far better down the side than rotated under the bars. Each bar is a list of
 * segments with their own start and end, so the same drawing serves a diverging Likert chart
 * (segments left of zero) and plain stacks from zero.
 */
final class HorizontalBars {
    /** One piece of a bar, from {@code from} to {@code to} on the value axis; {@code text} is shown inside if it fits. */
    record Segment(int series, double from, double to, String text) {
    }

    /** One bar, top to bottom in the order given. */
    record Bar(String label, List<Segment> segments) {
        Bar {
            segments = List.copyOf(segments);
        }
    }

    /** A reference line across the bars at {@code value} (a median, a national figure), named in the legend. */
    record Line(double value, String label, Color colour) {
    }

    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color AXIS = new Color(0x44, 0x44, 0x44);
    private static final Color SUBTLE = new Color(0x55, 0x55, 0x55);
    private static final int MARGIN = 20;

    private final String title;
    private final String subtitle;
    private final List<Bar> bars;
    private final List<String> series;
    private final List<Color> colours;
    private final double min;
    private final double max;
    private final double step;
    private final DoubleFunction<String> tickLabel;
    private final String axisTitle;
    private final List<Line> lines;

    HorizontalBars(String title, String subtitle, List<Bar> bars, List<String> series, List<Color> colours, double min,
                   double max, double step, DoubleFunction<String> tickLabel, String axisTitle) {
        this(title, subtitle, bars, series, colours, min, max, step, tickLabel, axisTitle, List.of());
    }

    HorizontalBars(String title, String subtitle, List<Bar> bars, List<String> series, List<Color> colours, double min,
                   double max, double step, DoubleFunction<String> tickLabel, String axisTitle, List<Line> lines) {
        if (series.size() != colours.size()) {
            throw new IllegalArgumentException("one colour per series is needed");
        }
        if (!(min < max) || !(step > 0)) {
            throw new IllegalArgumentException("the value axis needs min < max and a positive step, got " + min + ", " + max
                    + ", " + step);
        }
        this.title = title;
        this.subtitle = subtitle;
        this.bars = List.copyOf(bars);
        this.series = List.copyOf(series);
        this.colours = List.copyOf(colours);
        this.min = min;
        this.max = max;
        this.step = step;
        this.tickLabel = tickLabel;
        this.axisTitle = axisTitle;
        this.lines = List.copyOf(lines);
    }

    void paint(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));

        Font titleFont = ChartCanvas.font(Font.BOLD, 18);
        Font subtitleFont = ChartCanvas.font(Font.PLAIN, 13);
        Font labelFont = ChartCanvas.font(Font.PLAIN, 13);
        Font tickFont = ChartCanvas.font(Font.PLAIN, 12);
        Font valueFont = ChartCanvas.font(Font.PLAIN, 11);

        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, MARGIN, MARGIN + 16);
        double top = MARGIN + 30;
        if (!subtitle.isEmpty()) {
            g.setFont(subtitleFont);
            g.setColor(SUBTLE);
            g.drawString(subtitle, MARGIN, MARGIN + 38);
            top += 22;
        }
        top += 10;

        // The legend sits under the axis, outside the plot, so it can never cover a bar.
        double legendHeight = 24;
        double axisHeight = 22 + (axisTitle.isEmpty() ? 0 : 20);
        double bottom = height - MARGIN - legendHeight - axisHeight;

        g.setFont(labelFont);
        FontMetrics labels = ChartCanvas.metrics(g.getFont());
        double labelWidth = 0;
        for (Bar bar : bars) {
            labelWidth = Math.max(labelWidth, labels.stringWidth(bar.label()));
        }
        labelWidth = Math.min(labelWidth, width * 0.4);
        double left = MARGIN + labelWidth + 12;
        double right = width - MARGIN - 16;

        // Grid and tick labels.
        g.setFont(tickFont);
        FontMetrics ticks = ChartCanvas.metrics(g.getFont());
        g.setStroke(new BasicStroke(1f));
        int count = (int) Math.round((max - min) / step);
        for (int i = 0; i <= count; i++) {
            double value = min + i * step;
            double x = x(value, left, right);
            g.setColor(value == 0 ? AXIS : GRID);
            g.draw(new Line2D.Double(x, top, x, bottom));
            String text = tickLabel.apply(value);
            g.setColor(AXIS);
            g.drawString(text, (float) (x - ticks.stringWidth(text) / 2.0), (float) (bottom + 16));
        }
        if (!axisTitle.isEmpty()) {
            g.setColor(SUBTLE);
            g.drawString(axisTitle, (float) ((left + right) / 2 - ticks.stringWidth(axisTitle) / 2.0), (float) (bottom + 36));
        }

        // Bars: fills first, then the zero line, then the text, so that neither the line nor a
        // neighbouring fill can cross a label.
        double rowHeight = (bottom - top) / Math.max(1, bars.size());
        double barHeight = Math.min(rowHeight * 0.7, 44);
        for (int row = 0; row < bars.size(); row++) {
            double y = top + rowHeight * (row + 0.5) - barHeight / 2;
            for (Segment s : bars.get(row).segments()) {
                double x0 = x(s.from(), left, right);
                double x1 = x(s.to(), left, right);
                if (x1 > x0) {
                    g.setColor(colours.get(s.series()));
                    g.fill(new Rectangle2D.Double(x0, y, x1 - x0, barHeight));
                }
            }
        }
        if (min < 0) {
            g.setColor(AXIS);
            g.setStroke(new BasicStroke(1.5f));
            double x = x(0, left, right);
            g.draw(new Line2D.Double(x, top, x, bottom));
        }
        for (Line line : lines) {
            double x = x(line.value(), left, right);
            g.setColor(line.colour());
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.draw(new Line2D.Double(x, top - 4, x, bottom));
        }
        g.setStroke(new BasicStroke(1f));
        g.setFont(valueFont);
        FontMetrics values = ChartCanvas.metrics(g.getFont());
        for (int row = 0; row < bars.size(); row++) {
            double centre = top + rowHeight * (row + 0.5);
            for (Segment s : bars.get(row).segments()) {
                double x0 = x(s.from(), left, right);
                double x1 = x(s.to(), left, right);
                int textWidth = values.stringWidth(s.text());
                if (!s.text().isEmpty() && textWidth + 6 <= x1 - x0) {
                    if (!lines.isEmpty()) {
                        // A reference line stops short of the value, in the bar's colour, so it never crosses the text.
                        g.setColor(colours.get(s.series()));
                        g.fill(new Rectangle2D.Double((x0 + x1) / 2 - textWidth / 2.0 - 3, centre - values.getAscent() / 2.0 - 2,
                                textWidth + 6, values.getAscent() + 4));
                    }
                    g.setColor(textOn(colours.get(s.series())));
                    g.drawString(s.text(), (float) ((x0 + x1) / 2 - textWidth / 2.0),
                            (float) (centre + values.getAscent() / 2.0 - 1));
                }
            }
        }
        g.setFont(labelFont);
        g.setColor(Color.BLACK);
        for (int row = 0; row < bars.size(); row++) {
            double centre = top + rowHeight * (row + 0.5);
            String label = fit(bars.get(row).label(), labels, labelWidth);
            g.drawString(label, (float) (left - 12 - labels.stringWidth(label)), (float) (centre + labels.getAscent() / 2.0 - 2));
        }

        // Legend, centred, in series order (the scale's order for a Likert chart).
        g.setFont(labelFont);
        double swatch = 14;
        double gap = 22;
        double total = 0;
        for (String name : series) {
            total += swatch + 6 + labels.stringWidth(name) + gap;
        }
        for (Line line : lines) {
            total += swatch * 2 + 6 + labels.stringWidth(line.label()) + gap;
        }
        total -= gap;
        double lx = Math.max(MARGIN, (width - total) / 2);
        double ly = height - MARGIN - legendHeight / 2;
        for (int i = 0; i < series.size(); i++) {
            g.setColor(colours.get(i));
            g.fill(new Rectangle2D.Double(lx, ly - swatch / 2, swatch, swatch));
            g.setColor(Color.BLACK);
            g.drawString(series.get(i), (float) (lx + swatch + 6), (float) (ly + labels.getAscent() / 2.0 - 2));
            lx += swatch + 6 + labels.stringWidth(series.get(i)) + gap;
        }
        for (Line line : lines) {
            g.setColor(line.colour());
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.draw(new Line2D.Double(lx, ly, lx + swatch * 2, ly));
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawString(line.label(), (float) (lx + swatch * 2 + 6), (float) (ly + labels.getAscent() / 2.0 - 2));
            lx += swatch * 2 + 6 + labels.stringWidth(line.label()) + gap;
        }
    }

    private double x(double value, double left, double right) {
        return left + (value - min) / (max - min) * (right - left);
    }

    /** White text on a dark fill, black on a light one (relative luminance, as WCAG computes it, roughly). */
    static Color textOn(Color fill) {
        double luminance = (0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue()) / 255;
        return luminance < 0.5 ? Color.WHITE : Color.BLACK;
    }

    /** The text cut with an ellipsis to fit {@code width}, so a long label cannot run into the bars. */
    static String fit(String text, FontMetrics metrics, double width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + "…";
    }
}
