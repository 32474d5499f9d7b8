package org.evident.reports;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.Delivery;
import org.evident.analysis.Grade;
import org.evident.analysis.KpiRow;
import org.evident.analysis.PathwayRow;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.diagram.Xml;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.Evaluation;
import org.evident.toc.Indicator;
import org.evident.toc.Rubric;
import org.evident.toc.Stage;

/**
 * The report as one XHTML document, laid out for openhtmltopdf: paged-media CSS for the page
 * size, running header, page numbers and a contents list with page numbers, and PDF bookmarks.
 * Every piece of text that comes from the project's files is escaped.
 */
final class ReportHtml {
    /** Rejects listed in full; the rest are counted, and all are in rejects.csv. */
    static final int REJECTS_SHOWN = 200;

    /** The diagram is about 7.7 times as wide as high: shown whole, then in parts wide enough to read. */
    static final int DIAGRAM_PARTS = 4;

    /** Content widths in millimetres: A4 less 18 mm margins either side. */
    static final double PORTRAIT_WIDTH_MM = 210 - 2 * 18;
    static final double LANDSCAPE_WIDTH_MM = 297 - 2 * 18;
    static final double LANDSCAPE_HEIGHT_MM = 210 - 2 * 18 - 22;

    /** The sections, in order: id and title, for the contents list, headings and bookmarks. */
    static final List<String[]> SECTIONS = List.of(
            new String[] {"summary", "Executive summary"},
            new String[] {"toc", "The theory of change"},
            new String[] {"evidence", "Evidence by outcome"},
            new String[] {"pathways", "Pathways"},
            new String[] {"kpis", "KPIs"},
            new String[] {"survey", "Survey"},
            new String[] {"delivery", "Delivery"},
            new String[] {"data-quality", "Appendix A: data quality"},
            new String[] {"rubric", "Appendix B: the grading rule"});

    private final ReportInput input;
    private final AnalysisResult analysis;
    private final Evaluation evaluation;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder(256 * 1024);
    /** The PNGs in order, and where each one's {@link #IMAGE_SCHEME} reference starts in {@link #out}. */
    private final List<byte[]> images = new ArrayList<>();
    private final List<Integer> imageAt = new ArrayList<>();

    /**
     * The scheme of the image references in the XHTML the PDF is drawn from ({@code evident-image:0},
     * ...), which {@link ReportPdf} answers from {@link Document#images()}. With {@code data:} URIs
     * (hundreds of KB each) openhtmltopdf lower-cased each whole URI several times, matched a
     * regular expression over it and decoded its base64: about 0.3 s on the worked example.
     */
    static final String IMAGE_SCHEME = "evident-image";

    /** The reference to image {@code index}: {@code evident-image:N}. */
    static String imageReference(int index) {
        return IMAGE_SCHEME + ":" + index;
    }

    /** The index that {@link #imageReference} wrote into {@code reference}. */
    static int imageIndex(String reference) {
        return Integer.parseInt(reference.substring(IMAGE_SCHEME.length() + 1));
    }

    /**
     * The report twice over: {@code forPdf}, its images referred to as {@code evident-image:N}
     * (index into {@code images}), and {@code standalone}, the same document with each reference
     * replaced by the image as a {@code data:} URI (report.html).
     */
    record Document(String forPdf, List<byte[]> images, String standalone) {
    }

    private ReportHtml(ReportInput input) {
        this.input = input;
        this.analysis = input.analysis();
        this.evaluation = input.project().evaluation();
        input.project().theoryOfChange().indicators().forEach(i -> indicators.put(i.id(), i));
    }

    /** The standalone document (images as {@code data:} URIs), as report.html holds it. */
    static String of(ReportInput input) {
        return documents(input).standalone();
    }

    static Document documents(ReportInput input) {
        ReportHtml html = new ReportHtml(input);
        String forPdf = html.document();
        return new Document(forPdf, List.copyOf(html.images), html.standalone(forPdf));
    }

    private String standalone(String forPdf) {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        String prefix = "data:image/png;base64,";
        long size = forPdf.length();
        for (byte[] png : images) {
            size += prefix.length() + 4L * ((png.length + 2) / 3);
        }
        StringBuilder html = new StringBuilder(Math.toIntExact(size));
        int from = 0;
        for (int i = 0; i < images.size(); i++) {
            int at = imageAt.get(i);
            html.append(forPdf, from, at).append(prefix).append(base64.encodeToString(images.get(i)));
            from = at + imageReference(i).length();
        }
        return html.append(forPdf, from, forPdf.length()).toString();
    }

