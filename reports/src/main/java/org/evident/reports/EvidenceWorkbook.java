package org.evident.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.Delivery;
import org.evident.analysis.KpiRow;
import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.PublishedTable;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.Evaluation;
import org.evident.toc.Grade;
import org.evident.toc.Period;

/**
 * The evidence workbook, {@code evidence.xlsx}: a summary, the grades by period in their
 * colours with the reasons, the changes, KPIs, run charts, survey results, delivery tables,
 * pathways and the data-quality record, one sheet each.
 *
 * <p>Every number is a numeric cell with a number format, never text, so it can be summed and
 * charted; every piece of text, above all text that came from an input file, is a string cell,
 * never a formula. Cell values depend only on the input: the document's creation date is the
 * reporting date, not the time of the run.
 */
public final class EvidenceWorkbook {
    static final List<String> SHEETS = List.of("Summary", "Evidence", "Judgements", "Evidence items", "Changes", "KPIs", "Run charts",
            "Run chart limits", "Survey", "Survey comparisons", "Delivery", "Pathways", "Assumptions", "Themes", "Lessons", "Data quality");
    /** The published tables of the Delivery sheet, Table 3 of the evaluation (by region) first. */
    static final List<String> DELIVERY_TABLES = List.of("delivery_by_region", "universal_by_stage", "completions_by_month",
            "referral_routes", "support_types", "closed_offers", "regions_reached");
    static final String RUN_CHART_PREFIX = "run-chart-";
    /**
     * Rejects listed on the sheet; rejects.csv has them all. The workbook is built in memory (POI's
     * XSSF), and 50,000 reject rows took a 256 MB heap past its end on 50M generated records; a
     * person reads the first few thousand, a program reads rejects.csv.
     */
    static final int MAX_REJECTS = 10_000;
    /** Width of the period columns of the Evidence sheet: the longest grade label, wrapped headers above. */
    private static final int GRADE_WIDTH = 24;

    private EvidenceWorkbook() {
    }

