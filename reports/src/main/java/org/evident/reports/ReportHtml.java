package org.evident.reports;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.Delivery;
import org.evident.analysis.KpiRow;
import org.evident.analysis.PublishedTable;
import org.evident.diagram.Xml;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.Evaluation;
import org.evident.toc.Grade;
import org.evident.toc.Indicator;
import org.evident.toc.Rubric;

/**
 * The report as one XHTML document, laid out for openhtmltopdf: paged-media CSS for the page
 * size, running header, page numbers and a contents list with page numbers, and PDF bookmarks.
 * Every piece of text that comes from the project's files is escaped.
 */
final class ReportHtml {
    /**
     * Rejects listed in full; the rest are counted by column and reason, and all are in rejects.csv.
     * 20 rows fit about two pages; the 1,000 rejects of a million national records listed 200 to a
     * page each took 16 pages and a third of the PDF's and Word report's time.
     */
    static final int REJECTS_SHOWN = 20;

    /** Content widths in millimetres: A4 less 18 mm margins either side. */
    static final double PORTRAIT_WIDTH_MM = 210 - 2 * 18;

    /** The sections, in order: id and title, for the contents list, headings and bookmarks. */
    static final List<String[]> SECTIONS = List.of(
            new String[] {"summary", "Executive summary"},
            new String[] {InsightChapters.LEARNED_ID, InsightChapters.LEARNED},
            new String[] {InsightChapters.WAY_FORWARD_ID, InsightChapters.WAY_FORWARD},
            new String[] {"toc", "The theory of change"},
            new String[] {"evidence", "Evidence by outcome"},
            new String[] {"pathways", "Pathways"},
            new String[] {"kpis", "KPIs"},
            new String[] {"neighbours", "Comparable areas"},
            new String[] {"survey", "Survey"},
            new String[] {"delivery", "Delivery"},
            new String[] {"methodology", "Methodology and limitations"},
            new String[] {"data-quality", "Appendix A: data quality"},
            new String[] {"rubric", "Appendix B: the grading rule"},
            new String[] {InsightChapters.APPENDIX_ID, InsightChapters.APPENDIX});

    private final ReportInput input;
    private final AnalysisResult analysis;
    private final Evaluation evaluation;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    /** Judged cells of the evidence grid whose rule's grade differs, by identity, with the text that says so. */
    private final Map<PublishedTable.Cell, String> ruleChecks = new java.util.IdentityHashMap<>();
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

    /** The figure each picture will have (name to number), from a first pass: the summary before them cites them. */
    private final Map<String, Integer> figures;
    /** The figures placed so far, in order: the report numbers its own figures as it places them. */
    private final Map<String, Integer> placed = new LinkedHashMap<>();

    /** The name under which the theory-of-change diagram is numbered among the figures. */
    static final String TOC_FIGURE = "theory-of-change";

    /** Whether this is the first pass, which only numbers the figures: pictures drawn on demand are not drawn. */
    private final boolean numbering;

    private ReportHtml(ReportInput input, Map<String, Integer> figures, boolean numbering) {
        this.figures = figures;
        this.numbering = numbering;
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
        // Two passes: the first only learns where each figure falls (building the XHTML is cheap;
        // the PDF is made once, from the second).
        ReportHtml first = new ReportHtml(input, Map.of(), true);
        first.document();
        ReportHtml html = new ReportHtml(input, Map.copyOf(first.placed), false);
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
        out.append("<style>\n").append(CSS).append(ProvenanceLabels.css(ProvenanceLabels.of(input.project(), indicators.values())))
                .append(InsightChapters.CSS).append(TocSection.CSS)
                .append("</style>\n");
        out.append("<bookmarks>\n");
        for (String[] s : shownSections()) {
            out.append("<bookmark name=\"").append(esc(s[1])).append("\" href=\"#").append(s[0]).append("\"/>\n");
        }
        out.append("</bookmarks>\n</head>\n<body>\n");
        // A running element: repeated in every page's header from the page it first appears on.
        out.append("<div class=\"running-header\">").append(esc(evaluation.programme())).append("</div>\n");
        titlePage(date);
        contents();
        summary();
        InsightChapters.chapters(analysis.insights(), input.project().theoryOfChange(), out);
        theoryOfChange();
        evidence();
        pathways();
        kpis();
        neighbours();
        survey();
        delivery();
        out.append("<div class=\"section\">\n");
        section("methodology");
        out.append(Methodology.html(input)).append("</div>\n");
        dataQuality();
        rubric();
        InsightChapters.appendix(analysis.insights(), input.table("themes"), input.table("lessons"), out);
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
        for (String[] s : shownSections()) {
            out.append("<li><a href=\"#").append(s[0]).append("\">").append(esc(s[1])).append("</a></li>\n");
        }
        out.append("</ul>\n</div>\n");
    }

    private List<String[]> shownSections() {
        return sections(analysis);
    }

