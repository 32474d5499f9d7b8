package org.evident.reports;

import static org.evident.reports.ReportHtml.esc;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.evident.analysis.Assessment;
import org.evident.diagram.TocDiagram;
import org.evident.toc.AssumptionKey;
import org.evident.toc.TheoryOfChange;
import org.evident.toc.View;

/**
 * The report's theory-of-change section: the whole diagram on one landscape page (A4, or A3 for a
 * graph whose text would print smaller than {@link #SMALLEST_TEXT_PT} on A4), the assumption and
 * risk keys as a table, then every other view of {@code toc.yaml} on a page of its own. Only a
 * graph too large for A3 is cut into parts, between columns, never through a box; each part keeps
 * the headings of its columns.
 */
final class TocSection {
    /** The smallest size, in points, at which the boxes' text may print. */
    static final double SMALLEST_TEXT_PT = 6;
    private static final double PT_PER_MM = 72 / 25.4;

    /** A page the diagram is printed on: its name in the CSS and the space for the diagram in it. */
    enum Sheet {
        A4("toc-a4", 297 - 2 * 10, 210 - 2 * 10 - 12),
        A3("toc-a3", 420 - 2 * 10, 297 - 2 * 10 - 12);

        final String page;
        final double widthMm;
        final double heightMm;

        Sheet(String page, double widthMm, double heightMm) {
            this.page = page;
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }

        /** The size in points at which text {@code size} units high prints when the diagram fills this sheet. */
        double printed(double size, double width, double height) {
            return size * Math.min(widthMm / width, heightMm / height) * PT_PER_MM;
        }
    }

    /**
     * The pages the heading, the caption and the diagram are laid on: 10 mm margins and no running
     * header, the space left (in {@link Sheet}) being 12 mm less tall for the heading and caption.
     */
    static final String CSS = """
            @page toc-a4 { size: A4 landscape; margin: 10mm; @top-left { content: none; } }
            @page toc-a3 { size: A3 landscape; margin: 10mm; @top-left { content: none; } }
            .toc-a4 { page: toc-a4; page-break-before: always; }
            .toc-a3 { page: toc-a3; page-break-before: always; }
            .toc-a4 h2, .toc-a3 h2 { margin: 0; font-size: 12pt; line-height: 1.2; }
            .toc-a4 .caption, .toc-a3 .caption { margin: 0 0 0.5mm 0; font-size: 8pt; line-height: 1.2; }
            table.keys { width: 100%; }
            table.keys td { font-size: 8pt; }
            table.keys td.key { font-weight: bold; text-align: center; width: 5%; }
            table.keys td.assumptions { width: 50%; }
            """;

    /** What the report gives this section: its output, its pictures and its section heading. */
    interface Page {
        StringBuilder out();

        /** A picture, drawn by {@code png} only if the page keeps it (not in a pass that only numbers the figures). */
        void png(String alt, java.util.function.Supplier<byte[]> png, double aspect, double maxWidthMm, double maxHeightMm);

        void heading();

        /** "Figure N: title", numbered as the report numbers its figures, {@code name} naming the figure. */
        String figure(String name, String title);
    }

    private TocSection() {
    }

    static void write(ReportInput input, Page page) {
        StringBuilder out = page.out();
        TheoryOfChange toc = input.project().theoryOfChange();
        Svg diagram = Svg.parse(input.tocSvg(), "the theory-of-change diagram");
        double text = TocDiagram.nodeTextSize();
        Sheet sheet = sheet(text, diagram.width(), diagram.height());
        out.append("<div class=\"").append(sheet.page).append("\">\n");
        page.heading();
        // Laid out again only when it must be cut: the run's own layout is not at hand here.
        List<double[]> parts = sheet.printed(text, diagram.width(), diagram.height()) >= SMALLEST_TEXT_PT
                ? List.<double[]>of(new double[] {0, diagram.width()})
                : parts(DiagramLayouts.of(toc).columnBands(), text, sheet, diagram.width(), diagram.height());
        String period = input.analysis().latestEvidence().stream().map(a -> Summary.periodLabel(input.project(), a.period()))
                .findFirst().orElse("");
        out.append("<p class=\"caption\">").append(esc(page.figure(ReportHtml.TOC_FIGURE, "The theory of change")))
                .append(". Outcomes and impacts filled by their grade").append(period.isEmpty() ? "" : " at " + esc(period))
                .append("; letters on links: assumption and risk keys (table follows).");
        if (parts.size() > 1) {
            out.append(" Too large to read on one page, the diagram is in ").append(parts.size())
                    .append(" parts, each a run of whole columns under their headings.");
        }
        out.append("</p>\n");
        for (int i = 0; i < parts.size(); i++) {
            double[] part = parts.get(i);
            if (i > 0) {
                out.append("</div>\n<div class=\"").append(sheet.page).append("\">\n<p class=\"caption\">Part ")
                        .append(i + 1).append(" of ").append(parts.size()).append("</p>\n");
            }
            // A millimetre spare: a diagram a fraction too tall would leave an empty page after it.
            String alt = parts.size() == 1 ? ChartDescriptions.diagram(toc, input.analysis().latestEvidence())
                    : ChartDescriptions.diagramPart(i, parts.size());
            out.append(diagram.window(part[0], part[1], sheet.widthMm, sheet.heightMm - 1, alt)).append('\n');
        }
        out.append("</div>\n");
        keys(out, toc);
        views(input, toc, page);
    }

