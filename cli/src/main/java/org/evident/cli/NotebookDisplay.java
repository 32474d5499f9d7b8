package org.evident.cli;

import java.util.Base64;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.evident.diagram.Xml;
import org.evident.reports.ChartImage;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How the Evident kernel shows the notebooks' values: a Tablesaw table as an HTML table (with its
 * text print beside it, for consoles and nbconvert to text), a chart as its PNG and its SVG.
 */
final class NotebookDisplay {
    private NotebookDisplay() {
    }

    static Renderer renderer() {
        Renderer renderer = new Renderer();
        Text.registerAll(renderer);
        Image.registerAll(renderer);
        renderer.createRegistration(Table.class)
                .preferring(Text.HTML, Text.PLAIN)
                .register((table, context) -> {
                    context.renderIfRequested(Text.HTML, () -> html(table));
                    context.renderIfRequested(Text.PLAIN, () -> table.print());
                });
        renderer.createRegistration(ChartImage.class)
                // Both pictures: a front end shows the one it ranks first (the SVG is sharp at any size),
                // nbconvert to HTML or PDF takes the PNG.
                .preferring(Image.PNG, Image.SVG, Text.PLAIN)
                .register((chart, context) -> {
                    context.renderIfRequested(Image.PNG, () -> Base64.getEncoder().encodeToString(chart.png()));
                    context.renderIfRequested(Image.SVG, () -> chart.svg());
                    context.renderIfRequested(Text.PLAIN, () -> chart.title());
                });
        return renderer;
    }

    /**
     * The table as Jupyter shows a data frame: a caption with its name, a header row, then each
     * cell as the table prints it (so a column's print formatter, e.g. percentages, applies).
     */
    static String html(Table table) {
        StringBuilder out = new StringBuilder("<table>\n<caption>").append(Xml.escape(table.name()))
                .append("</caption>\n<thead><tr>");
        for (Column<?> column : table.columns()) {
            out.append("<th>").append(Xml.escape(column.name())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            out.append("<tr>");
            for (Column<?> column : table.columns()) {
                out.append("<td>").append(Xml.escape(column.getString(row))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>").toString();
    }
}