    /** The sections a report of {@code result} has: the comparison with comparable areas only when the project names neighbours. */
    static List<String[]> sections(AnalysisResult result) {
        return SECTIONS.stream().filter(s -> !s[0].equals("neighbours") || !result.neighbours().isEmpty()).toList();
    }

    /**
     * Each highlighted area against its comparable areas: the comparison in a sentence per KPI, the
     * figures, and a chart per KPI. Only for a project with a neighbours source: no empty section.
     */
    private void neighbours() {
        if (analysis.neighbours().isEmpty()) {
            return;
        }
        out.append("<div class=\"section\">\n");
        section("neighbours");
        PublishedTable table = input.table("neighbours");
        long areas = analysis.neighbours().stream().map(org.evident.analysis.NeighbourRow::area).distinct().count();
        out.append("<p>Each area's latest figure for each KPI beside those of its comparable areas (its statistical")
                .append(" neighbours, as the project's neighbours file lists them)")
                .append(analysis.neighbours().stream().anyMatch(r -> r.england().isPresent()) ? " and England's." : ".")
                .append(" The quartiles and median")
                .append(" are of the neighbours' figures, without the area's own (R's type 7, as Excel's QUARTILE.INC); the")
                .append(" rank is among the area and its neighbours with a figure, 1 the best by the KPI's direction (ties")
                .append(" share the better rank); the quarter says where the area falls against its neighbours' quartiles.")
                .append(" These are published figures set side by side: a rank can move with differences too small to")
                .append(" matter, and comparable areas are alike in population and need, not in every circumstance.</p>\n");
        for (String code : NeighbourCharts.highlighted(analysis)) {
            List<org.evident.analysis.NeighbourRow> rows = analysis.neighbours().stream().filter(r -> r.area().equals(code)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            out.append("<h3>").append(esc(rows.get(0).areaName())).append("</h3>\n<ul>\n");
            rows.forEach(r -> out.append("<li>").append(esc(r.summary())).append("</li>\n"));
            out.append("</ul>\n");
            out.append(NeighbourCharts.table(rows));
            charts(NeighbourCharts.PREFIX + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + "-", "");
        }
        out.append("<p>Every area (").append(areas).append(") and KPI is in tables/neighbours.csv and the")
                .append(" workbook's ").append(esc(EvidenceWorkbook.sheetName("neighbours"))).append(" sheet.</p>\n");
        out.append("</div>\n");
    }

    private void section(String id) {
        String title = SECTIONS.stream().filter(s -> s[0].equals(id)).findFirst().orElseThrow()[1];
        out.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
    }

    private void summary() {
        out.append("<div class=\"section\">\n");
        section("summary");
        out.append(ExecutiveSummary.html(input, figures));
        out.append("</div>\n");
    }

    private void theoryOfChange() {
        TocSection.write(input, new TocSection.Page() {
            @Override
            public StringBuilder out() {
                return out;
            }

            @Override
            public void png(String alt, java.util.function.Supplier<byte[]> png, double aspect, double maxWidthMm,
                            double maxHeightMm) {
                ReportHtml.this.png(alt, numbering ? new byte[0] : png.get(), aspect, maxWidthMm, maxHeightMm);
            }

            @Override
            public void heading() {
                section("toc");
            }

            @Override
            public String figure(String name, String title) {
                return ReportHtml.this.figure(name, title);
            }
        });
    }

    private void evidence() {
        out.append("<div class=\"section\">\n");
        section("evidence");
        List<String> periods = analysis.evidence().stream().map(Assessment::period).distinct().toList();
        if (periods.isEmpty()) {
            out.append("<p>No outcome has been graded.</p>\n</div>\n");
            return;
        }
        out.append("<p>The grade of each short- and medium-term outcome and each impact at each assessment period, by the rule"
                + " in Appendix B. Evidence is cumulative: a finding counts at a period once it has been collected (or, without a"
                + " date collected, once its own period has ended); a KPI counts by its figure to date. \u201cNot yet assessed\u201d"
                + " means no evidence at all by then, which is not \u201climited\u201d; a period not ended by the reporting date"
                + " is graded on the evidence collected so far.</p>\n");
        if (!analysis.judgements().isEmpty()) {
            out.append("<p>Where the evaluation team recorded its own judgement of an outcome at a period, the grid shows the"
                    + " team's grade and the rule serves as a check: where the rule's grade differs, it is shown beneath as"
                    + " \u201crule: \u2026\u201d.</p>\n");
        }
        PublishedTable byPeriod = input.table("evidence_by_period");
        List<View> views = new ArrayList<>(List.of(View.of("label", "outcome")));
        for (String p : periods) {
            views.add(View.of(p));
        }
        Map<String, String> stageHeadings = new LinkedHashMap<>();
        analysis.evidence().forEach(a -> stageHeadings.put(a.node(), a.stage().heading()));
        int node = column(byPeriod, "node");
        groupedTable(byPeriod, judgedRows(byPeriod, periods), "grades", row -> stageHeadings.get(row.get(node).csv()),
                views.toArray(View[]::new));
        judgementsChecked();
        out.append("<h3>Why each outcome has its grade</h3>\n");
        for (Assessment a : analysis.latestEvidence()) {
            String judged = analysis.judgement(a.node(), a.period()).map(j -> "Judged by the evaluation team: "
                    + j.judgement().grade().label() + ". " + j.judgement().reason() + "\nThe rule, as a check"
                    + (j.agree() ? " (agrees): " : " (differs): ")).orElse("");
            // The outcome by its label and the period by its name: no internal ids in the report's prose.
            String explain = a.explain().strip().replace(" (" + a.node() + "), " + a.period() + ":",
                    ", " + Summary.periodLabel(input.project(), a.period()) + ":");
            out.append("<div class=\"explain\">").append(esc(judged + explain)).append("</div>\n");
        }
        out.append("</div>\n");
    }

    /**
     * The grid's rows with each judged outcome and period showing the team's grade; where the rule's
     * grade differs, the cell is remembered in {@link #ruleChecks} to show it beneath.
     */
    private List<List<PublishedTable.Cell>> judgedRows(PublishedTable byPeriod, List<String> periods) {
        int node = column(byPeriod, "node");
        List<List<PublishedTable.Cell>> rows = new ArrayList<>();
        for (List<PublishedTable.Cell> row : byPeriod.rows()) {
            List<PublishedTable.Cell> cells = new ArrayList<>(row);
            for (String period : periods) {
                int c = column(byPeriod, period);
                analysis.judgement(row.get(node).csv(), period).ifPresent(j -> {
                    PublishedTable.GradeCell judged = new PublishedTable.GradeCell(j.judgement().grade(), j.judgement().reason());
                    if (!j.agree()) {
                        ruleChecks.put(judged, "rule: " + shortLabel(j.assessment().grade()));
                    }
                    cells.set(c, judged);
                });
            }
            rows.add(cells);
        }
        return rows;
    }

    /** How far the rule agrees with the team's judgements, and every disagreement with both reasons. */
    private void judgementsChecked() {
        if (analysis.judgements().isEmpty()) {
            return;
        }
        out.append("<h3>The rule as a check on the evaluation team's judgements</h3>\n");
        org.evident.analysis.Agreement agreement = analysis.judgementAgreement();
        out.append("<p>The rule gives the team's own grade for ").append(agreement.agreed()).append(" of the ")
                .append(agreement.n()).append(" outcomes and periods the team judged (")
                .append(agreement.percent()).append("); linearly weighted kappa ").append(agreement.kappaText())
                .append(agreement.kappa().isPresent() ? "" : " (every grade the same)")
                .append(". Weighted kappa is Cohen's agreement beyond chance, counting a grade one step away as half"
                        + " agreement (1 is full agreement, 0 what chance alone gives). Where they differ, the team's grade"
                        + " is the one this report leads with:</p>\n");
        List<org.evident.analysis.JudgementRow> differ = analysis.judgements().stream().filter(j -> !j.agree()).toList();
        if (differ.isEmpty()) {
            out.append("<p>The rule and the team agree on every outcome judged.</p>\n");
            return;
        }
        out.append("<table class=\"data\"><thead><tr><th style=\"width: 22%\">Outcome</th><th>Period</th>"
                + "<th style=\"width: 11%\">Judged</th><th style=\"width: 28%\">The team's reason</th>"
                + "<th style=\"width: 11%\">Rule</th><th style=\"width: 28%\">The rule's reason</th></tr></thead><tbody>\n");
        for (org.evident.analysis.JudgementRow j : differ) {
            Assessment a = j.assessment();
            out.append("<tr><td class=\"outcome\">").append(esc(a.label())).append("</td><td>")
                    .append(esc(Summary.periodLabel(input.project(), a.period())))
                    .append("</td>").append(gradeCell(j.judgement().grade(), shortLabel(j.judgement().grade())))
                    .append("<td>").append(esc(j.judgement().reason())).append("</td>")
                    .append(gradeCell(a.grade(), shortLabel(a.grade()))).append("<td>")
                    .append(esc(a.rule().id() + ": " + org.evident.analysis.JudgementRow.ruleReason(a)
                            + (a.restsOn().isEmpty() ? "" : " Rests on " + a.restsOnText() + ".")))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private void pathways() {
        out.append("<div class=\"section\">\n");
        section("pathways");
        out.append("<p>For each outcome and impact, its best-supported causal chain from the inputs: a chain is as strong"
                + " as its weakest graded node, and an impact\u2019s own grade caps every chain to it; an impact with no evidence"
                + " yet has no graded chain.</p>\n");
        if (analysis.pathways().isEmpty()) {
            out.append("<p>No pathways.</p>\n");
        } else {
            PublishedTable pathways = input.table("pathways");
            // The summary with nodes named by their labels, not the ids the CSV file keeps.
            org.evident.toc.TheoryOfChange toc = input.project().theoryOfChange();
            int summary = column(pathways, "summary");
            List<List<PublishedTable.Cell>> rows = new ArrayList<>();
            for (int i = 0; i < pathways.rows().size(); i++) {
                List<PublishedTable.Cell> row = new ArrayList<>(pathways.rows().get(i));
                row.set(summary, new PublishedTable.Text(org.evident.analysis.Pathways.describe(analysis.pathways().get(i).pathway(),
                        toc, id -> "\u201c" + toc.node(id).map(org.evident.toc.Node::label).orElse(id) + "\u201d")));
                rows.add(row);
            }
            table(pathways, rows, "data", View.of("label", "w38"), View.of("strongest_path", "w12"),
                    View.of("summary", "w50"));
        }
        assumptions();
        out.append("</div>\n");
    }

    /** Each assumption key's state at the latest assessment period, with the findings behind it. */
    private void assumptions() {
        if (analysis.assumptions().isEmpty()) {
            return;
        }
        String latest = analysis.assumptions().get(analysis.assumptions().size() - 1).period();
        out.append("<h3>Assumptions and risks</h3>\n<p>Each key of the theory of change's assumptions and risks at ")
                .append(esc(latest)).append(": it <b>holds</b> when the findings about it weigh more for it than against,"
                        + " is <b>challenged</b> when they weigh at least as much against, and is <b>untested</b> without"
                        + " any (every period: tables/assumptions.csv).</p>\n");
        PublishedTable table = input.table("assumptions");
        int period = column(table, "period");
        table(table, table.rows().stream().filter(r -> r.get(period).csv().equals(latest)).toList(), "data",
                View.of("key", "w06"), View.of("status", "w12"), View.of("assumptions", "w32"), View.of("items", "w50"));
    }

    private void kpis() {
        java.util.Set<org.evident.toc.Provenance> labelled = ProvenanceLabels.of(input.project(), indicators.values());
        out.append(labelled.isEmpty() ? "<div class=\"section\">\n" : "<div class=\"section " + ProvenanceLabels.PAGE + "\">\n");
        section("kpis");
        labelled.forEach(p -> out.append(ProvenanceLabels.banner(input.project(), p)));
        PublishedTable kpis = input.table("kpis");
        // The programme to date (every ended period pooled) first, then each KPI's latest ended
        // period: the last programme-level row of its series that is neither to date nor in progress.
        List<List<PublishedTable.Cell>> toDate = new ArrayList<>();
        Map<String, List<PublishedTable.Cell>> latest = new LinkedHashMap<>();
        int kpi = kpis.columnIndex("kpi");
        int unit = kpis.columnIndex("unit");
        int period = kpis.columnIndex("period");
        int status = kpis.columnIndex("status");
        for (List<PublishedTable.Cell> row : kpis.rows()) {
            if (!row.get(unit).csv().isEmpty()) {
                continue;
            }
            if (row.get(period).csv().equals(KpiRow.TO_DATE)) {
                toDate.add(row);
            } else if (!row.get(status).csv().startsWith(KpiRow.IN_PROGRESS)) {
                latest.put(row.get(kpi).csv(), row);
            }
        }
        if (toDate.isEmpty()) {
            out.append("<p>No KPI data.</p>\n");
        } else {
            View[] views = {View.of("kpi", "wide").withCode("measure"), View.of("value").withCount("numerator", "denominator"),
                View.of("target"), View.of("basis"), View.range("ci_low", "ci_high"), View.of("verdict"),
                View.of("assurance").then("signal")};
            out.append("<h3>Programme to date</h3>\n<p>Each KPI and tracker measure for the whole programme, every ended"
                    + " quarter pooled: numerators and denominators added up, a running total at its latest, a count"
                    + " totalled. A quarter still in progress on the reporting date is left out.</p>\n");
            table(kpis, toDate, "data small", views);
            // A blank value to date is explained, not left for the reader to guess.
            int value = kpis.columnIndex("value");
            java.util.function.Function<List<PublishedTable.Cell>, String> label = r -> indicators.containsKey(r.get(kpi).csv())
                    ? indicators.get(r.get(kpi).csv()).label() : r.get(kpi).csv();
            List<List<PublishedTable.Cell>> blank = toDate.stream().filter(r -> r.get(value).csv().isEmpty()).toList();
            // A level declared to_date: none (regions represented each quarter) is not a value-only measure: said apart.
            List<String> declared = blank.stream().filter(r -> r.get(status).csv().contains("to_date: none")).map(label).toList();
            List<String> unpooled = blank.stream().filter(r -> !r.get(status).csv().contains("to_date: none")).map(label).toList();
            if (!unpooled.isEmpty()) {
                out.append("<p class=\"note\">No figure to date for ").append(esc(String.join("; ", unpooled)))
                        .append(": each is returned as a value only (a ratio, a median, a mean), which cannot be pooled"
                                + " without the counts behind it; see each quarter below and in kpis.csv.</p>\n");
            }
            if (!declared.isEmpty()) {
                out.append("<p class=\"note\">No figure to date for ").append(esc(String.join("; ", declared)))
                        .append(": each is a level in its quarter (such as the regions a quarter's projects came from),"
                                + " and adding quarters up would count the same thing again; see each quarter below.</p>\n");
            }
            out.append("<h3>Latest ended quarter</h3>\n<p>Each KPI's latest return for a quarter that had ended by the"
                    + " reporting date.</p>\n");
            List<View> withPeriod = new ArrayList<>(List.of(views));
            withPeriod.add(1, View.of("period", "nowrap"));
            table(kpis, List.copyOf(latest.values()), "data small", withPeriod.toArray(View[]::new));
            verdictAndAssurance(kpis, toDate);
            BeforeAfterSection.write(analysis, out);
            out.append(KpiUnits.html(input));
        }
        glossary();
        charts("run-chart-", "");
        FunnelSection.write(input, new FunnelSection.Page() {
            @Override
            public StringBuilder out() {
                return out;
            }

            @Override
            public void png(String alt, byte[] png, double aspect, double maxWidthMm, double maxHeightMm) {
                ReportHtml.this.png(alt, png, aspect, maxWidthMm, maxHeightMm);
            }

            @Override
            public String figure(String name, String title) {
                return ReportHtml.this.figure(name, title);
            }
        });
        out.append("</div>\n");
    }

    /**
     * Where a KPI's verdict and its run chart's assurance seem to disagree, why, in words: the
     * verdict is about what has happened (the figure to date), the assurance about what the process,
     * as it runs now, can be expected to do next.
     */
    private void verdictAndAssurance(PublishedTable kpis, List<List<PublishedTable.Cell>> toDate) {
        int verdict = kpis.columnIndex("verdict");
        int assurance = kpis.columnIndex("assurance");
        int kpi = kpis.columnIndex("kpi");
        List<String> notes = new ArrayList<>();
        for (List<PublishedTable.Cell> row : toDate) {
            String v = row.get(verdict).csv();
            String a = row.get(assurance).csv();
            String why = whyTheyDiffer(v, a);
            if (!why.isEmpty()) {
                Indicator indicator = indicators.get(row.get(kpi).csv());
                notes.add((indicator == null ? row.get(kpi).csv() : indicator.label()) + ": " + v + " to date, " + a
                        + " as a process. " + why);
            }
        }
        if (notes.isEmpty()) {
            return;
        }
        out.append("<h3>Where the verdict and the assurance differ</h3>\n<p>The verdict says whether the figure to date met"
                + " the target: it is about what has happened. The assurance says where the target lies against the run"
                + " chart's process limits at the latest quarter: it is about what the process, as it runs now, can be"
                + " expected to do next. They can differ without either being wrong:</p>\n<ul class=\"notes\">\n");
        for (String note : notes) {
            out.append("<li>").append(esc(note)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /** The reason, in words, why a verdict and an assurance differ; "" where they agree or either is missing. */
    static String whyTheyDiffer(String verdict, String assurance) {
        boolean met = verdict.equals("met");
        boolean notMet = verdict.equals("not met");
        boolean inconclusive = verdict.startsWith("inconclusive");
        if (met && assurance.equals("hit and miss")) {
            return "Taken together the quarters met the target, but the process limits reach below it: single quarters"
                    + " can still miss it by chance.";
        }
        if (notMet && assurance.equals("hit and miss")) {
            return "Taken together the quarters fell short, but the process limits reach the target: single quarters"
                    + " can meet it by chance, and the process as it runs will not meet it every time.";
        }
        if (met && assurance.equals("consistently failing") || notMet && assurance.equals("consistently passing")) {
            return "The figure to date and the latest process limits point different ways: the process has changed"
                    + " over the quarters; the run chart's later points say which way.";
        }
        if (inconclusive && assurance.startsWith("consistently")) {
            return "The figure to date rests on too few answers to say; the process limits, which use every quarter's"
                    + " spread, lie wholly on one side of the target.";
        }
        return "";
    }

    /** Every term a reader meets in the KPI section, explained once, in plain words. */
    private void glossary() {
        out.append("<h3>How to read the KPIs</h3>\n<dl class=\"glossary\">\n");
        String[][] terms = {
            {"Census", "the figure counts every case (every completed project, every discharge): it is what happened, so"
                    + " it is judged by its value alone. A 100% target is missed by a single miss."},
            {"Sample", "the figure counts those who answered, who stand for more than themselves: it is judged by its"
                    + " interval, the range of true values the answers are consistent with. A rate (events per"
                    + " exposure, such as falls per 1,000 bed days) is judged the same way, by the exact Poisson interval"
                    + " of its events."},
            {"Met, not met", "for a census, the value is on the better or the worse side of the target; for a sample,"
                    + " the whole interval is."},
            {"Inconclusive", "a sample whose interval straddles the target: too few answers to say either way."},
            {"To date", "every quarter that had ended by the reporting date, pooled: numerators and denominators added"
                    + " up, a running total at its latest, a count totalled. A level whose quarters do not add up (such as the"
                    + " regions a quarter's projects came from) has no figure to date."},
            {"In progress", "a quarter that had not ended by the reporting date. Its figures are partial: shown, but never"
                    + " judged, charted, compared with the quarter before or listed as missing."},
            {"Run chart", "the quarters in order with a centre line and process limits: an XmR chart for a value, a p"
                    + " chart for a share of a count (limits per quarter, wider for a small count), a c chart for a"
                    + " count, a u chart for a rate of events per exposure (limits per quarter, wider for a small"
                    + " exposure); marked p', c' or u' (Laney) where the quarters vary more than chance alone would make"
                    + " them, which widens the limits to match. A running total is charted on what each quarter added."},
            {"Process limits", "the range within which the quarters would fall by chance alone, as the process runs now,"
                    + " three standard deviations either side of the centre, cut at what the measure can take (0% and"
                    + " 100% for a share, 0 for a count)."},
            {"Common cause", "ordinary variation: a quarter within the limits and in no unusual run."},
            {"Special cause", "a quarter that stands out from ordinary variation: beyond a process limit, in a run of 7"
                    + " on one side of the centre, in a run of 7 rises or falls, or two of three near a limit. An"
                    + " improvement is on the better side, a concern on the worse."},
            {"Consistently passing, consistently failing", "the target lies beyond the latest process limits, on the"
                    + " worse or the better side: as the process runs, every quarter will meet it, or none will."},
            {"Hit and miss", "the target lies between the latest process limits: as the process runs, some quarters"
                    + " will meet it and some will not, by chance alone."}};
        for (String[] term : terms) {
            out.append("<dt>").append(esc(term[0])).append("</dt><dd>").append(esc(term[1])).append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    private void survey() {
        out.append("<div class=\"section\">\n");
        section("survey");
        PublishedTable survey = input.table("survey_items");
        int group = survey.columnIndex("group");
        int kind = survey.columnIndex("row");
        List<List<PublishedTable.Cell>> positive = survey.rows().stream()
                .filter(r -> r.get(kind).csv().equals("positive") && r.get(group).csv().isEmpty()).toList();
        if (positive.isEmpty()) {
            out.append("<p>No survey data.</p>\n");
        } else {
            out.append("<p>The positive share of each survey item (for agreement items, Strongly agree + Agree), with its"
                    + " interval, and the verdict where an indicator sets a threshold.</p>\n");
            table(survey, positive, "data small", View.of("wave", "nowrap").below("period"), View.of("item", "w30"),
                    View.of("option", "w15"), View.of("count").ofBase("n"), View.of("share"),
                    View.range("ci_low", "ci_high").below("interval"), View.of("threshold"), View.of("verdict"));
        }
        charts("likert-", "");
        out.append(SurveyComparisonSection.html(input));
        out.append("</div>\n");
    }

    private void delivery() {
        out.append("<div class=\"section\">\n");
        section("delivery");
        for (String name : List.of("delivery_by_region", "universal_by_stage", "referral_routes", "support_types", "closed_offers")) {
            PublishedTable table = input.table(name);
            out.append("<h3>").append(esc(table.title())).append("</h3>\n");
            // A two-column table is half the page wide: its label column takes what the count leaves.
            boolean wide = table.columns().size() > 2;
            table(table, table.rows(), wide ? "data" : "data narrow", table.columns().stream()
                    .map(c -> View.of(c.name(), wide && c.type() == PublishedTable.Type.TEXT ? "wide" : "")).toArray(View[]::new));
        }
        charts("completions-by-month", "");
        charts("projects-by-region", "");
        out.append(MultiSelectAnswers.html(input));
        out.append("</div>\n");
    }

    /**
     * A column of a report table, made from columns of a published table: one column, or an
     * interval's two ends shown as "low to high" under their shared heading; optionally with
     * "n of N" below the value ({@link #withCount}), the measure's code after an indicator's label
     * ({@link #withCode}) or a second column's text after the first ({@link #then}).
     */
    private record View(String first, String last, String cssClass, String numerator, String denominator, String code,
                        String then, String below, String base) {
        static View of(String column) {
            return of(column, "");
        }

        static View of(String column, String cssClass) {
            return new View(column, null, cssClass, null, null, null, null, null, null);
        }

        static View range(String low, String high) {
            return new View(low, high, "num", null, null, null, null, null, null);
        }

        View withCount(String numeratorColumn, String denominatorColumn) {
            return new View(first, last, cssClass, numeratorColumn, denominatorColumn, code, then, below, base);
        }

        View withCode(String codeColumn) {
            return new View(first, last, cssClass, numerator, denominator, codeColumn, then, below, base);
        }

        /** The column's text after this one's, "; "-separated. */
        View then(String column) {
            return new View(first, last, cssClass, numerator, denominator, code, column, below, base);
        }

        /** The column's text on a line below this one's, as a note. */
        View below(String column) {
            return new View(first, last, cssClass, numerator, denominator, code, then, column, base);
        }

        /** A count shown as "count of base". */
        View ofBase(String column) {
            return new View(first, last, cssClass, numerator, denominator, code, then, below, column);
        }
    }

    /** Some rows of a published table, with the views' columns, headed by the table's own headings. */
    private void table(PublishedTable table, List<List<PublishedTable.Cell>> rows, String cssClass, View... views) {
        groupedTable(table, rows, cssClass, null, views);
    }

    /**
     * Some rows of a published table, with the views' columns, headed by the table's own headings;
     * with {@code group}, a heading row wherever a row's group heading changes (its stage's, say).
     */
    private void groupedTable(PublishedTable table, List<List<PublishedTable.Cell>> rows, String cssClass,
                              java.util.function.Function<List<PublishedTable.Cell>, String> group, View... views) {
        String groupValue = null;
        int[] first = new int[views.length];
        int[] last = new int[views.length];
        out.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
        for (int v = 0; v < views.length; v++) {
            first[v] = column(table, views[v].first());
            last[v] = views[v].last() == null ? -1 : column(table, views[v].last());
            String heading = table.columns().get(first[v]).heading();
            if (last[v] >= 0) {
                heading = sharedStart(heading, table.columns().get(last[v]).heading());
            }
            String css = views[v].cssClass();
            out.append(css.isEmpty() || css.equals("nowrap") ? "<th>" : css.startsWith("w")
                    && css.length() == 3 ? "<th style=\"width: " + css.substring(1) + "%\">" : "<th class=\"" + css + "\">")
                    .append(esc(heading)).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (List<PublishedTable.Cell> row : rows) {
            if (group != null && !group.apply(row).equals(groupValue)) {
                groupValue = group.apply(row);
                out.append("<tr class=\"stage\"><td colspan=\"").append(views.length).append("\">").append(esc(groupValue))
                        .append("</td></tr>\n");
            }
            boolean total = row.get(0) instanceof PublishedTable.Text t && t.value().equals(Delivery.TOTAL);
            out.append(total ? "<tr class=\"total\">" : "<tr>");
            for (int v = 0; v < views.length; v++) {
                PublishedTable.Cell cell = row.get(first[v]);
                if (cell instanceof PublishedTable.GradeCell g) {
                    String check = ruleChecks.get(cell);
                    out.append(check == null ? gradeCell(g.grade(), shortLabel(g.grade()))
                            : gradeCell(g.grade(), shortLabel(g.grade())).replace("</td>",
                                    "<br/><span class=\"check\">" + esc(check) + "</span></td>"));
                    continue;
                }
                String text = last[v] < 0 ? html(table.columns().get(first[v]).name(), cell)
                        : cell instanceof PublishedTable.Missing ? "" : html("", cell) + " to " + html("", row.get(last[v]));
                text += extras(table, row, views[v]);
                boolean number = cell instanceof PublishedTable.Count || cell instanceof PublishedTable.Number;
                String css = number || last[v] >= 0 ? "num" : views[v].cssClass().equals("nowrap")
                        || views[v].cssClass().equals("outcome") ? views[v].cssClass() : "";
                out.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">").append(text).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    /** What a view adds after its cell: the measure's code, "n of N", a second column's text. */
    private String extras(PublishedTable table, List<PublishedTable.Cell> row, View view) {
        StringBuilder extra = new StringBuilder();
        if (view.code() != null && !row.get(column(table, view.code())).csv().isEmpty()) {
            extra.append(" (").append(esc(row.get(column(table, view.code())).csv())).append(')');
        }
        if (view.numerator() != null && row.get(column(table, view.numerator())) instanceof PublishedTable.Count n
                && row.get(column(table, view.denominator())) instanceof PublishedTable.Count d) {
            extra.append("<br/>").append(n.value()).append(" of ").append(d.value());
        }
        if (view.base() != null && row.get(column(table, view.first())) instanceof PublishedTable.Count
                && row.get(column(table, view.base())) instanceof PublishedTable.Count n) {
            extra.append(" of ").append(n.value());
        }
        if (view.below() != null && !row.get(column(table, view.below())).csv().isEmpty()) {
            extra.append("<br/><span class=\"note\">").append(esc(row.get(column(table, view.below())).csv())).append("</span>");
        }
        if (view.then() != null && !row.get(column(table, view.then())).csv().isEmpty()) {
            String first = row.get(column(table, view.first())).csv();
            extra.append(first.isEmpty() ? "" : "; ").append(esc(row.get(column(table, view.then())).csv()));
        }
        return extra.toString();
    }

    private static int column(PublishedTable table, String name) {
        int at = table.columnIndex(name);
        if (at < 0) {
            throw new IllegalStateException("table " + table.name() + " has no column " + name);
        }
        return at;
    }

    /** "95% interval" from "95% interval, low" and "95% interval, high". */
    private static String sharedStart(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n).replaceAll("[,:; ]+$", "");
    }

    /**
     * A cell as the report shows it: shares as percentages to one place, counts with thousands
     * separators, a hidden count as the suppression rule's mark; an indicator id (the kpis table's
     * {@code kpi}, the survey's {@code item}) as the indicator's label.
     */
    private String html(String column, PublishedTable.Cell cell) {
        if (cell instanceof PublishedTable.Number || cell instanceof PublishedTable.Count) {
            return esc(Summary.cell(cell));
        }
        if (cell instanceof PublishedTable.Missing m) {
            return esc(m.mark());
        }
        if (column.equals("kpi") && indicators.containsKey(cell.csv())) {
            Indicator indicator = indicators.get(cell.csv());
            return esc(indicator.label() + ProvenanceLabels.mark(input.project(), indicator));
        }
        if (column.equals("item")) {
            return esc(indicators.values().stream().filter(i -> i.source() == Indicator.Source.SURVEY && i.measure().equals(cell.csv()))
                    .map(Indicator::label).findFirst().orElse(cell.csv()));
        }
        return esc(cell.csv());
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
                        .append(" more; every rejected row is listed in rejects.csv. All ").append(Summary.count(rejects.size()))
                        .append(" by column and reason:</p>\n");
                Map<String, Integer> byReason = new java.util.TreeMap<>();
                rejects.forEach(r -> byReason.merge(r.column() + "\n" + r.reason(), 1, Integer::sum));
                out.append("<table class=\"data small\"><thead><tr><th>Column</th><th class=\"wide\">Reason</th><th>Rows</th>"
                        + "</tr></thead><tbody>\n");
                // The commonest first (a reason that quotes its value can make many); at most 30.
                byReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(30)
                        .forEach(e -> reasonRow(e.getKey(), e.getValue()));
                out.append("</tbody></table>\n");
                if (byReason.size() > 30) {
                    out.append("<p>And ").append(byReason.size() - 30).append(" other reasons, in rejects.csv.</p>\n");
                }
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

    private void reasonRow(String columnAndReason, int rows) {
        int at = columnAndReason.indexOf('\n');
        out.append("<tr><td>").append(esc(columnAndReason.substring(0, at))).append("</td><td>")
                .append(esc(columnAndReason.substring(at + 1))).append("</td><td class=\"num\">").append(Summary.count(rows))
                .append("</td></tr>\n");
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
            Grade g = rule.grade();
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
                out.append("<div class=\"chart\"><p class=\"caption\">").append(esc(figure(chart.name(), chart.title())))
                        .append("</p>");
                png(chart.description(), chart.png(), (double) chart.width() / chart.height(), PORTRAIT_WIDTH_MM - 4, 200);
                out.append("</div>\n");
            }
        }
        out.append(none);
    }

    /** "Figure 3: title", numbering the figure {@code name} as the next one placed. */
    private String figure(String name, String title) {
        placed.putIfAbsent(name, placed.size() + 1);
        return "Figure " + placed.get(name) + ": " + title;
    }

    private static String shortLabel(Grade g) {
        return switch (g) {
            case STRONGEST -> "Strongest";
            case SOME -> "Some";
            case LIMITED -> "Limited";
        };
    }

    /** The short label, or "Not yet assessed" for no grade. */
    private static String shortLabel(java.util.Optional<Grade> g) {
        return g.map(ReportHtml::shortLabel).orElse(Grade.NOT_YET_ASSESSED);
    }

    private static String gradeCell(Grade g, String text) {
        return gradeCell(java.util.Optional.of(g), text);
    }

    private static String gradeCell(java.util.Optional<Grade> g, String text) {
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
            table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
            table.narrow { width: 60%; }
            th, td { border: 0.5pt solid #bfbfbf; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
            th { background-color: #f2f2f2; font-weight: bold; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            table.small { font-size: 7.5pt; }
            table.grades { font-size: 8pt; }
            table.grades td.outcome, table.grades th.outcome { width: 52%; }
            td.grade { text-align: center; }
            .check { font-size: 6pt; font-style: italic; }
            tr.stage td { font-weight: bold; background-color: #ffffff; border-left: none; border-right: none; padding-top: 3mm; }
            tr.total td { font-weight: bold; }
            td.num { text-align: right; white-space: nowrap; }
            td.nowrap { white-space: nowrap; }
            td.file { word-wrap: break-word; }
            th.wide { width: 35%; }
            .note { color: #555555; font-size: 6.5pt; }
            dl.glossary { font-size: 8pt; margin: 0 0 3mm 0; }
            dl.glossary dt { font-weight: bold; margin-top: 1mm; page-break-after: avoid; }
            dl.glossary dd { margin: 0 0 0 6mm; }
            ul.notes { font-size: 8pt; }
            .explain { white-space: pre-wrap; font-size: 7pt; line-height: 1.3; margin: 0 0 2.5mm 0; padding: 1.5mm 2mm;
                       border-left: 1.5pt solid #9ecae1; page-break-inside: avoid; word-wrap: break-word; }
            ul.gaps { font-size: 8pt; }
            p.provenance { border: 1pt solid #b30000; background-color: #fff0f0; padding: 1.5mm 2mm; margin: 0 0 3mm 0; }
            ul.answers { padding-left: 0; list-style: none; }
            ul.answers li { margin: 0 0 2.5mm 0; }
            ul.answers p { margin: 0; }
            p.question { font-weight: bold; page-break-after: avoid; }
            """;
}
