package org.evident.reports;

import java.util.Objects;

/**
 * One chart, drawn both ways: SVG for the PDF and the web (sharp at any size) and PNG for the
 * workbook and for people who want a picture.
 *
 * @param name   the file name without extension, e.g. {@code run-chart-kpi-systems-good-excellent}
 * @param title  the chart's title as a reader sees it
 */
public record ChartImage(String name, String title, String svg, byte[] png, int width, int height) {
    public ChartImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(png, "png");
    }
}
