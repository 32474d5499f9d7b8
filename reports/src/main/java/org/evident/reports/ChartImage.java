package org.evident.reports;

import java.util.Objects;

/**
 * One chart, drawn both ways: SVG for the PDF and the web (sharp at any size) and PNG for the
 * workbook and for people who want a picture.
 *
 * @param name        the file name without extension, e.g. {@code run-chart-kpi-systems-good-excellent}
 * @param title       the chart's title as a reader sees it
 * @param description the chart's text alternative (alt text), from the data it draws; see {@link ChartDescriptions}
 */
public record ChartImage(String name, String title, String svg, byte[] png, int width, int height, String description) {
    public ChartImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("chart " + name + " has no description: its alt text would be empty");
        }
    }

    /** A chart described by its title alone, until {@link #describedAs} gives it the text its data makes. */
    public ChartImage(String name, String title, String svg, byte[] png, int width, int height) {
        this(name, title, svg, png, width, height, title);
    }

    /** The same chart with {@code text} as its text alternative. */
    ChartImage describedAs(String text) {
        return new ChartImage(name, title, svg, png, width, height, text);
    }
}