    /** Writes the workbook to {@code file}, replacing it. */
    public static void write(ReportInput input, Path file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookSheet.Styles styles = new WorkbookSheet.Styles(workbook);
            List<WorkbookSheet> sheets = new ArrayList<>();
            for (String name : SHEETS) {
                sheets.add(new WorkbookSheet(workbook, styles, name));
            }
            summary(sheets.get(0), input);
            evidence(sheets.get(1), input.table("evidence_by_period"));
            judgements(sheets.get(2), input.table("judgements"), input.analysis());
            table(sheets.get(3), input.table("evidence"));
            table(sheets.get(4), input.table("evidence_changes"));
            if (input.analysis().evidenceChanges().isEmpty()) {
                sheets.get(4).note("No grade, verdict or evidence changed between the periods.");
            }
            table(sheets.get(5), input.table("kpis"));
            runCharts(sheets.get(6), workbook, input.charts());
            table(sheets.get(7), input.table("run_charts"));
            table(sheets.get(8), input.table("survey_items"));
            surveyComparisons(sheets.get(SHEETS.indexOf("Survey comparisons")), input);
            for (String name : DELIVERY_TABLES) {
                delivery(sheets.get(SHEETS.indexOf("Delivery")), input.table(name));
            }
            table(sheets.get(SHEETS.indexOf("Pathways")), input.table("pathways"));
            // The KPI sheets show every KPI: labelled wherever a source behind any of them declares a provenance.
            String labels = ProvenanceLabels.of(input.project(), input.project().theoryOfChange().indicators()).stream()
                    .map(p -> ProvenanceLabels.text(input.project(), p)).collect(java.util.stream.Collectors.joining(" "));
            if (!labels.isEmpty()) {
                for (int sheet : new int[] {5, 6, 7}) {
                    sheets.get(sheet).label(labels);
                }
            }
            table(sheets.get(SHEETS.indexOf("Assumptions")), input.table("assumptions"));
            table(sheets.get(SHEETS.indexOf("Themes")), input.table("themes"));
            table(sheets.get(SHEETS.indexOf("Lessons")), input.table("lessons"));
            dataQuality(sheets.get(SHEETS.indexOf("Data quality")), input);
            sheets.forEach(WorkbookSheet::finish);
            funnel(workbook, styles, input, labels);
            // POI stamps "created" and every zip entry with the current time; the reporting date keeps two runs alike.
            OfficeFiles.writeDated(workbook, file, input.project().evaluation().reportingDate(),
                    "Evidence workbook: " + input.project().evaluation().programme());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + file + ": " + e.getMessage(), e);
        }
    }

    private static void summary(WorkbookSheet s, ReportInput input) {
        Evaluation evaluation = input.project().evaluation();
        AnalysisResult analysis = input.analysis();
        s.printOnOnePage();
        // The values run on to the right rather than widening column B, which holds the counts below.
        s.line().bold("Programme").overflow(evaluation.programme());
        s.line().bold("Organisation").overflow(evaluation.organisation().orElse("(not given)"));
        s.line().bold("Reporting date").date(evaluation.reportingDate());
        s.line().bold("Rubric").overflow(evaluation.rubric().name());
        s.skip(1);

        s.title("Assessment periods");
        s.header("Period", "From", "To", "Label");
        for (String id : periods(analysis.evidence())) {
            Optional<Period> period = evaluation.period(id);
            WorkbookSheet.Line line = s.line().text(id);
            if (period.isPresent()) {
                line.date(period.get().start()).date(period.get().end()).overflow(period.get().label());
            }
        }
        s.skip(1);

        s.title("Outcomes and impacts by latest grade");
        s.header("Grade", "Outcomes and impacts");
        Map<Grade, Long> grades = new EnumMap<>(Grade.class);
        analysis.latestEvidence().forEach(a -> a.grade().ifPresent(g -> grades.merge(g, 1L, Long::sum)));
        for (Grade grade : new Grade[] {Grade.STRONGEST, Grade.SOME, Grade.LIMITED}) {
            WorkbookSheet.Line line = s.line();
            line.grade(java.util.Optional.of(grade));
            line.count(grades.getOrDefault(grade, 0L));
        }
        WorkbookSheet.Line notYet = s.line();
        notYet.grade(java.util.Optional.empty());
        notYet.count(analysis.latestEvidence().stream().filter(a -> !a.assessed()).count());
        s.boldLine().text("Total").count(analysis.latestEvidence().size());
        if (!analysis.judgements().isEmpty()) {
            s.line().bold("Rule against the evaluators' judgements").overflow(analysis.judgementAgreement().describe());
        }
        s.skip(1);

        s.title("Survey verdicts (items and options with a threshold)");
        s.header("Verdict", "Lines");
        verdictCounts(s, analysis.surveyItems().stream().map(SurveyRow::verdict).toList());
        s.skip(1);

        // The same totals as the report's summary, counted once (KpiVerdicts).
        KpiVerdicts kpis = analysis.kpiVerdicts();
        s.title("KPI verdicts (" + KpiVerdicts.WHAT + ")");
        s.header("Verdict", "Indicators");
        for (Verdict v : Verdict.values()) {
            s.line().text(v.label()).count(kpis.count(v));
        }
        s.boldLine().text("Total").count(kpis.indicators());
        s.skip(1);

        s.title("Rows read per file");
        s.header("File", "Rows read", "Accepted", "Rejected");
        reconciliations(s, input.reconciliations());
    }

    private static void verdictCounts(WorkbookSheet s, List<Optional<Verdict>> verdicts) {
        for (Verdict v : Verdict.values()) {
            s.line().text(v.label()).count(verdicts.stream().filter(x -> x.equals(Optional.of(v))).count());
        }
    }

    private static void reconciliations(WorkbookSheet s, List<Reconciliation> reconciliations) {
        for (Reconciliation r : reconciliations) {
            s.line().text(r.file()).count(r.read()).count(r.accepted()).count(r.rejected());
        }
        s.boldLine().text("Total").count(reconciliations.stream().mapToLong(Reconciliation::read).sum())
                .count(reconciliations.stream().mapToLong(Reconciliation::accepted).sum())
                .count(reconciliations.stream().mapToLong(Reconciliation::rejected).sum());
    }

    /** The assessment periods in the order the grades come in. */
    private static List<String> periods(List<Assessment> evidence) {
        Set<String> periods = new LinkedHashSet<>();
        evidence.forEach(a -> periods.add(a.period()));
        return List.copyOf(periods);
    }

    /**
     * A published table on a sheet of its own: its columns' headings, then its rows, each cell as
     * its type says.
     */
    private static void table(WorkbookSheet s, PublishedTable table) {
        int header = s.header(table.columns().stream().map(PublishedTable.Column::heading).toArray(String[]::new));
        rows(s, table);
        s.table(header, table.columns().size());
    }

    /**
     * The grades by period, each grade on its colour with that period's explanation as the cell's
     * comment, so a reader hovering over an earlier period sees why it was graded as it was then.
     */
    private static void evidence(WorkbookSheet s, PublishedTable table) {
        table(s, table);
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            if (table.rows().stream().anyMatch(r -> r.get(column) instanceof PublishedTable.GradeCell)) {
                s.width(c, GRADE_WIDTH);
            }
        }
    }

    /**
     * The evaluation team's judgements beside the rule's grades (each grade with its reason as the cell's
     * comment), then how far the two agree and every disagreement with both reasons.
     */
    private static void judgements(WorkbookSheet s, PublishedTable table, AnalysisResult analysis) {
        evidence(s, table);
        s.skip(1);
        if (analysis.judgements().isEmpty()) {
            s.note("The project records no judgements of its own (a source of type: judgements) to set beside the rule.");
            return;
        }
        s.note("The rule against the evaluation team's judgements: " + analysis.judgementAgreement().describe() + ".");
        for (var j : analysis.judgements()) {
            if (!j.agree()) {
                s.note(j.assessment().label() + " (" + j.assessment().node() + "), " + j.assessment().period() + ": judged "
                        + j.judgement().grade().label() + " (" + j.judgement().reason() + "); the rule gives "
                        + j.assessment().gradeLabel() + " (" + j.assessment().rule().id() + ": "
                        + org.evident.analysis.JudgementRow.ruleReason(j.assessment()) + ").");
            }
        }
    }

    /** The changes between survey waves, then the groups against the rest of their wave, each where there are any. */
    private static void surveyComparisons(WorkbookSheet s, ReportInput input) {
        for (String name : List.of("survey_changes", "survey_group_differences")) {
            if (!input.table(name).rows().isEmpty()) {
                delivery(s, input.table(name));
            }
        }
        if (s.nextRow() == 0) {
            s.note("No survey item was asked in two waves, and no survey is broken down by groups: there is nothing to compare.");
        }
    }

    /** One of the Delivery sheet's tables (or another sheet's), under its title after the first. */
    private static void delivery(WorkbookSheet s, PublishedTable table) {
        if (s.nextRow() == 0) {
            table(s, table);
            return;
        }
        s.skip(1);
        s.title(table.title());
        s.header(table.columns().stream().map(PublishedTable.Column::heading).toArray(String[]::new));
        rows(s, table);
        if (table.rows().isEmpty()) {
            s.note("(none)");
        }
    }

    /** The table's rows; a row whose first cell is "Total" in bold. */
    private static void rows(WorkbookSheet s, PublishedTable table) {
        XSSFDrawing drawing = null;
        for (List<PublishedTable.Cell> row : table.rows()) {
            boolean total = row.get(0) instanceof PublishedTable.Text t && t.value().equals(Delivery.TOTAL);
            WorkbookSheet.Line line = total ? s.boldLine() : s.line();
            for (PublishedTable.Cell cell : row) {
                if (cell instanceof PublishedTable.Text t) {
                    line.text(t.value());
                } else if (cell instanceof PublishedTable.Count n) {
                    line.count(n.value());
                } else if (cell instanceof PublishedTable.Number n) {
                    line.number(java.util.OptionalDouble.of(n.value()), switch (n.format()) {
                        case SHARE -> WorkbookSheet.Kind.PERCENT;
                        case WHOLE -> WorkbookSheet.Kind.COUNT;
                        case DECIMAL -> WorkbookSheet.Kind.DECIMAL;
                    });
                } else if (cell instanceof PublishedTable.Month m) {
                    line.month(m.value().atDay(1));
                } else if (cell instanceof PublishedTable.GradeCell g) {
                    if (drawing == null) {
                        drawing = s.sheet.createDrawingPatriarch();
                    }
                    comment(drawing, line.grade(g.grade()), g.explanation());
                } else if (cell instanceof PublishedTable.Missing m) {
                    // A count hidden by a suppression rule shows the rule's mark in its place.
                    line.text(m.mark().isEmpty() ? null : m.mark());
                }
            }
        }
    }

    private static void comment(XSSFDrawing drawing, XSSFCell cell, String text) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, cell.getColumnIndex() + 1, cell.getRowIndex(),
                cell.getColumnIndex() + 7, cell.getRowIndex() + Math.min(30, 2 + (int) text.lines().count()));
        XSSFComment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(text));
        comment.setAuthor("Evident");
        cell.setCellComment(comment);
    }

    /**
     * Two sheets before "Data quality", only for a project whose KPI returns compare units: "Funnel plots", each funnel
     * chart, and "Funnel", every unit of every period as funnel.csv has them.
     */
    private static void funnel(XSSFWorkbook workbook, WorkbookSheet.Styles styles, ReportInput input, String labels) {
        PublishedTable funnel = input.table("funnel");
        if (funnel.rows().isEmpty()) {
            return;
        }
        WorkbookSheet plots = new WorkbookSheet(workbook, styles, "Funnel plots");
        pictures(plots, workbook, input.charts().stream().filter(c -> c.name().startsWith(FunnelSection.CHART_PREFIX)).toList());
        WorkbookSheet table = new WorkbookSheet(workbook, styles, "Funnel");
        table(table, funnel);
        for (WorkbookSheet s : List.of(plots, table)) {
            // Labelled as the KPI sheets are: the funnels are of KPI returns.
            if (!labels.isEmpty()) {
                s.label(labels);
            }
            s.finish();
        }
        int at = SHEETS.indexOf("Data quality");
        workbook.setSheetOrder("Funnel plots", at);
        workbook.setSheetOrder("Funnel", at + 1);
    }

    private static void runCharts(WorkbookSheet s, XSSFWorkbook workbook, List<ChartImage> charts) {
        List<ChartImage> runCharts = charts.stream().filter(c -> c.name().startsWith(RUN_CHART_PREFIX)).toList();
        if (runCharts.isEmpty()) {
            s.note("No KPI had enough periods for a run chart.");
            return;
        }
        pictures(s, workbook, runCharts);
    }

    /** Each chart under its title, at its own size. */
    private static void pictures(WorkbookSheet s, XSSFWorkbook workbook, List<ChartImage> charts) {
        XSSFDrawing drawing = s.sheet.createDrawingPatriarch();
        for (ChartImage chart : charts) {
            s.title(chart.title());
            int top = s.nextRow();
            int index = workbook.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG);
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 1, top + 1);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
            XSSFPicture picture = drawing.createPicture(anchor, index);
            fitToChart(picture, chart);
            s.skip(picture.getClientAnchor().getRow2() - top + 2);
        }
    }

    /**
     * Sizes the picture to the chart's own size: the PNG may be drawn at twice its size for
     * sharpness. The sheet's column widths must not change afterwards. POI's way, {@code resize()}
     * (the anchor becomes the image's own size in pixels), {@code getImageDimension()}, then
     * {@code resize(scale)} (that anchor scaled), decodes the whole PNG twice to learn its size,
     * with ImageIO: about half the workbook's CPU time on the worked example. For a PNG without a
     * pHYs chunk (ours: {@code Png}), which POI takes as 96 dpi, so one image pixel per screen pixel,
     * the size is in the header, and {@link #spanTo} does {@code resize()}'s arithmetic; the
     * anchors come out the same ({@code EvidenceWorkbookTest} compares them with POI's own).
     */
    static void fitToChart(XSSFPicture picture, ChartImage chart) {
        int[] size = pngSize(chart.png());
        double pixels;
        if (size == null) {
            picture.resize();
            pixels = picture.getImageDimension().getWidth();
        } else {
            XSSFClientAnchor anchor = picture.getClientAnchor();
            var sheet = picture.getSheet();
            int[] column = spanTo(size[0], anchor.getCol1(), anchor.getDx1(), sheet::getColumnWidthInPixels);
            int[] row = spanTo(size[1], anchor.getRow1(), anchor.getDy1(),
                    r -> org.apache.poi.ss.util.ImageUtils.getRowHeightInPixels(sheet, r));
            anchor.setCol2(column[0]);
            anchor.setDx2(column[1]);
            anchor.setRow2(row[0]);
            anchor.setDy2(row[1]);
            var extent = picture.getCTPicture().getSpPr().getXfrm().getExt();
            extent.setCx(Math.round(size[0] * (double) org.apache.poi.util.Units.EMU_PER_PIXEL));
            extent.setCy(Math.round(size[1] * (double) org.apache.poi.util.Units.EMU_PER_PIXEL));
            pixels = size[0];
        }
        if (chart.width() > 0 && pixels > 0 && chart.width() != pixels) {
            picture.resize(chart.width() / pixels);
        }
    }

    /**
     * The last cell and the offset in it (EMU) of a span of {@code pixels} from {@code first} at
     * {@code offset} EMU: cells are taken whole while the rest does not fit in the next one.
     */
    static int[] spanTo(double pixels, int first, int offset, java.util.function.IntToDoubleFunction cellPixels) {
        int cell = first;
        double before = 0;
        while (true) {
            double available = cellPixels.applyAsDouble(cell);
            if (cell == first) {
                available -= offset / (double) org.apache.poi.util.Units.EMU_PER_PIXEL;
            }
            if (pixels - before < available) {
                break;
            }
            before += available;
            cell++;
        }
        double end = (pixels - before) * org.apache.poi.util.Units.EMU_PER_PIXEL + (cell == first ? offset : 0);
        return new int[] {cell, Math.toIntExact((long) Math.rint(end))};
    }

    /** Width and height from a PNG's header; null when it is not a PNG or has a pHYs (resolution) chunk. */
    static int[] pngSize(byte[] png) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png.length < 33 || !java.util.Arrays.equals(png, 0, 8, signature, 0, 8)) {
            return null;
        }
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(png);
        int[] size = null;
        int at = 8;
        // Chunks: length, type, data, CRC. IHDR comes first; pHYs, if any, comes before IDAT.
        while (at + 8 <= png.length) {
            int length = bytes.getInt(at);
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (length < 0 || (size == null && !type.equals("IHDR")) || type.equals("pHYs")) {
                return null;
            }
            if (type.equals("IHDR")) {
                size = new int[] {bytes.getInt(at + 8), bytes.getInt(at + 12)};
            } else if (type.equals("IDAT")) {
                return size;
            }
            at += 12 + length;
        }
        return null;
    }

    private static void dataQuality(WorkbookSheet s, ReportInput input) {
        int header = s.header("File", "Rows read", "Accepted", "Rejected");
        reconciliations(s, input.reconciliations());
        s.table(header, 4);

        s.skip(1);
        s.title("Rejected rows (row 1 of a CSV file is its header)");
        s.header("File", "Row", "Column", "Value", "Reason", "Expected");
        List<Reject> rejects = input.rejects();
        for (Reject r : rejects.subList(0, Math.min(MAX_REJECTS, rejects.size()))) {
            s.line().text(r.file()).count(r.row()).text(r.column()).text(r.value()).text(r.reason()).text(r.expected());
        }
        if (rejects.isEmpty()) {
            s.note("No row was rejected.");
        } else if (rejects.size() > MAX_REJECTS) {
            s.note("... and " + (rejects.size() - MAX_REJECTS) + " more: every reject is in rejects.csv.");
        }

        s.skip(1);
        s.title("Data gaps");
        s.header("Gap");
        input.gaps().forEach(g -> s.line().text(g));
        if (input.gaps().isEmpty()) {
            s.note("No data gaps.");
        }
    }

}
