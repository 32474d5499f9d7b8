package org.evident.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
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
import org.evident.analysis.EvidenceChange;
import org.evident.toc.Grade;
import org.evident.analysis.Interval;
import org.evident.analysis.KpiRow;
import org.evident.analysis.PathwayRow;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.Evaluation;
import org.evident.toc.Indicator;
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
    static final List<String> SHEETS = List.of("Summary", "Evidence", "Changes", "KPIs", "Run charts", "Survey",
            "Delivery", "Pathways", "Data quality");
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
            evidence(sheets.get(1), input);
            changes(sheets.get(2), input.analysis().evidenceChanges());
            kpis(sheets.get(3), input);
            runCharts(sheets.get(4), workbook, input.charts());
            survey(sheets.get(5), input.analysis().surveyItems());
            delivery(sheets.get(6), input.analysis());
            pathways(sheets.get(7), input.analysis().pathways());
            dataQuality(sheets.get(8), input);
            sheets.forEach(WorkbookSheet::finish);
            // POI stamps "created" with the current time; the reporting date keeps two runs alike.
            Optional<Date> date = Optional.of(Date.from(input.project().evaluation().reportingDate().atStartOfDay()
                    .toInstant(ZoneOffset.UTC)));
            var core = workbook.getProperties().getCoreProperties();
            core.setCreated(date);
            core.setModified(date);
            core.setCreator("Evident");
            core.setTitle("Evidence workbook: " + input.project().evaluation().programme());
            // POI zips at zlib's default level unless handed a zip stream. The largest parts are the
            // run charts' PNGs, already deflated, on which level 6 spent about 0.2 s for nothing.
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
                zip.setLevel(Deflater.BEST_SPEED);
                workbook.write(zip);
            }
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

        s.title("Outcomes by latest grade");
        s.header("Grade", "Outcomes");
        Map<Grade, Long> grades = new EnumMap<>(Grade.class);
        analysis.latestEvidence().forEach(a -> grades.merge(a.grade(), 1L, Long::sum));
        for (Grade grade : new Grade[] {Grade.STRONGEST, Grade.SOME, Grade.LIMITED}) {
            WorkbookSheet.Line line = s.line();
            line.grade(grade);
            line.count(grades.getOrDefault(grade, 0L));
        }
        s.boldLine().text("Total").count(analysis.latestEvidence().size());
        s.skip(1);

        s.title("Survey verdicts (items and options with a threshold)");
        s.header("Verdict", "Lines");
        verdictCounts(s, analysis.surveyItems().stream().map(SurveyRow::verdict).toList());
        s.skip(1);

        // Every period of a KPI has a verdict; the headline is where each series stands now.
        s.title("KPI verdicts (latest period of each series)");
        s.header("Verdict", "Series");
        Map<String, Optional<Verdict>> latest = new LinkedHashMap<>();
        for (KpiRow k : analysis.kpis()) {
            if (k.verdict().isPresent()) {
                latest.put(k.indicator() + "\u0000" + k.unit(), k.verdict());
            }
        }
        verdictCounts(s, List.copyOf(latest.values()));
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

    private static void evidence(WorkbookSheet s, ReportInput input) {
        List<Assessment> evidence = input.analysis().evidence();
        List<String> periods = periods(evidence);
        Map<String, Map<String, Assessment>> byNode = new LinkedHashMap<>();
        evidence.forEach(a -> byNode.computeIfAbsent(a.node(), k -> new LinkedHashMap<>()).put(a.period(), a));

        List<String> headers = new ArrayList<>(List.of("Outcome", "Node", "Stage"));
        periods.forEach(p -> headers.add(input.project().evaluation().period(p).map(Period::label).orElse(p)));
        headers.add("Why (latest period)");
        int header = s.header(headers.toArray(String[]::new));

        XSSFDrawing drawing = s.sheet.createDrawingPatriarch();
        for (Map<String, Assessment> row : byNode.values()) {
            Assessment first = row.values().iterator().next();
            Assessment last = first;
            WorkbookSheet.Line line = s.line();
            line.text(first.label()).text(first.node()).text(first.stage().yamlName());
            for (String period : periods) {
                Assessment a = row.get(period);
                if (a == null) {
                    line.text(null);
                    continue;
                }
                // Each cell's comment explains that period's grade, so a reader hovering over an
                // earlier period sees why it was graded as it was then.
                XSSFCell cell = line.grade(a.grade());
                comment(drawing, cell, a.explain().strip());
                last = a;
            }
            line.text(last.explain().strip());
        }
        s.table(header, headers.size());
        for (int c = 0; c < periods.size(); c++) {
            s.width(3 + c, GRADE_WIDTH);
        }
        s.width(headers.size() - 1, WorkbookSheet.MAX_WIDTH);
    }

    private static void comment(XSSFDrawing drawing, XSSFCell cell, String text) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, cell.getColumnIndex() + 1, cell.getRowIndex(),
                cell.getColumnIndex() + 7, cell.getRowIndex() + Math.min(30, 2 + (int) text.lines().count()));
        XSSFComment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(text));
        comment.setAuthor("Evident");
        cell.setCellComment(comment);
    }

    private static void changes(WorkbookSheet s, List<EvidenceChange> changes) {
        int header = s.header("Node", "Outcome", "From", "To", "Change", "Before", "After", "Detail");
        for (EvidenceChange c : changes) {
            s.line().text(c.node()).text(c.label()).text(c.from()).text(c.to()).text(c.change()).text(c.before())
                    .text(c.after()).text(c.detail());
        }
        s.table(header, 8);
        if (changes.isEmpty()) {
            s.note("No grade, verdict or evidence changed between the periods.");
        }
    }

    private static void kpis(WorkbookSheet s, ReportInput input) {
        Map<String, String> units = new LinkedHashMap<>();
        for (Indicator i : input.project().theoryOfChange().indicators()) {
            units.put(i.id(), i.unit());
        }
        int header = s.header("KPI", "Label", "Measure", "Region or system", "Period", "Numerator", "Denominator", "Value",
                "Target", "CI low", "CI high", "Verdict", "Change", "Signal", "Assurance");
        for (KpiRow k : input.analysis().kpis()) {
            WorkbookSheet.Kind kind = switch (units.getOrDefault(k.indicator(), "")) {
                case "share" -> WorkbookSheet.Kind.PERCENT;
                case "count" -> WorkbookSheet.Kind.COUNT;
                default -> WorkbookSheet.Kind.DECIMAL;
            };
            s.line().text(k.indicator()).text(k.label()).text(k.measure()).text(k.unit()).text(k.period())
                    .count(k.numerator()).count(k.denominator()).number(k.value(), kind).number(k.target(), kind)
                    .number(Interval.lowOf(k.interval()), kind).number(Interval.highOf(k.interval()), kind).text(Verdict.labelOf(k.verdict()))
                    .number(k.change(), kind == WorkbookSheet.Kind.COUNT ? WorkbookSheet.Kind.DECIMAL : kind)
                    .text(k.signal()).text(k.assurance());
        }
        s.table(header, 15);
    }

    private static void runCharts(WorkbookSheet s, XSSFWorkbook workbook, List<ChartImage> charts) {
        List<ChartImage> runCharts = charts.stream().filter(c -> c.name().startsWith(RUN_CHART_PREFIX)).toList();
        if (runCharts.isEmpty()) {
            s.note("No KPI had enough periods for a run chart.");
            return;
        }
        XSSFDrawing drawing = s.sheet.createDrawingPatriarch();
        for (ChartImage chart : runCharts) {
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

    private static void survey(WorkbookSheet s, List<SurveyRow> rows) {
        int header = s.header("Wave", "Period", "Item", "Answer", "Row", "Base", "Count", "Share", "CI low", "CI high",
                "Threshold", "Verdict", "Net agreement", "p (exact)", "Interval");
        for (SurveyRow r : rows) {
            WorkbookSheet.Line line = s.line().text(r.wave()).text(r.period()).text(r.item()).text(r.option())
                    .text(r.positive() ? "positive" : "category").count(r.base());
            // A hidden count shows the suppression mark in its place.
            if (r.count().isEmpty() && !r.suppressed().isEmpty()) {
                line.text(r.suppressed());
            } else {
                line.count(r.count());
            }
            line.share(r.share()).share(Interval.lowOf(r.interval())).share(Interval.highOf(r.interval())).share(r.threshold())
                    .text(Verdict.labelOf(r.verdict())).share(r.netAgreement()).decimal(r.pExact()).text(r.method());
        }
        s.table(header, 15);
    }

    /**
     * Table 3 of the evaluation first (local projects by region and stage), then the other
     * delivery tables under their titles. Counts are of organisations and pass through the
     * project's organisation suppression rule, as the CSV tables do.
     */
    private static void delivery(WorkbookSheet s, AnalysisResult analysis) {
        Delivery d = analysis.delivery();
        Delivery.Published published = d.published(analysis.organisationSuppression());
        int header = s.header("Region", "Completed", "Active", "Pipeline", "Total");
        for (int i = 0; i < d.byRegion().size(); i++) {
            Delivery.RegionRow r = d.byRegion().get(i);
            List<String> shown = published.byRegion().get(i);
            (r.region().equals(Delivery.TOTAL) ? s.boldLine() : s.line()).text(r.region()).published(shown.get(0))
                    .published(shown.get(1)).published(shown.get(2)).published(shown.get(3));
        }
        s.table(header, 5);

        countTable(s, "Universal products by stage", "Stage", "Projects", d.universalByStage(), published.universalByStage());

        s.skip(1);
        s.title("Local projects completed by month");
        s.header("Month", "Completed", "Cumulative");
        List<Delivery.MonthRow> months = d.completionsByMonth();
        for (int i = 0; i < months.size(); i++) {
            s.line().month(months.get(i).month().atDay(1)).published(published.completed().get(i))
                    .published(published.cumulative().get(i));
        }

        s.skip(1);
        s.title("Referral routes of completed local projects");
        s.header("Direction", "Referral route", "Projects");
        List<Delivery.RouteRow> routes = d.referralRoutes();
        for (int i = 0; i < routes.size(); i++) {
            s.line().text(routes.get(i).direction()).text(routes.get(i).route()).published(published.referralRoutes().get(i));
        }

        countTable(s, "Support types of completed local projects", "Support type", "Projects", d.supportTypes(),
                published.supportTypes());
        countTable(s, "Potential offers closed down", "Closure reason", "Offers", d.closedOffers(), published.closedOffers());
    }

    /** A titled two-column table of counts as published; its Total row, if any, in bold. */
    private static void countTable(WorkbookSheet s, String title, String category, String count, List<Delivery.Count> rows,
                                   List<String> shown) {
        s.skip(1);
        s.title(title);
        s.header(category, count);
        for (int i = 0; i < rows.size(); i++) {
            Delivery.Count c = rows.get(i);
            (c.category().equals(Delivery.TOTAL) ? s.boldLine() : s.line()).text(c.category()).published(shown.get(i));
        }
        if (rows.isEmpty()) {
            s.note("(none)");
        }
    }

    private static void pathways(WorkbookSheet s, List<PathwayRow> rows) {
        int header = s.header("Node", "Outcome or impact", "Stage", "Paths", "Strongest path", "Best path", "Missing middle",
                "Weakest link", "Assumptions and risks", "Summary");
        for (PathwayRow r : rows) {
            var p = r.pathway();
            s.line().text(p.node()).text(r.label()).text(r.stage().yamlName()).count(p.paths())
                    .text(p.strongestPath().map(Grade::label).orElse(""))
                    .text(p.bestPath().map(l -> String.join(" > ", l)).orElse("")).text(p.missingMiddle().orElse(""))
                    .text(p.weakestLink().orElse("")).text(String.join("\n", p.assumptions())).text(r.summary());
        }
        s.table(header, 10);
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