    private String document() {
        String date = evaluation.reportingDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n<head>\n");
        out.append("<meta charset=\"UTF-8\"/>\n");
        out.append("<title>").append(esc(evaluation.programme())).append(": evidence assessment</title>\n");
        out.append("<style>\n").append(CSS).append("</style>\n");
        out.append("<bookmarks>\n");
        for (String[] s : SECTIONS) {
            out.append("<bookmark name=\"").append(esc(s[1])).append("\" href=\"#").append(s[0]).append("\"/>\n");
        }
        out.append("</bookmarks>\n</head>\n<body>\n");
        // A running element: repeated in every page's header from the page it first appears on.
        out.append("<div class=\"running-header\">").append(esc(evaluation.programme())).append("</div>\n");
        titlePage(date);
        contents();
        summary();
        theoryOfChange();
        evidence();
        pathways();
        kpis();
        survey();
        delivery();
        dataQuality();
        rubric();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void titlePage(String date) {
        out.append("<div class=\"title-page\">\n");
        out.append("<p class=\"kicker\">Evidence assessment</p>\n");
        out.append("<h1 class=\"title\">").append(esc(evaluation.programme())).append("</h1>\n");
        evaluation.organisation().ifPresent(o -> out.append("<p class=\"organisation\">").append(esc(o)).append("</p>\n"));
        out.append("<p class=\"date\">Reporting date: ").append(esc(date)).append("</p>\n");
        out.append("<p class=\"legend-note\">Evidence grades:</p>\n<table class=\"legend\"><tbody><tr>");
        for (Grade g : new Grade[] {Grade.STRONGEST, Grade.SOME, Grade.LIMITED}) {
            out.append(gradeCell(g, g.label()));
        }
        out.append("</tr></tbody></table>\n");
        out.append("<p class=\"made-by\">Produced by Evident from the project's data files; every number in this report is"
                + " in the CSV tables written beside it.</p>\n");
        out.append("</div>\n");
    }

    private void contents() {
        out.append("<div class=\"contents\">\n<h2 class=\"contents-title\">Contents</h2>\n<ul class=\"contents-list\">\n");
        for (String[] s : SECTIONS) {
            out.append("<li><a href=\"#").append(s[0]).append("\">").append(esc(s[1])).append("</a></li>\n");
        }
        out.append("</ul>\n</div>\n");
    }

    private void section(String id) {
        String title = SECTIONS.stream().filter(s -> s[0].equals(id)).findFirst().orElseThrow()[1];
        out.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
    }

    private void summary() {
        out.append("<div class=\"section\">\n");
        section("summary");
        for (String sentence : Summary.sentences(input)) {
            out.append("<p class=\"summary\">").append(esc(sentence)).append("</p>\n");
        }
        out.append("</div>\n");
    }

    private void theoryOfChange() {
        out.append("<div class=\"landscape\">\n");
        section("toc");
        out.append("<p>Outcomes are coloured by their grade at the latest assessment period. The whole diagram first, then ")
                .append(DIAGRAM_PARTS).append(" parts of it, left to right, large enough to read.</p>\n");
        Svg diagram = Svg.parse(input.tocSvg(), "the theory-of-change diagram");
        // The overview as the PNG (5,645 px across the page: over 500 dpi; its text is too small to
        // read either way); the parts below stay vector. One less SVG for Batik to parse.
        out.append("<div class=\"figure\">");
        png("The theory of change", input.tocPng(), diagram.width() / diagram.height(), LANDSCAPE_WIDTH_MM,
                LANDSCAPE_HEIGHT_MM - 20);
        out.append("</div>\n");
        double width = diagram.width();
        // Parts overlap by a tenth so that a box cut at one edge is whole in the next part.
        double part = width / (DIAGRAM_PARTS - (DIAGRAM_PARTS - 1) * 0.1);
        for (int i = 0; i < DIAGRAM_PARTS; i++) {
            double x = diagram.x() + i * part * 0.9;
            out.append("<div class=\"diagram-part\"><p class=\"caption\">Part ").append(i + 1).append(" of ").append(DIAGRAM_PARTS)
                    .append("</p>").append(diagram.window(x, part, LANDSCAPE_WIDTH_MM, LANDSCAPE_HEIGHT_MM - 8)).append("</div>\n");
        }
        out.append("</div>\n");
    }

    private void evidence() {
        out.append("<div class=\"section\">\n");
        section("evidence");
        List<String> periods = new ArrayList<>();
        Map<String, Map<String, Assessment>> byNode = new LinkedHashMap<>();
        for (Assessment a : analysis.evidence()) {
            if (!periods.contains(a.period())) {
                periods.add(a.period());
            }
            byNode.computeIfAbsent(a.node(), k -> new LinkedHashMap<>()).put(a.period(), a);
        }
        if (byNode.isEmpty()) {
            out.append("<p>No outcome has been graded.</p>\n</div>\n");
            return;
        }
        out.append("<p>The grade of each short- and medium-term outcome at each assessment period, by the rule in Appendix B."
                + " Evidence is cumulative: an item counts at a period once its own period has ended.</p>\n");
        out.append("<table class=\"grades\"><thead><tr><th class=\"outcome\">Outcome</th>");
        for (String p : periods) {
            out.append("<th>").append(esc(p)).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        String stage = "";
        for (Map<String, Assessment> row : byNode.values()) {
            Assessment first = row.values().iterator().next();
            if (!first.stage().equals(stage)) {
                stage = first.stage();
                String heading = Stage.fromYaml(stage).map(Stage::heading).orElse(stage);
                out.append("<tr class=\"stage\"><td colspan=\"").append(periods.size() + 1).append("\">").append(esc(heading))
                        .append("</td></tr>\n");
            }
            out.append("<tr><td class=\"outcome\">").append(esc(first.label())).append("</td>");
            for (String p : periods) {
                Assessment a = row.get(p);
                out.append(a == null ? "<td></td>" : gradeCell(a.grade(), shortLabel(a.grade())));
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        out.append("<h3>Why each outcome has its grade</h3>\n");
        for (Assessment a : analysis.latestEvidence()) {
            out.append("<div class=\"explain\">").append(esc(a.explain().strip())).append("</div>\n");
        }
        out.append("</div>\n");
    }

    private void pathways() {
        out.append("<div class=\"section\">\n");
        section("pathways");
        out.append("<p>For each outcome and impact, its best-supported causal chain from the inputs: a chain is as strong"
                + " as its weakest graded outcome.</p>\n");
        if (analysis.pathways().isEmpty()) {
            out.append("<p>No pathways.</p>\n");
        } else {
            out.append("<table class=\"data\"><thead><tr><th style=\"width: 38%\">Outcome or impact</th>"
                    + "<th style=\"width: 12%\">Strongest path</th><th style=\"width: 50%\">Summary</th></tr></thead><tbody>\n");
            for (PathwayRow row : analysis.pathways()) {
                out.append("<tr><td>").append(esc(row.label())).append("</td>");
                out.append(row.pathway().strongestPath().map(g -> gradeCell(g, shortLabel(g))).orElse("<td>ungraded</td>"));
                out.append("<td>").append(esc(row.summary())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</div>\n");
    }

    private void kpis() {
        out.append("<div class=\"section\">\n");
        section("kpis");
        Map<String, KpiRow> latest = new LinkedHashMap<>();
        for (KpiRow row : analysis.kpis()) {
            if (row.unit().isEmpty()) {
                latest.put(row.indicator(), row);
            }
        }
        if (latest.isEmpty()) {
            out.append("<p>No KPI data.</p>\n");
        } else {
            out.append("<p>Each KPI's latest return for the whole programme, against its target where it has one.</p>\n");
            out.append("<table class=\"data small\"><thead><tr><th class=\"wide\">KPI</th><th>Period</th><th>Value</th>"
                    + "<th>Target</th><th>95% interval</th><th>Verdict</th><th>Run chart</th></tr></thead><tbody>\n");
            for (KpiRow r : latest.values()) {
                boolean share = isShare(r.indicator());
                out.append("<tr><td>").append(esc(r.label())).append(r.measure() == null ? "" : " (" + esc(r.measure()) + ")")
                        .append("</td><td class=\"nowrap\">").append(esc(r.period())).append("</td><td class=\"num\">")
                        .append(value(r.value(), share));
                if (r.numerator().isPresent() && r.denominator().isPresent()) {
                    out.append("<br/>").append(r.numerator().getAsLong()).append(" of ").append(r.denominator().getAsLong());
                }
                out.append("</td><td class=\"num\">").append(value(r.target(), share)).append("</td><td class=\"num\">")
                        .append(r.interval().map(i -> Summary.percent(i.low(), true) + " to " + Summary.percent(i.high(), true)).orElse(""))
                        .append("</td><td>").append(esc(Verdict.labelOf(r.verdict()))).append("</td><td>")
                        .append(esc(join(r.assurance(), r.signal()))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        charts("run-chart-", "");
        out.append("</div>\n");
    }

    private void survey() {
        out.append("<div class=\"section\">\n");
        section("survey");
        List<SurveyRow> positive = analysis.surveyItems().stream()
                .filter(s -> s.positive() && s.group().isEmpty()).toList();
        if (positive.isEmpty()) {
            out.append("<p>No survey data.</p>\n");
        } else {
            out.append("<p>The positive share of each survey item (for agreement items, Strongly agree + Agree), with its"
                    + " interval, and the verdict where an indicator sets a threshold.</p>\n");
            out.append("<table class=\"data small\"><thead><tr><th>Wave</th><th style=\"width: 30%\">Item</th><th style=\"width: 15%\">Positive</th>"
                    + "<th>Count</th><th>Share</th><th>Interval</th><th>Threshold</th><th>Verdict</th></tr></thead><tbody>\n");
            for (SurveyRow r : positive) {
                String item = r.indicator().map(indicators::get).map(Indicator::label).orElse(r.item());
                out.append("<tr><td class=\"nowrap\">").append(esc(r.wave())).append("<br/>").append(esc(r.period())).append("</td><td>")
                        .append(esc(item)).append("</td><td>").append(esc(r.option())).append("</td><td class=\"num\">");
                if (r.count().isPresent() && r.base().isPresent()) {
                    out.append(r.count().getAsLong()).append(" of ").append(r.base().getAsLong());
                } else {
                    out.append(esc(r.suppressed()));
                }
                out.append("</td><td class=\"num\">").append(value(r.share(), true)).append("</td><td class=\"num\">")
                        .append(r.interval().map(i -> Summary.percent(i.low(), true) + " to " + Summary.percent(i.high(), true))
                                .orElse(""))
                        .append("<br/><span class=\"note\">").append(esc(r.method())).append("</span></td><td class=\"num\">")
                        .append(value(r.threshold(), true)).append("</td><td>")
                        .append(esc(Verdict.labelOf(r.verdict()))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        charts("likert-", "");
        out.append("</div>\n");
    }

    private void delivery() {
        out.append("<div class=\"section\">\n");
        section("delivery");
        Delivery d = analysis.delivery();
        out.append("<h3>Local support projects by region and stage</h3>\n");
        out.append("<table class=\"data\"><thead><tr><th class=\"wide\">Region</th><th>Completed</th><th>Active</th>"
                + "<th>Pipeline</th><th>Total</th></tr></thead><tbody>\n");
        for (Delivery.RegionRow r : d.byRegion()) {
            boolean total = r.region().equals(Delivery.TOTAL);
            out.append(total ? "<tr class=\"total\">" : "<tr>").append("<td>").append(esc(r.region())).append("</td>");
            for (long n : new long[] {r.completed(), r.active(), r.pipeline(), r.total()}) {
                out.append("<td class=\"num\">").append(Summary.count(n)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        out.append("<h3>Universal support products by stage</h3>\n");
        out.append("<table class=\"data narrow\"><thead><tr><th class=\"wide\">Stage</th><th>Products</th></tr></thead><tbody>\n");
        for (Delivery.Count c : d.universalByStage()) {
            out.append(c.category().equals(Delivery.TOTAL) ? "<tr class=\"total\">" : "<tr>").append("<td>")
                    .append(esc(c.category())).append("</td><td class=\"num\">").append(Summary.count(c.projects())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        charts("completions-by-month", "");
        charts("projects-by-region", "");
        out.append("</div>\n");
    }

    private void dataQuality() {
        out.append("<div class=\"section\">\n");
        section("data-quality");
        out.append("<h3>Rows read, accepted and rejected, by file</h3>\n");
        out.append("<table class=\"data\"><thead><tr><th>Source</th><th class=\"wide\">File</th><th>Read</th><th>Accepted</th>"
                + "<th>Rejected</th></tr></thead><tbody>\n");
        for (Reconciliation r : input.reconciliations()) {
            out.append("<tr><td>").append(esc(r.source())).append("</td><td class=\"file\">").append(esc(r.file()))
                    .append("</td><td class=\"num\">").append(Summary.count(r.read())).append("</td><td class=\"num\">")
                    .append(Summary.count(r.accepted())).append("</td><td class=\"num\">").append(Summary.count(r.rejected()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        out.append("<h3>Rejected rows</h3>\n");
        List<Reject> rejects = input.rejects();
        if (rejects.isEmpty()) {
            out.append("<p>No row was rejected.</p>\n");
        } else {
            out.append("<table class=\"data small\"><thead><tr><th>File</th><th>Row</th><th>Column</th><th>Value</th>"
                    + "<th class=\"wide\">Reason</th><th>Expected</th></tr></thead><tbody>\n");
            for (Reject r : rejects.subList(0, Math.min(REJECTS_SHOWN, rejects.size()))) {
                out.append("<tr><td class=\"file\">").append(esc(r.file())).append("</td><td class=\"num\">").append(r.row())
                        .append("</td><td>").append(esc(r.column())).append("</td><td class=\"file\">").append(esc(r.value()))
                        .append("</td><td>").append(esc(r.reason())).append("</td><td>").append(esc(r.expected()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
            if (rejects.size() > REJECTS_SHOWN) {
                out.append("<p>And ").append(Summary.count(rejects.size() - REJECTS_SHOWN))
                        .append(" more; every rejected row is listed in rejects.csv.</p>\n");
            }
        }
        out.append("<h3>Data gaps</h3>\n");
        if (input.gaps().isEmpty()) {
            out.append("<p>Every indicator has data for every period.</p>\n");
        } else {
            out.append("<ul class=\"gaps\">\n");
            for (String gap : input.gaps()) {
                out.append("<li>").append(esc(gap)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</div>\n");
    }

    private void rubric() {
        out.append("<div class=\"section\">\n");
        section("rubric");
        Rubric rubric = evaluation.rubric();
        out.append("<p>").append(esc(rubric.name())).append(": the rules are tried from the top, and the first whose"
                + " conditions all hold gives the grade.</p>\n");
        out.append("<table class=\"data\"><thead><tr><th>Rule</th><th>Grade</th><th>When</th><th class=\"wide\">In plain words</th>"
                + "</tr></thead><tbody>\n");
        for (Rubric.Rule rule : rubric.rules()) {
            Grade g = Grade.fromYaml(rule.grade());
            out.append("<tr><td>").append(esc(rule.id())).append("</td>").append(gradeCell(g, g.label())).append("<td>")
                    .append(esc(rule.when().describe())).append("</td><td>").append(esc(rule.text())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        out.append("</div>\n");
    }

    /** A PNG inline, as wide as {@code maxWidthMm} unless that would make it taller than {@code maxHeightMm}. */
    private void png(String alt, byte[] png, double aspect, double maxWidthMm, double maxHeightMm) {
        double height = Math.min(maxHeightMm, maxWidthMm / aspect);
        out.append("<img alt=\"").append(esc(alt)).append("\" style=\"width: ")
                .append(String.format(java.util.Locale.ROOT, "%.1fmm; height: %.1fmm", height * aspect, height))
                .append("\" src=\"");
        imageAt.add(out.length());
        out.append(imageReference(images.size())).append("\"/>");
        images.add(png);
    }

    /** Every chart whose name starts with {@code prefix}, each scaled to the page width; none is fine. */
    private void charts(String prefix, String none) {
        for (ChartImage chart : input.charts()) {
            if (chart.name().startsWith(prefix)) {
                // The PNG (drawn at twice the chart's size: about 270 dpi at this width), not the SVG:
                // XChart's SVG draws text as outlines, hundreds of KB per chart, and Batik took
                // several seconds over the fourteen charts of the worked example.
                out.append("<div class=\"chart\"><p class=\"caption\">").append(esc(chart.title())).append("</p>");
                png(chart.title(), chart.png(), (double) chart.width() / chart.height(), PORTRAIT_WIDTH_MM - 4, 200);
                out.append("</div>\n");
            }
        }
        out.append(none);
    }

    private boolean isShare(String indicator) {
        Indicator i = indicators.get(indicator);
        return i != null && i.unit().equals("share");
    }

    private static String value(OptionalDouble value, boolean share) {
        if (value.isEmpty()) {
            return "";
        }
        double v = value.getAsDouble();
        if (share) {
            return Summary.percent(v, true);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Summary.count((long) v) : String.format(Locale.UK, "%,.2f", v);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static String shortLabel(Grade g) {
        return switch (g) {
            case STRONGEST -> "Strongest";
            case SOME -> "Some";
            case LIMITED -> "Limited";
        };
    }

    private static String gradeCell(Grade g, String text) {
        return "<td class=\"grade\" style=\"background-color: " + GradeColours.fill(g) + "; color: " + GradeColours.text(g) + "\">"
                + esc(text) + "</td>";
    }

    /** Escapes text for XHTML content and attribute values: {@link Xml#escape}, under a short name for this class. */
    static String esc(String text) {
        return Xml.escape(text);
    }

    private static final String CSS = """
            @page {
              size: A4;
              margin: 22mm 18mm 18mm 18mm;
              @top-left { content: element(header); }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; color: #555555; }
            }
            @page landscape {
              size: A4 landscape;
            }
            @page :first {
              @top-left { content: none; }
              @bottom-right { content: none; }
            }
            html, body, * { font-family: "DejaVu Sans", sans-serif; }
            body { font-size: 9.5pt; line-height: 1.35; color: #1a1a1a; }
            .running-header { position: running(header); font-size: 8pt; color: #555555; }
            .title-page { page-break-after: always; padding-top: 60mm; }
            .kicker { font-size: 14pt; color: #3182bd; font-weight: bold; margin: 0 0 4mm 0; }
            h1.title { font-size: 24pt; line-height: 1.2; margin: 0 0 8mm 0; }
            .organisation { font-size: 13pt; margin: 0 0 3mm 0; }
            .date { font-size: 11pt; margin: 0 0 20mm 0; }
            .legend-note { font-size: 9pt; margin-bottom: 1mm; }
            table.legend td { padding: 1.5mm 4mm; font-size: 9pt; }
            .made-by { font-size: 8pt; color: #555555; margin-top: 30mm; }
            .contents { page-break-after: always; }
            h2 { font-size: 15pt; color: #1f4e79; margin: 0 0 4mm 0; page-break-after: avoid; }
            h3 { font-size: 11pt; margin: 6mm 0 2mm 0; page-break-after: avoid; }
            ul.contents-list { list-style: none; padding: 0; margin: 0; font-size: 11pt; }
            ul.contents-list li { margin: 0 0 2.5mm 0; }
            ul.contents-list a { color: #1a1a1a; text-decoration: none; }
            ul.contents-list a::after { content: leader('.') target-counter(attr(href), page); }
            .section { page-break-before: always; }
            .landscape { page: landscape; page-break-before: always; }
            p.summary { margin: 0 0 2.5mm 0; }
            .figure, .diagram-part, .chart { page-break-inside: avoid; }
            .diagram-part { page-break-before: always; }
            .chart { margin: 4mm 0; }
            .caption { font-weight: bold; font-size: 9pt; margin: 0 0 1.5mm 0; }
            table { border-collapse: collapse; width: 100%; }
            table.narrow { width: 50%; }
            th, td { border: 0.5pt solid #bfbfbf; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
            th { background-color: #f2f2f2; font-weight: bold; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            table.small { font-size: 7.5pt; }
            table.grades { font-size: 8pt; }
            table.grades td.outcome, table.grades th.outcome { width: 52%; }
            td.grade { text-align: center; }
            tr.stage td { font-weight: bold; background-color: #ffffff; border-left: none; border-right: none; padding-top: 3mm; }
            tr.total td { font-weight: bold; }
            td.num { text-align: right; white-space: nowrap; }
            td.nowrap { white-space: nowrap; }
            td.file { word-wrap: break-word; }
            th.wide { width: 35%; }
            .note { color: #555555; font-size: 6.5pt; }
            .explain { white-space: pre-wrap; font-size: 7pt; line-height: 1.3; margin: 0 0 2.5mm 0; padding: 1.5mm 2mm;
                       border-left: 1.5pt solid #9ecae1; page-break-inside: avoid; word-wrap: break-word; }
            ul.gaps { font-size: 8pt; }
            """;
}
