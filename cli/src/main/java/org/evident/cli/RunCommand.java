package org.evident.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.Grade;
import org.evident.analysis.KpiRow;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.RecordEngine;
import org.evident.ingest.Pseudonymiser;
import org.evident.ingest.Reconciliation;
import org.evident.ingest.RejectsFile;
import org.evident.reports.ChartImage;
import org.evident.reports.Charts;
import org.evident.reports.CsvTables;
import org.evident.reports.EvidenceHistory;
import org.evident.reports.EvidenceWorkbook;
import org.evident.reports.GradeColours;
import org.evident.reports.OutputFolder;
import org.evident.reports.ReportInput;
import org.evident.reports.ReportPdf;
import org.evident.reports.Timings;
import org.evident.toc.EvaluationProject;
import org.evident.toc.TheoryOfChange;
import org.evident.diagram.TocDiagram;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

/** {@code evident run}: the whole evaluation, from project files to reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the evaluation end to end and write its outputs to a folder.",
            "The folder is replaced only when every output has been written.",
            "Respondent identifiers are pseudonymised with the key in $" + Pseudonymiser.KEY_VARIABLE
                + ", or the file named by $" + Pseudonymiser.KEY_FILE_VARIABLE
                + ", or ~/.config/evident/pseudonym.key (created on first use)."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ProjectArgument project;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The output folder.")
    Path out;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Where dated snapshots of the evidence grades are kept (default: the project's history/ folder).")
    Path history;

    @Option(names = "--fail-on-reject",
            description = "Exit with code 3 if any row of any data file is rejected (the outputs are still written).")
    boolean failOnReject;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where record-level sources are read and aggregated: local (in this process; the default)"
                    + " or spark. The other sources are small and always read in this process.")
    Engine engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master for --engine spark: local[*] (the default), local[N] or spark://HOST:PORT."
                    + " Under spark-submit, the master it was given.")
    String master;

    /** The engines of --engine. */
    enum Engine { local, spark }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (master != null && engine != Engine.spark) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--master is for --engine spark");
        }
        PrintWriter err = spec.commandLine().getErr();
        // While this thread opens the project, the other core is mostly idle: load the PDF's
        // font metrics there, off the report's path at the end of the run.
        java.util.concurrent.CompletableFuture.runAsync(ReportPdf::prepare);
        err.println("[1/4] reading " + project.folder);
        EvaluationProject opened = project.open();
        TheoryOfChange toc = opened.theoryOfChange();
        opened.warnings().forEach(err::println);
        err.println("      " + opened.evaluation().programme() + ": " + Evident.plural(toc.nodes().size(), "node") + ", "
                + Evident.plural(toc.links().size(), "link") + ", " + Evident.plural(toc.indicators().size(), "indicator")
                + ", " + Evident.plural(opened.warnings().size(), "warning"));

        // ELK's first layout takes about 2 s, mostly class loading: start it now, beside the reading
        // and analysis; the diagram drawn later shares this layout (a failure here shows there).
        TocDiagram base = TocDiagram.of(toc);
        java.util.concurrent.CompletableFuture.runAsync(() -> Timings.time("diagram layout (background)", base::toSvg));

        err.println("[2/4] reading the data files");
        Pseudonymiser pseudonymiser = ProjectArgument.pseudonymiser(opened);
        IngestResult data;
        try (RecordEngine records = engine == Engine.spark ? RecordEngine.spark(master) : RecordEngine.inProcess()) {
            data = Timings.time("reading the data", () -> Ingest.read(opened, pseudonymiser,
                    line -> err.println("      " + line), records));
        }
        for (Reconciliation reconciliation : data.reconciliations()) {
            err.println("      " + reconciliation);
        }
        err.println("      " + Evident.plural(data.indicatorData().size(), "indicator value") + " mapped onto the theory of change; "
                + Evident.plural(data.gaps().size(), "indicator-period") + " without data (listed in data_gaps.txt)");

        err.println("[3/4] analysing");
        Path historyFolder = history != null ? history : opened.directory().resolve("history");
        AnalysisResult analysis = Timings.time("analysis", () -> Analysis.run(opened, data));
        Optional<EvidenceHistory.Snapshot> earlier = read(() -> EvidenceHistory.before(historyFolder,
                opened.evaluation().reportingDate()));
        if (earlier.isPresent()) {
            analysis = analysis.withEarlierAssessment(earlier.get().latestGrades(), earlier.get().date().toString());
        }
        err.println("      " + verdicts("survey", analysis.surveyItems().stream().map(SurveyRow::verdict).toList()));
        err.println("      " + verdicts("KPI", analysis.kpis().stream().map(KpiRow::verdict).toList()) + "; "
                + Evident.plural(analysis.kpiCharts().size(), "run chart"));
        err.println("      evidence grades (" + opened.evaluation().rubric().name() + "), latest period: "
                + grades(analysis.latestEvidence()) + earlier.map(e -> "; compared with the assessment of " + e.date()).orElse(""));

        err.println("[4/4] writing the diagram, charts, tables and report");
        Map<String, String> fill = new java.util.HashMap<>();
        analysis.latestEvidence().forEach(a -> fill.put(a.node(), GradeColours.fill(a.grade())));
        TocDiagram diagram = base.titled(opened.evaluation().programme() + ": evidence at "
                + analysis.latestEvidence().stream().map(Assessment::period).findFirst().orElse(opened.evaluation().reportingDate().toString()))
                .coloured(fill, GradeColours.legend());
        AnalysisResult analysed = analysis;
        List<Table> tables = Timings.time("tables", analysed::tables);
        // The diagram's files beside the charts (which keep both cores busy), not after them.
        java.util.concurrent.CompletableFuture<byte[]> tocPngDrawn = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Timings.time("diagram PNG", () -> diagram.toPng(1.0)));
        List<ChartImage> charts = Timings.time("charts", () -> Charts.all(analysed));
        String tocSvg = Timings.time("diagram SVG", diagram::toSvg);
        byte[] tocPng = join(tocPngDrawn);
        ReportInput report = new ReportInput(opened, analysis, data.reconciliations(), data.rejects(), data.gaps(), tocSvg,
                tocPng, charts, g -> diagram.draw(g, true));
        OutputFolder.writeAtomically(out, folder -> {
            Files.writeString(folder.resolve("toc.svg"), tocSvg, StandardCharsets.UTF_8);
            Files.write(folder.resolve("toc.png"), tocPng);
            Path chartFolder = Files.createDirectories(folder.resolve("charts"));
            for (ChartImage chart : charts) {
                Files.writeString(chartFolder.resolve(chart.name() + ".svg"), chart.svg(), StandardCharsets.UTF_8);
                Files.write(chartFolder.resolve(chart.name() + ".png"), chart.png());
            }
            // The workbook and the PDF are each single-threaded and read the same finished input:
            // written side by side they take the time of the slower, not of both. The PDF is the
            // slower, so the small files are written after the workbook, on its thread.
            java.util.concurrent.CompletableFuture<Void> workbook = java.util.concurrent.CompletableFuture.runAsync(() -> {
                Timings.time("workbook", () -> EvidenceWorkbook.write(report, folder.resolve("evidence.xlsx")));
                try {
                    RejectsFile.write(data.rejects(), folder.resolve("rejects.csv"));
                    CsvTables.write(tables, folder.resolve("tables"));
                    Files.writeString(folder.resolve("data_gaps.txt"), String.join("\n", data.gaps())
                            + (data.gaps().isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Timings.time("PDF", () -> ReportPdf.write(report, folder.resolve("report.pdf"), folder.resolve("report.html")));
            join(workbook);
        });
        Path snapshot = read(() -> EvidenceHistory.write(historyFolder, opened.evaluation().reportingDate(),
                tables.stream().filter(t -> t.name().equals("evidence")).findFirst().orElseThrow()));
        err.println("      evidence snapshot: " + snapshot);
        Timings.mark("end");
        spec.commandLine().getOut().println("wrote " + out + ": report.pdf, report.html, evidence.xlsx, toc.svg, toc.png, rejects.csv ("
                + Evident.plural(data.rejects().size(), "reject") + "), data_gaps.txt, charts/ ("
                + Evident.plural(charts.size(), "chart") + "), tables/ (" + Evident.plural(tables.size(), "CSV table") + ")");
        if (failOnReject && data.rejectedRows() > 0) {
            err.println("evident: " + Evident.plural(data.rejectedRows(), "row") + " rejected and --fail-on-reject is set"
                    + " (see " + out.resolve("rejects.csv") + ")");
            return Evident.INVALID_INPUT;
        }
        return Evident.OK;
    }

    /** The future's value; its failure thrown as it was thrown (an unchecked exception), not wrapped. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** "survey verdicts: 1 met, 0 not met, 6 inconclusive (of 7 with a threshold)". */
    private static String verdicts(String what, List<Optional<Verdict>> verdicts) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        verdicts.stream().flatMap(Optional::stream).forEach(v -> counts.merge(v, 1L, Long::sum));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return what + " verdicts: " + counts.getOrDefault(Verdict.MET, 0L) + " met, " + counts.getOrDefault(Verdict.NOT_MET, 0L)
                + " not met, " + counts.getOrDefault(Verdict.INCONCLUSIVE, 0L) + " inconclusive (of " + total
                + " with a target)";
    }

    /** "1 Strongest evidence, 9 Some evidence, 6 Limited or no evidence". */
    static String grades(List<Assessment> latest) {
        Map<Grade, Long> counts = new EnumMap<>(Grade.class);
        latest.forEach(a -> counts.merge(a.grade(), 1L, Long::sum));
        List<String> parts = new java.util.ArrayList<>();
        for (Grade g : List.of(Grade.STRONGEST, Grade.SOME, Grade.LIMITED)) {
            parts.add(counts.getOrDefault(g, 0L) + " " + g.label());
        }
        return String.join(", ", parts);
    }

    private interface Io<T> {
        T get() throws java.io.IOException;
    }

    private static <T> T read(Io<T> io) {
        try {
            return io.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
