package org.evident.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Delivery;
import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.PublishedTable;
import org.evident.analysis.PublishedTable.Cell;
import org.evident.analysis.PublishedTable.Column;
import org.evident.analysis.PublishedTable.Type;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.Reject;
import org.evident.toc.Evaluation;
import org.evident.toc.Grade;

/**
 * The evidence workbook, {@code evidence.xlsx}, laid out as the Analysis Function's guidance
 * "Releasing statistics in spreadsheets" asks: a Cover, a Contents sheet linking to every sheet,
 * a Notes sheet, then one table per sheet, each a named Excel table; the run charts and the KPI
 * dashboard's trends are native Excel charts drawn from those tables.
 *
 * <p>Every published table ({@link PublishedTable}) gets a sheet of its own, named from the
 * table, with one Excel table named as its CSV file is: a table added to the analysis appears
 * here without further work. Sheets are streamed (POI's SXSSF), so a table of many thousand rows
 * (a national source's areas) is not held in memory as cells. Cell values depend only on the
 * input: the document is dated by the reporting date, not the time of the run.
 */
public final class EvidenceWorkbook {
    /** Sheet names of the published tables that have one of their own; any other table's comes from its name. */
    static final Map<String, String> SHEET_NAMES = sheetNames();
    /** Rows a streamed sheet keeps in memory before writing them out. */
    private static final int WINDOW = 200;
    static final String RUN_CHART_PREFIX = "run-chart-";
    /**
     * Rejects listed on the sheet; rejects.csv has them all. A person reads the first few
     * thousand, a program reads rejects.csv.
     */
    static final int MAX_REJECTS = 10_000;
    static final String COVER = "Cover";
    static final String CONTENTS = "Contents";
    static final String NOTES = "Notes";
    static final String DASHBOARD = "Dashboard";
    static final String SUMMARY = "Summary";
    static final String RUN_CHARTS = "Run charts";

    private EvidenceWorkbook() {
    }

    /**
     * Comparisons a project has only with the data for them (units to compare, a declared change
     * point, comparable areas, a second survey wave): no sheet at all without it, as the report
     * has no section.
     */
    private static final Set<String> ONLY_WITH_ROWS = Set.of("survey_changes", "survey_group_differences", "funnel", "before_after", "neighbours");

