package org.evident.diagram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.evident.toc.Node;
import org.evident.toc.Stage;

/**
 * How wide each stage's boxes are. A stage with many nodes (the worked example has 22
 * activities) needs wide boxes of few lines to fit the page's height; a stage with few can take
 * narrow boxes of more lines. Of all the column heights the stages can have, the one chosen gives
 * the diagram the largest text when it is fitted, whole, into a landscape page.
 */
final class ColumnWidths {
    static final double NARROWEST = 100;
    static final double WIDEST = 320;
    private static final double STEP = 10;
    /**
     * What a gap between two columns takes, links and connector lanes included: about what they
     * took on the worked example (between 50 and 150 units).
     */
    static final double GAP = 100;
    /**
     * Width over height of the space the diagram is printed in: the report's diagram page, A4
     * landscape inside 10 mm margins (277 x 190 mm) less its caption, and less the title,
     * headings and legend that the diagram itself has above and below its columns.
     */
    static final double PAGE_RATIO = 277.0 / 165;

    private ColumnWidths() {
    }

    /** The box width of each stage that has nodes. */
    static Map<Stage, Double> of(List<Node> nodes) {
        Map<Stage, List<Node>> byStage = new EnumMap<>(Stage.class);
        nodes.forEach(n -> byStage.computeIfAbsent(n.stage(), s -> new ArrayList<>()).add(n));
        TreeSet<Double> heights = new TreeSet<>();
        for (List<Node> column : byStage.values()) {
            for (double w = NARROWEST; w <= WIDEST; w += STEP) {
                heights.add(height(column, w));
            }
        }
        Map<Stage, Double> best = null;
        double bestScale = 0;
        for (double target : heights) {
            Map<Stage, Double> widths = new EnumMap<>(Stage.class);
            double width = GAP * (byStage.size() - 1);
            double height = 0;
            for (Map.Entry<Stage, List<Node>> column : byStage.entrySet()) {
                double w = narrowestWithin(column.getValue(), target);
                widths.put(column.getKey(), w);
                width += w;
                height = Math.max(height, height(column.getValue(), w));
            }
            // The scale at which the diagram fills the page one way or the other.
            double scale = Math.min(PAGE_RATIO / width, 1 / height);
            if (scale > bestScale) {
                bestScale = scale;
                best = widths;
            }
        }
        return best == null ? Map.of() : best;
    }

    private static double narrowestWithin(List<Node> column, double height) {
        for (double w = NARROWEST; w < WIDEST; w += STEP) {
            if (height(column, w) <= height) {
                return w;
            }
        }
        return WIDEST;
    }

    /** The height of a column of these nodes stacked in boxes {@code width} wide. */
    static double height(List<Node> column, double width) {
        double height = DiagramLayout.NODE_GAP * (column.size() - 1);
        for (Node node : column) {
            height += DiagramLayout.boxHeight(DiagramLayout.wrapLabel(node.label(), width).size());
        }
        return height;
    }
}