    /** A4 if the boxes' text prints large enough there, else A3. */
    static Sheet sheet(double textSize, double width, double height) {
        return Sheet.A4.printed(textSize, width, height) >= SMALLEST_TEXT_PT ? Sheet.A4 : Sheet.A3;
    }

    /**
     * The diagram as one part ({left, width} in SVG units) if it can be read whole on {@code sheet},
     * else as runs of whole columns, each as wide as reads at {@link #SMALLEST_TEXT_PT}: cut
     * halfway between two columns' bands.
     */
    static List<double[]> parts(List<Rectangle2D> bands, double textSize, Sheet sheet, double width, double height) {
        if (sheet.printed(textSize, width, height) >= SMALLEST_TEXT_PT || bands.size() < 2) {
            return List.<double[]>of(new double[] {0, width});
        }
        // The widest part that still prints the text at the smallest size.
        double widest = sheet.widthMm * PT_PER_MM * textSize / SMALLEST_TEXT_PT;
        List<double[]> parts = new ArrayList<>();
        double left = 0;
        for (int i = 0; i < bands.size(); i++) {
            double right = i + 1 < bands.size() ? (bands.get(i).getMaxX() + bands.get(i + 1).getMinX()) / 2 : width;
            boolean last = i + 1 == bands.size();
            double nextRight = last ? right
                    : i + 2 < bands.size() ? (bands.get(i + 1).getMaxX() + bands.get(i + 2).getMinX()) / 2 : width;
            if (last || nextRight - left > widest) {
                parts.add(new double[] {left, right - left});
                left = right;
            }
        }
        return parts;
    }

    private static void keys(StringBuilder out, TheoryOfChange toc) {
        if (toc.assumptionKeys().isEmpty()) {
            return;
        }
        out.append("<div class=\"landscape\">\n<h3>Keys on the links: assumptions and risks</h3>\n");
        out.append("<table class=\"keys\"><thead><tr><th>Key</th><th>Assumptions</th><th>Risks</th></tr></thead><tbody>\n");
        for (AssumptionKey key : toc.assumptionKeys()) {
            out.append("<tr><td class=\"key\">").append(esc(key.key())).append("</td><td class=\"assumptions\">").append(items(key.assumptions()))
                    .append("</td><td>").append(items(key.risks())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n</div>\n");
    }

    private static String items(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (String item : items) {
            s.append(s.length() == 0 ? "" : "<br/>").append(esc(item));
        }
        return s.toString();
    }

    /** Every view that leaves something out (the full view is the diagram above), each on a page of its own. */
    private static void views(ReportInput input, TheoryOfChange toc, Page page) {
        for (View v : toc.views()) {
            TheoryOfChange part = toc.view(v.id());
            if (part.nodes().size() == toc.nodes().size()) {
                continue;
            }
            TocView view = TocView.of(toc, v, input.analysis(), null);
            TocDiagram diagram = view.diagram();
            Svg svg = Svg.parse(diagram.toSvg(), "the diagram of view " + v.id());
            double[] size = {svg.width(), svg.height()};
            Sheet sheet = sheet(TocDiagram.nodeTextSize(), size[0], size[1]);
            page.out().append("<div class=\"").append(sheet.page).append("\">\n<p class=\"caption\">")
                    .append(esc(page.figure("toc-view-" + view.view().id(), view.view().label())))
                    .append(". A view of the theory of change above, drawn by the same rules</p>\n");
            // A picture at twice the layout's size: the PDF's vector drawing is kept for the main diagram.
            java.util.Set<String> shown = new java.util.HashSet<>();
            part.nodes().forEach(n -> shown.add(n.id()));
            String alt = ChartDescriptions.diagram(part, input.analysis().latestEvidence().stream()
                    .filter(a -> shown.contains(a.node())).toList()) + " This is the view " + view.view().label() + ".";
            page.png(alt, () -> diagram.toPng(2.0), size[0] / size[1], sheet.widthMm, sheet.heightMm - 8);
            page.out().append("</div>\n");
        }
    }
}
