package org.evident.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evident.analysis.Assessment;
import org.evident.toc.Grade;

/**
 * The evidence grade of every outcome at every assessment period as a grid of coloured cells.
 *
 * <p>Drawn with Graphics2D rather than XChart's HeatMapChart: that chart maps numbers onto a
 * continuous colour ramp with a gradient legend and writes no text in the cells, whereas grades
 * are three categories with fixed colours ({@link GradeColours}) that must also read as words,
 * for greyscale print and for readers who cannot tell the blues apart.
 */
final class GradeHeatmap {
    static final int WIDTH = 900;
    /** Outcome labels are cut to this many characters; the full label is in the tables. */
    static final int LABEL_CHARACTERS = 50;

    private static final int MARGIN = 20;
    private static final int TOP = 84;
    private static final int HEADER = 26;
    private static final int ROW = 26;
    private static final int LEGEND = 44;
    private static final Color BORDER = Color.WHITE;
    private static final Color EMPTY = new Color(0xfa, 0xfa, 0xfa);
    private static final Color OUTLINE = new Color(0xbd, 0xbd, 0xbd);

    private final String title;
    private final List<String> labels = new ArrayList<>();
    private final List<String> periods = new ArrayList<>();
    /** node -> period -> grade; nodes and periods in the order the evidence lists them (the toc's). */
    private final Map<String, Map<String, Optional<Grade>>> grades = new LinkedHashMap<>();

    GradeHeatmap(String title, List<Assessment> evidence) {
        this.title = title;
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (Assessment a : evidence) {
            labelOf.putIfAbsent(a.node(), a.label() == null || a.label().isBlank() ? a.node() : a.label());
            if (!periods.contains(a.period())) {
                periods.add(a.period());
            }
            grades.computeIfAbsent(a.node(), n -> new LinkedHashMap<>()).put(a.period(), a.grade());
        }
        labelOf.values().forEach(l -> labels.add(shorten(l)));
    }

    int height() {
        return TOP + HEADER + Math.max(1, grades.size()) * ROW + LEGEND + MARGIN;
    }

    static String shorten(String label) {
        String flat = label.strip().replaceAll("\\s+", " ");
        if (flat.length() <= LABEL_CHARACTERS) {
            return flat;
        }
        return flat.substring(0, LABEL_CHARACTERS - 1).stripTrailing() + "…";
    }

    void paint(Graphics2D g) {
        int height = height();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
        Font titleFont = ChartCanvas.font(Font.BOLD, 18);
        Font textFont = ChartCanvas.font(Font.PLAIN, 13);
        Font headFont = ChartCanvas.font(Font.BOLD, 13);
        Font cellFont = ChartCanvas.font(Font.PLAIN, 12);

        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, MARGIN, MARGIN + 16);
        g.setFont(textFont);
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.drawString("Grade of each outcome and impact by assessment period (evidence is cumulative; not yet: no evidence yet)", MARGIN,
                MARGIN + 38);

        FontMetrics text = ChartCanvas.metrics(g.getFont());
        double labelWidth = 0;
        for (String l : labels) {
            labelWidth = Math.max(labelWidth, text.stringWidth(l));
        }
        double left = MARGIN + labelWidth + 12;
        double columns = Math.max(1, periods.size());
        double cellWidth = Math.min(200, (WIDTH - MARGIN - left) / columns);

        g.setFont(headFont);
        FontMetrics head = ChartCanvas.metrics(g.getFont());
        g.setColor(Color.BLACK);
        for (int c = 0; c < periods.size(); c++) {
            String p = HorizontalBars.fit(periods.get(c), head, cellWidth - 4);
            g.drawString(p, (float) (left + c * cellWidth + (cellWidth - head.stringWidth(p)) / 2), TOP + HEADER - 8);
        }

        g.setFont(cellFont);
        FontMetrics cell = ChartCanvas.metrics(g.getFont());
        g.setStroke(new BasicStroke(2f));
        // Full grade names if every one fits a cell, else the short names in every cell: mixing
        // the two would make one grade look like two.
        boolean full = true;
        for (Grade grade : Grade.values()) {
            full &= cell.stringWidth(grade.label()) + 8 <= cellWidth;
        }
        full &= cell.stringWidth(Grade.NOT_YET_ASSESSED) + 8 <= cellWidth;
        int row = 0;
        for (Map.Entry<String, Map<String, Optional<Grade>>> node : grades.entrySet()) {
            double y = TOP + HEADER + row * ROW;
            g.setFont(textFont);
            g.setColor(Color.BLACK);
            String label = labels.get(row);
            g.drawString(label, (float) (left - 12 - text.stringWidth(label)), (float) (y + ROW / 2.0 + text.getAscent() / 2.0 - 2));
            g.setFont(cellFont);
            for (int c = 0; c < periods.size(); c++) {
                Optional<Grade> grade = node.getValue().get(periods.get(c));
                Rectangle2D box = new Rectangle2D.Double(left + c * cellWidth, y, cellWidth, ROW);
                g.setColor(grade == null ? EMPTY : ChartCanvas.colour(GradeColours.fill(grade)));
                g.fill(box);
                g.setColor(BORDER);
                g.draw(box);
                if (grade != null && grade.isEmpty()) {
                    // White, like the page: an inner outline shows the cell is there, with nothing known yet.
                    g.setColor(OUTLINE);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Rectangle2D.Double(box.getX() + 2, box.getY() + 2, box.getWidth() - 4, box.getHeight() - 4));
                    g.setStroke(new BasicStroke(2f));
                }
                if (grade != null) {
                    String words = full ? Grade.labelOf(grade) : grade.map(GradeHeatmap::shortLabel).orElse("Not yet");
                    g.setColor(ChartCanvas.colour(GradeColours.text(grade)));
                    g.drawString(words, (float) (box.getCenterX() - cell.stringWidth(words) / 2.0),
                            (float) (box.getCenterY() + cell.getAscent() / 2.0 - 2));
                }
            }
            row++;
        }

        // Legend, strongest first, under the grid.
        g.setFont(textFont);
        // From the grid's left edge, moved left as far as the page margin when the four entries need the room.
        double legendWidth = 0;
        for (String label : GradeColours.legend().keySet()) {
            legendWidth += 20 + text.stringWidth(label) + 24;
        }
        double lx = Math.max(MARGIN, Math.min(left, WIDTH - MARGIN - legendWidth + 24));
        double ly = height - MARGIN - LEGEND / 2.0 + 6;
        for (Map.Entry<String, String> entry : GradeColours.legend().entrySet()) {
            g.setColor(ChartCanvas.colour(entry.getValue()));
            g.fill(new Rectangle2D.Double(lx, ly - 7, 14, 14));
            // "Not yet assessed" is white: an outline shows its box.
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(lx, ly - 7, 14, 14));
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), (float) (lx + 20), (float) (ly + text.getAscent() / 2.0 - 2));
            lx += 20 + text.stringWidth(entry.getKey()) + 24;
        }
    }

    private static String shortLabel(Grade grade) {
        return switch (grade) {
            case STRONGEST -> "Strongest";
            case SOME -> "Some";
            case LIMITED -> "Limited";
        };
    }
}
