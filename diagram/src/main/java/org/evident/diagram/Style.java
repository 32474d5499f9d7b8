package org.evident.diagram;

import java.awt.Color;

import org.evident.toc.Stage;

/** The colours, dash and arrowhead that every drawing of the diagram shares: SVG, PNG and the PDF's parts. */
final class Style {
    static final String EDGE_COLOUR = "#555555";
    static final String BAND_COLOUR = "#f2f4f7";
    static final String TEXT_COLOUR = "#1a1a1a";
    static final String KEY_FILL = "#fff6d5";
    static final String KEY_STROKE = "#a08a3c";
    static final float[] DASH = {5f, 4f};
    static final double ARROW_LENGTH = 8;
    static final double ARROW_HALF_WIDTH = 3.5;

    private Style() {
    }

    /** The border and heading colour of a stage. */
    static String stageColour(Stage stage) {
        return switch (stage) {
            case INPUT -> "#5f6b7a";
            case ACTIVITY -> "#1f5fa8";
            case OUTPUT -> "#1b7f5b";
            case SHORT_TERM_OUTCOME -> "#a35a00";
            case MEDIUM_TERM_OUTCOME -> "#b03a2e";
            case IMPACT -> "#7a3e9d";
        };
    }

    /** Black or white text, whichever reads better on {@code fill}. */
    static String textOn(String fill) {
        Color c = Color.decode(fill);
        double luminance = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        return luminance < 0.55 ? "#ffffff" : TEXT_COLOUR;
    }
}