    private static Map<String, String> sheetNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("evidence_by_period", "Evidence");
        names.put("judgements", "Judgements");
        names.put("evidence", "Evidence items");
        names.put("evidence_changes", "Changes");
        names.put("kpis", "KPIs");
        names.put("run_charts", "Run chart data");
        names.put("survey_items", "Survey");
        names.put("survey_changes", "Survey changes");
        names.put("survey_group_differences", "Survey groups");
        names.put("delivery_by_region", "Delivery by region");
        names.put("pathways", "Pathways");
        names.put("assumptions", "Assumptions");
        names.put("funnel", "Funnel");
        names.put("before_after", "Before and after");
        names.put("neighbours", "Neighbours");
        names.put("themes", "Themes");
        names.put("lessons", "Lessons");
        return names;
    }

    /** A sheet's name from a table's: "universal_by_stage" is "Universal by stage", at most 31 characters. */
    static String sheetName(String table) {
        String known = SHEET_NAMES.get(table);
        if (known != null) {
            return known;
        }
        String words = table.replaceAll("[_\\-]+", " ").replaceAll("[\\[\\]:*?/\\\\']", "").strip();
        String name = words.isEmpty() ? "Table" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        return name.length() > 31 ? name.substring(0, 31).strip() : name;
    }

    /**
     * A valid Excel table name from a table's: letters, digits and underscores, starting with a
     * letter, and not one Excel would read as a cell ("c1", "r", "kpi2024").
     */
    static String excelName(String table) {
        String name = table.replaceAll("[^A-Za-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || name.matches("(?i)[a-z]{1,3}[0-9]+|[rc]")
                || name.matches("(?i)r[0-9]*c[0-9]*")) {
            name = "t_" + name;
        }
        return name;
    }

    /** One sheet to write: its name, what the Contents says of it, and its table (null for the Cover and chart sheets). */
    private record Planned(String sheet, String description, PublishedTable table, String whenEmpty) {
    }

    /** Writes the workbook to {@code file}, replacing it. */
    public static void write(ReportInput input, Path file) {
        XSSFWorkbook template = new XSSFWorkbook();
        try (DatedWorkbook workbook = new DatedWorkbook(template, input.project().evaluation().reportingDate())) {
            new Writer(input, workbook, template).write();
            var core = template.getProperties().getCoreProperties();
            Optional<Date> dated = Optional.of(Date.from(input.project().evaluation().reportingDate().atStartOfDay()
                    .toInstant(ZoneOffset.UTC)));
            core.setCreated(dated);
            core.setModified(dated);
            core.setCreator("Evident");
            core.setTitle("Evidence workbook: " + input.project().evaluation().programme());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * POI's streaming workbook with every zip entry dated by the reporting date (POI stamps the
     * time of writing otherwise), so two runs give the same bytes, zipped at the fastest level.
     */
    private static final class DatedWorkbook extends SXSSFWorkbook {
        private final long time;

        DatedWorkbook(XSSFWorkbook template, java.time.LocalDate date) {
            super(template, WINDOW);
            this.time = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
                @Override
                public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                    entry.setTime(time);
                    super.putArchiveEntry(entry);
                }
            };
            zip.setLevel(Deflater.BEST_SPEED);
            // POI's default (zip64 "as needed", on a stream that cannot seek back) writes zip64 records LibreOffice
            // refuses to open; a workbook is far from zip64's 4 GB.
            zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
            return zip;
        }
    }

    /** One writing of the workbook. */
    private static final class Writer {
        private final ReportInput input;
        private final SXSSFWorkbook workbook;
        private final XSSFWorkbook template;
        private final WorkbookSheet.Styles styles;
        private final WorkbookNotes notes;
        private final String labels;

        Writer(ReportInput input, SXSSFWorkbook workbook, XSSFWorkbook template) {
            this.input = input;
            this.workbook = workbook;
            this.template = template;
            this.styles = new WorkbookSheet.Styles(template);
            this.notes = new WorkbookNotes(input.project());
            this.labels = ProvenanceLabels.of(input.project(), input.project().theoryOfChange().indicators()).stream()
                    .map(p -> ProvenanceLabels.text(input.project(), p)).collect(Collectors.joining(" "));
        }

        void write() {
            List<Planned> plan = plan();
            Map<String, WorkbookSheet> sheets = new LinkedHashMap<>();
            for (Planned p : plan) {
                Sheet sheet = workbook.createSheet(p.sheet());
                sheets.put(p.sheet(), new WorkbookSheet(sheet, template.getSheet(p.sheet()), styles));
            }
            cover(sheets.get(COVER));
            contents(sheets.get(CONTENTS), plan);
            notesSheet(sheets.get(NOTES));
            Map<String, WorkbookSheet.Placement> placements = new LinkedHashMap<>();
            for (Planned p : plan) {
                if (p.table() != null && !p.sheet().equals(DASHBOARD) && !p.sheet().equals(CONTENTS) && !p.sheet().equals(NOTES)) {
                    placements.put(p.table().name(), tableSheet(sheets.get(p.sheet()), p));
                }
            }
            WorkbookCharts charts = new WorkbookCharts(input.analysis().kpiCharts(),
                    placements.get("run_charts"), PublishedTable.named(input.tables(), "run_charts").orElse(null));
            dashboard(sheets.get(DASHBOARD), plan.stream().filter(p -> p.sheet().equals(DASHBOARD)).findFirst().orElseThrow(),
                    charts);
            runCharts(sheets.get(RUN_CHARTS), charts);
            sheets.get(COVER).printOnOnePage();
            sheets.values().forEach(WorkbookSheet::finish);
        }

        /** Every sheet in order: cover, contents, notes, dashboard, summary, the published tables, data quality. */
        private List<Planned> plan() {
            Evaluation evaluation = input.project().evaluation();
            List<Planned> plan = new ArrayList<>();
            plan.add(new Planned(COVER, "What this workbook is, its source, date and contact, and the shorthand it uses", null, ""));
            plan.add(new Planned(CONTENTS, "Every sheet of the workbook, with a link to it", null, ""));
            plan.add(new Planned(NOTES, "The notes the tables' headers refer to as [note N]", null, ""));
            plan.add(new Planned(DASHBOARD, "Each KPI to date against its target, with its verdict, latest period and trend",
                    dashboardTable(), "No KPI has a figure to date for the whole programme."));
            plan.add(new Planned(SUMMARY, "Outcomes by latest grade, survey verdicts and KPI verdicts, counted",
                    summaryTable(), ""));
            plan.add(new Planned("Periods", "The assessment periods of " + evaluation.programme(), periodsTable(), ""));
            List<PublishedTable> tables = new ArrayList<>();
            Set<String> placed = new HashSet<>();
            // Known tables in the order a reader takes them; then any other table, in the analysis's order.
            for (String name : SHEET_NAMES.keySet()) {
                PublishedTable.named(input.tables(), name).ifPresent(t -> {
                    tables.add(t);
                    placed.add(name);
                    if (name.equals("delivery_by_region")) {
                        for (PublishedTable other : input.tables()) {
                            if (isDelivery(other.name()) && placed.add(other.name())) {
                                tables.add(other);
                            }
                        }
                    }
                });
            }
            for (PublishedTable t : input.tables()) {
                if (placed.add(t.name())) {
                    tables.add(t);
                }
            }
            Set<String> names = new HashSet<>();
            List.of(COVER, CONTENTS, NOTES, DASHBOARD, SUMMARY, "Periods", RUN_CHARTS, "Rows read", "Rejected rows", "Data gaps")
                    .forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            tables.removeIf(t -> t.rows().isEmpty() && ONLY_WITH_ROWS.contains(t.name()));
            for (PublishedTable t : tables) {
                String sheet = unique(sheetName(t.name()), names);
                plan.add(new Planned(sheet, t.title(), t, whenEmpty(t.name())));
                if (t.name().equals("kpis")) {
                    plan.add(new Planned(RUN_CHARTS, "Run charts of the KPIs, native Excel charts drawn from the Run chart data table",
                            null, ""));
                }
            }
            if (plan.stream().noneMatch(p -> p.sheet().equals(RUN_CHARTS))) {
                plan.add(new Planned(RUN_CHARTS, "Run charts of the KPIs", null, ""));
            }
            plan.add(new Planned("Rows read", "Rows read, accepted and rejected per data file", rowsReadTable(), ""));
            plan.add(new Planned("Rejected rows", "Rejected rows with the file, row, column, value and reason (row 1 of a CSV file is its header)",
                    rejectsTable(), "No row was rejected."));
            plan.add(new Planned("Data gaps", "Data the evaluation expected but did not have", gapsTable(), "No data gaps."));
            return plan;
        }

        private static boolean isDelivery(String name) {
            return List.of("universal_by_stage", "completions_by_month", "referral_routes", "support_types", "closed_offers",
                    "regions_reached").contains(name);
        }

        private static String unique(String name, Set<String> taken) {
            // Excel compares sheet names without case.
            String candidate = name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " (" + n + ")";
                candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
            }
            return candidate;
        }

        private String whenEmpty(String table) {
            return switch (table) {
                case "evidence_changes" -> "No grade, verdict or evidence changed between the periods.";
                case "judgements" -> "The project records no judgements of its own (a source of type: judgements) to set beside the rule.";
                case "run_charts" -> "No KPI had enough periods for a run chart.";
                default -> "This table has no rows for this evaluation.";
            };
        }

        private void cover(WorkbookSheet s) {
            Evaluation evaluation = input.project().evaluation();
            s.title("Evidence workbook: " + evaluation.programme());
            s.text("The evidence behind the evaluation of " + evaluation.programme() + " against its theory of change: "
                    + "the grades of its outcomes by period, its KPIs with run charts, the survey, delivery and the data's quality.");
            s.skip(1);
            s.heading("About this workbook");
            s.text("Each sheet after the Contents holds one table, whose columns are those of the CSV file of the same name "
                    + "(e.g. the KPIs table is kpis.csv). Each table is a named Excel table (its name is on the Contents sheet), "
                    + "so it can be used by name in formulas, pivot tables, Power Query and Power BI. Notes referred to in headers as "
                    + "[note N] are on the Notes sheet. The charts are native Excel charts drawn from the tables and can be restyled.");
            s.skip(1);
            s.heading("Source");
            s.text("Produced by Evident from the programme's delivery tracker, survey responses and KPI returns, as listed on the "
                    + "Rows read sheet.");
            s.skip(1);
            s.heading("Reporting date");
            s.text(evaluation.reportingDate().toString());
            s.skip(1);
            s.heading("Organisation");
            s.text(evaluation.organisation().orElse("Not given in evaluation.yaml."));
            s.skip(1);
            s.heading("Contact");
            s.text(evaluation.organisation().map(o -> "The evaluation team at " + o + ".").orElse("The evaluation team.")
                    + " Evident's own questions: see the README of the Evident repository.");
            s.skip(1);
            s.heading("Grading rule");
            s.text("The rubric " + evaluation.rubric().name() + ".");
            if (!labels.isEmpty()) {
                s.skip(1);
                s.heading("Provenance");
                s.text(labels);
            }
            s.skip(1);
            s.heading("Shorthand");
            s.text(WorkbookSheet.Shorthand.NOT_AVAILABLE + " not available: no figure for this row.");
            s.text(WorkbookSheet.Shorthand.CONFIDENTIAL + " confidential: a count hidden by the suppression rule to protect people who could be identified.");
            s.text(WorkbookSheet.Shorthand.NOT_APPLICABLE + " not applicable: the table has no rows, or the figure does not apply.");
            s.skip(1);
            s.link("Go to the Contents", "'" + CONTENTS + "'!A1");
        }

        private void contents(WorkbookSheet s, List<Planned> plan) {
            s.title("Contents");
            s.text("This worksheet contains one table. Select a sheet name to go to that sheet.");
            List<Planned> listed = plan.stream().filter(p -> !p.sheet().equals(COVER) && !p.sheet().equals(CONTENTS)).toList();
            PublishedTable table = new PublishedTable("contents", "Contents", List.of(
                    new Column("sheet", "Sheet name", Type.TEXT), new Column("description", "Sheet description", Type.TEXT),
                    new Column("table", "Table name", Type.TEXT), new Column("rows", "Rows", Type.COUNT)),
                    listed.stream().map(p -> List.<Cell>of(Cell.text(p.sheet()), Cell.text(p.description()),
                            p.table() == null ? Cell.text(p.sheet().equals(NOTES) ? "notes" : "(charts)") : Cell.text(excelName(p.table().name())),
                            p.table() == null ? (p.sheet().equals(NOTES) ? new PublishedTable.Count(notes.all().size())
                                    : new PublishedTable.Missing(WorkbookSheet.Shorthand.NOT_APPLICABLE)) : new PublishedTable.Count(Math.max(1, p.table().rows().size()))))
                            .toList());
            s.table(table, new WorkbookSheet.Options("contents", headings(table), r -> "'" + listed.get(r).sheet() + "'!A1", ""));
        }

        private void notesSheet(WorkbookSheet s) {
            s.title("Notes");
            s.text("This worksheet contains one table. Headers refer to these notes as [note N].");
            PublishedTable table = new PublishedTable("notes", "Notes", List.of(
                    new Column("note", "Note number", Type.TEXT), new Column("text", "Note text", Type.TEXT)),
                    notes.all().stream().map(n -> List.<Cell>of(Cell.text("[note " + n.number() + "]"), Cell.text(n.text()))).toList());
            s.table(table, new WorkbookSheet.Options("notes", headings(table), null, ""));
        }

        private WorkbookSheet.Placement tableSheet(WorkbookSheet s, Planned p) {
            PublishedTable table = p.table();
            s.title(capitalised(table.title()));
            s.text("This worksheet contains one table" + (table.rows().isEmpty() ? "." : ", of " + String.format(Locale.UK, "%,d",
                    table.rows().size()) + (table.rows().size() == 1 ? " row." : " rows."))
                    + (input.tables().contains(table) ? " Its columns are those of tables/" + table.name() + ".csv." : ""));
            if (!labels.isEmpty() && List.of("kpis", "run_charts", "kpi_dashboard").contains(table.name())) {
                s.label(labels);
            }
            if (table.name().equals("summary") && !input.analysis().judgements().isEmpty()) {
                s.text("The rule against the evaluation team's judgements: " + input.analysis().judgementAgreement().describe() + ".");
            }
            if (table.name().equals("judgements") && !input.analysis().judgements().isEmpty()) {
                long differ = input.analysis().judgements().stream().filter(j -> !j.agree()).count();
                s.text("The rule against the evaluation team's judgements: " + input.analysis().judgementAgreement().describe()
                        + ". Filter the Agree column for \"no\" to see the " + differ + (differ == 1 ? " disagreement" : " disagreements")
                        + " with both reasons.");
            }
            if (table.name().equals("rejected_rows") && input.rejects().size() > MAX_REJECTS) {
                s.text("The first " + MAX_REJECTS + " of " + input.rejects().size() + " rejected rows: every reject is in rejects.csv.");
            }
            return s.table(table, new WorkbookSheet.Options(excelName(table.name()), notes.headings(table), null, p.whenEmpty()));
        }

        private void dashboard(WorkbookSheet s, Planned p, WorkbookCharts charts) {
            s.title("Dashboard: the KPIs to date");
            s.text("This worksheet contains one table: each KPI for the whole programme to date (every ended period pooled) "
                    + "against its target, with its verdict, and its latest ended period. The trend beside each row is a native chart "
                    + "of its run chart's values, drawn from the Run chart data table.");
            KpiVerdicts kpis = input.analysis().kpiVerdicts();
            s.text("Verdicts (" + KpiVerdicts.WHAT + "): " + java.util.Arrays.stream(Verdict.values())
                    .map(v -> v.label() + " " + kpis.count(v)).collect(Collectors.joining(", ")) + "; " + kpis.indicators() + " in all.");
            if (!labels.isEmpty()) {
                s.label(labels);
            }
            WorkbookSheet.Placement placed = s.table(p.table(), new WorkbookSheet.Options("kpi_dashboard",
                    notes.headings(p.table()), null, p.whenEmpty()));
            if (!p.table().rows().isEmpty()) {
                charts.sparklines(s, placed, p.table());
            }
        }

        private void runCharts(WorkbookSheet s, WorkbookCharts charts) {
            s.title("Run charts");
            if (!labels.isEmpty()) {
                s.label(labels);
            }
            charts.runCharts(s);
        }

        /** The KPIs to date, one row per KPI with a figure for the whole programme, from the kpis table's own cells. */
        private PublishedTable dashboardTable() {
            PublishedTable kpis = input.table("kpis");
            int kpi = kpis.columnIndex("kpi");
            int unit = kpis.columnIndex("unit");
            int period = kpis.columnIndex("period");
            int status = kpis.columnIndex("status");
            Map<String, String> labelsById = new LinkedHashMap<>();
            input.project().theoryOfChange().indicators().forEach(i -> labelsById.put(i.id(), i.label()));
            List<List<Cell>> rows = new ArrayList<>();
            for (List<Cell> row : kpis.rows()) {
                if (!row.get(unit).csv().isEmpty() || !row.get(period).csv().equals(org.evident.analysis.KpiRow.TO_DATE)) {
                    continue;
                }
                String id = row.get(kpi).csv();
                List<Cell> latest = null;
                for (List<Cell> other : kpis.rows()) {
                    if (other.get(kpi).csv().equals(id) && other.get(unit).csv().isEmpty()
                            && !other.get(period).csv().equals(org.evident.analysis.KpiRow.TO_DATE)
                            && !other.get(status).csv().startsWith(org.evident.analysis.KpiRow.IN_PROGRESS)) {
                        latest = other;
                    }
                }
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.text(labelsById.getOrDefault(id, id)));
                cells.add(row.get(kpis.columnIndex("measure")));
                cells.add(row.get(kpis.columnIndex("value")));
                Cell target = row.get(kpis.columnIndex("target"));
                // A KPI without a target has none to meet: not applicable, rather than a figure not available.
                cells.add(target instanceof PublishedTable.Missing ? new PublishedTable.Missing(WorkbookSheet.Shorthand.NOT_APPLICABLE)
                        : target);
                cells.add(Cell.text(row.get(kpis.columnIndex("verdict")).csv().isEmpty() ? WorkbookSheet.Shorthand.NOT_APPLICABLE
                        : row.get(kpis.columnIndex("verdict")).csv()));
                cells.add(latest == null ? Cell.text(WorkbookSheet.Shorthand.NOT_AVAILABLE) : latest.get(period));
                cells.add(latest == null ? PublishedTable.Missing.BLANK : latest.get(kpis.columnIndex("value")));
                cells.add(latest == null ? PublishedTable.Missing.BLANK : latest.get(kpis.columnIndex("change")));
                cells.add(latest == null ? PublishedTable.Missing.BLANK : latest.get(kpis.columnIndex("signal")));
                cells.add(Cell.text(id));
                rows.add(cells);
            }
            return new PublishedTable("kpi_dashboard", "Dashboard", List.of(
                    new Column("label", "KPI", Type.TEXT), new Column("measure", "Measure", Type.TEXT),
                    new Column("value", "To date", Type.NUMBER), new Column("target", "Target", Type.NUMBER),
                    new Column("verdict", "Verdict", Type.TEXT), new Column("latest_period", "Latest period", Type.TEXT),
                    new Column("latest_value", "Latest value", Type.NUMBER), new Column("change", "Change from previous period", Type.NUMBER),
                    new Column("signal", "Signal", Type.TEXT), new Column("kpi", "KPI id", Type.TEXT)), rows);
        }

        /** The Summary's counts: grades, survey verdicts and the KPI verdicts, as one table. */
        private PublishedTable summaryTable() {
            AnalysisResult analysis = input.analysis();
            List<List<Cell>> rows = new ArrayList<>();
            String grades = "Outcomes and impacts by latest grade";
            Map<Grade, Long> byGrade = new EnumMap<>(Grade.class);
            analysis.latestEvidence().forEach(a -> a.grade().ifPresent(g -> byGrade.merge(g, 1L, Long::sum)));
            for (Grade grade : new Grade[] {Grade.STRONGEST, Grade.SOME, Grade.LIMITED}) {
                rows.add(summaryRow(grades, grade.label(), byGrade.getOrDefault(grade, 0L)));
            }
            rows.add(summaryRow(grades, Grade.labelOf(Optional.empty()),
                    analysis.latestEvidence().stream().filter(a -> !a.assessed()).count()));
            rows.add(summaryRow(grades, "All outcomes and impacts", analysis.latestEvidence().size()));
            String survey = "Survey verdicts (items and options with a threshold)";
            List<Optional<Verdict>> verdicts = analysis.surveyItems().stream().map(SurveyRow::verdict).toList();
            for (Verdict v : Verdict.values()) {
                rows.add(summaryRow(survey, v.label(), verdicts.stream().filter(x -> x.equals(Optional.of(v))).count()));
            }
            // The same totals as the report's summary, counted once (KpiVerdicts).
            KpiVerdicts kpis = analysis.kpiVerdicts();
            String kpi = "KPI verdicts (" + KpiVerdicts.WHAT + ")";
            for (Verdict v : Verdict.values()) {
                rows.add(summaryRow(kpi, v.label(), kpis.count(v)));
            }
            rows.add(summaryRow(kpi, "All KPIs with a verdict", kpis.indicators()));
            return new PublishedTable("summary", "Summary: grades and verdicts, counted", List.of(
                    new Column("topic", "Topic", Type.TEXT), new Column("category", "Category", Type.TEXT),
                    new Column("count", "Count", Type.COUNT)), rows);
        }

        private static List<Cell> summaryRow(String topic, String category, long count) {
            return List.of(Cell.text(topic), Cell.text(category), new PublishedTable.Count(count));
        }

        private PublishedTable periodsTable() {
            Evaluation evaluation = input.project().evaluation();
            Set<String> ids = new LinkedHashSet<>();
            input.analysis().evidence().forEach(a -> ids.add(a.period()));
            evaluation.assessmentPeriods().forEach(p -> ids.add(p.id()));
            List<List<Cell>> rows = new ArrayList<>();
            for (String id : ids) {
                var period = evaluation.period(id);
                rows.add(List.of(Cell.text(id), Cell.text(period.map(p -> p.start().toString()).orElse(WorkbookSheet.Shorthand.NOT_AVAILABLE)),
                        Cell.text(period.map(p -> p.end().toString()).orElse(WorkbookSheet.Shorthand.NOT_AVAILABLE)),
                        Cell.text(period.map(org.evident.toc.Period::label).orElse(id))));
            }
            return new PublishedTable("assessment_periods", "Assessment periods", List.of(
                    new Column("period", "Period", Type.TEXT), new Column("from", "From", Type.TEXT),
                    new Column("to", "To", Type.TEXT), new Column("label", "Label", Type.TEXT)), rows);
        }

        private PublishedTable rowsReadTable() {
            List<List<Cell>> rows = new ArrayList<>();
            for (Reconciliation r : input.reconciliations()) {
                rows.add(List.of(Cell.text(r.file()), new PublishedTable.Count(r.read()), new PublishedTable.Count(r.accepted()),
                        new PublishedTable.Count(r.rejected())));
            }
            rows.add(List.of(Cell.text(Delivery.TOTAL),
                    new PublishedTable.Count(input.reconciliations().stream().mapToLong(Reconciliation::read).sum()),
                    new PublishedTable.Count(input.reconciliations().stream().mapToLong(Reconciliation::accepted).sum()),
                    new PublishedTable.Count(input.reconciliations().stream().mapToLong(Reconciliation::rejected).sum())));
            return new PublishedTable("rows_read", "Rows read per file", List.of(
                    new Column("file", "File", Type.TEXT), new Column("read", "Rows read", Type.COUNT),
                    new Column("accepted", "Accepted", Type.COUNT), new Column("rejected", "Rejected", Type.COUNT)), rows);
        }

        private PublishedTable rejectsTable() {
            List<Reject> rejects = input.rejects();
            return new PublishedTable("rejected_rows", "Rejected rows", List.of(
                    new Column("file", "File", Type.TEXT), new Column("row", "Row", Type.COUNT),
                    new Column("column", "Column", Type.TEXT), new Column("value", "Value", Type.TEXT),
                    new Column("reason", "Reason", Type.TEXT), new Column("expected", "Expected", Type.TEXT)),
                    rejects.subList(0, Math.min(MAX_REJECTS, rejects.size())).stream().map(r -> List.<Cell>of(Cell.text(r.file()),
                            Cell.count(OptionalLong.of(r.row())), Cell.text(r.column()), Cell.text(r.value()), Cell.text(r.reason()),
                            Cell.text(r.expected()))).toList());
        }

        private PublishedTable gapsTable() {
            return new PublishedTable("data_gaps", "Data gaps", List.of(new Column("gap", "Gap", Type.TEXT)),
                    input.gaps().stream().map(g -> List.of(Cell.text(g))).toList());
        }

        private static List<String> headings(PublishedTable table) {
            return table.columns().stream().map(Column::heading).toList();
        }

        private static String capitalised(String text) {
            return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        }
    }
}
