package org.evident.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.PublishedTable;
import org.evident.diagram.TocDiagram;
import org.evident.ingest.IngestResult;
import org.evident.ingest.PersonalDataFile;
import org.evident.ingest.RejectsFile;
import org.evident.toc.EvaluationProject;

/**
 * Everything one run of an evaluation writes, behind one entry: the output folder's layout
 * (report.pdf, report.docx, report.html, evidence.xlsx, toc.svg, toc.png, toc.html, toc-VIEW.svg, rejects.csv,
 * personal_data.csv, data_gaps.txt,
 * charts/, tables/), the diagram coloured by the latest grades, and the dated snapshot of the
 * grades in the history folder, read back by the next run to say what changed.
 *
 * <p>{@link #prepare} and {@link #begin} start the slow first uses (the PDF's font metrics, the diagram's layout) on
 * spare threads while the caller reads and analyses the data; {@link #write} then writes every
 * output into a staging folder that replaces {@code out} only once all are written.
 */
public final class RunOutputs {
    /** The files and folders a run writes into its output folder, in the order a reader meets them. */
    public static final List<String> FILES = List.of("report.pdf", "report.docx", "report.html", "evidence.xlsx", "toc.svg", "toc.png", "toc.html",
            "rejects.csv", "personal_data.csv", "data_gaps.txt", "charts/", "tables/", OutputFolder.MANIFEST);

    private final EvaluationProject project;
    private final Path history;
    private final TocDiagram diagram;

    private RunOutputs(EvaluationProject project, Path history) {
        this.project = project;
        this.history = history;
        this.diagram = DiagramLayouts.of(project.theoryOfChange());
    }

    /**
     * Loads what the PDF needs first (the standard fonts' metrics) on a spare thread: call it
     * before opening the project, whose reading leaves the other core mostly idle.
     */
    public static void prepare(Set<Output> parts) {
        if (parts.contains(Output.REPORT)) {
            CompletableFuture.runAsync(ReportPdf::prepare);
        }
    }

    /**
     * Prepares the outputs of a run of {@code project} whose grade snapshots are kept in
     * {@code history}: the PDF's font metrics and the diagram's first layout (about 2 s, mostly
     * class loading; a failure there shows when the diagram is drawn) start now, in the background.
     */
    public static RunOutputs begin(EvaluationProject project, Path history) {
        return begin(project, history, Output.all());
    }

    /** As {@link #begin(EvaluationProject, Path)}, laying out the diagram only when {@code parts} draw it. */
    public static RunOutputs begin(EvaluationProject project, Path history, Set<Output> parts) {
        RunOutputs outputs = new RunOutputs(project, history);
        if (drawsDiagram(parts)) {
            CompletableFuture.runAsync(() -> Timings.time("diagram layout (background)", outputs.diagram::toSvg));
        }
        return outputs;
    }

    /**
     * Throws IllegalArgumentException, saying why, when {@code out} must not be replaced by this
     * run's outputs: a file, a folder not written by Evident (see {@link OutputFolder}), the project
     * or history folder, a record store, the home or current folder, or a folder containing one of them. Call it
     * before the slow work; {@link #write} checks again.
     */
    public void checkOut(Path out) {
        OutputFolder.checkReplaceable(out, kept());
    }

    /**
     * data_gaps.txt: the indicator-periods without data, then what was noticed about the data
     * files (month-first dates, a renamed column, a quarter in progress): printed on the console
     * too, but a console is gone once the run ends, and these can change what the numbers mean.
     */
    static String dataGaps(IngestResult data) {
        StringBuilder text = new StringBuilder();
        data.gaps().forEach(g -> text.append(g).append('\n'));
        if (!data.warnings().isEmpty()) {
            text.append(data.gaps().isEmpty() ? "" : "\n").append("warnings about the data files:\n");
            data.warnings().forEach(w -> text.append(w).append('\n'));
        }
        return text.toString();
    }

    /** The folders the output folder must never be, nor contain: the project, the history and every record store. */
    private List<Path> kept() {
        List<Path> kept = new java.util.ArrayList<>(List.of(project.directory(), history));
        project.evaluation().sources().forEach(s -> s.records().ifPresent(r -> kept.add(r.store())));
        return kept;
    }

    /** The snapshot this run compares with: the most recent one dated before the reporting date. */
    public record Comparison(AnalysisResult analysis, Optional<LocalDate> earlier) {
    }

    /**
     * The analysis with what changed since the most recent earlier snapshot in the history
     * folder added to its changes, or as it is when there is none.
     */
    public Comparison compareWithHistory(AnalysisResult analysis) {
        Optional<EvidenceHistory.Snapshot> earlier = io(() -> EvidenceHistory.before(history,
                project.evaluation().reportingDate()));
        return earlier.map(e -> new Comparison(analysis.withEarlierAssessment(e.latestGrades(), e.date().toString()),
                Optional.of(e.date()))).orElseGet(() -> new Comparison(analysis, Optional.empty()));
    }

    /** What a run wrote. */
    public record Written(Path folder, int charts, int tables, int rejects, Path snapshot) {
    }

    /**
     * Writes every output into {@code out}, which is replaced only once all of them are written,
     * then this reporting date's snapshot of the grades into the history folder.
     */
    public Written write(IngestResult data, AnalysisResult analysis, Path out) {
        return write(data, analysis, out, Output.all());
    }

    /**
     * Writes the {@code parts} asked for (the tables always) into {@code out}, which is replaced
     * only once all of them are written, then this reporting date's snapshot of the grades into the
     * history folder. A part not asked for is not made at all: the tables alone take no chart,
     * diagram or page layout.
     */
    public Written write(IngestResult data, AnalysisResult analysis, Path out, Set<Output> parts) {
        boolean report = parts.contains(Output.REPORT);
        boolean html = report || parts.contains(Output.HTML);
        boolean diagramFiles = parts.contains(Output.DIAGRAM);
        boolean drawn = drawsDiagram(parts);
        List<PublishedTable> tables = Timings.time("tables", analysis::publishedTables);
        int[] chartCount = new int[1];
        OutputFolder.writeAtomically(out, kept(), folder -> {
            // The workbook and the small files need the tables only: they are written on the other
            // core from the start, beside the charts, the diagram and the PDF on this one (each of
            // those single-threaded), so the stage takes the time of the longer side, not of both.
            ReportInput tablesOnly = new ReportInput(project, analysis, data.reconciliations(), data.rejects(), data.gaps(), "",
                    new byte[0], List.of(), null, tables);
            CompletableFuture<Void> workbook = CompletableFuture.runAsync(() -> {
                if (parts.contains(Output.WORKBOOK)) {
                    Timings.time("workbook", () -> EvidenceWorkbook.write(tablesOnly, folder.resolve("evidence.xlsx")));
                }
                io(() -> {
                    RejectsFile.write(data.rejects(), folder.resolve("rejects.csv"));
                    PersonalDataFile.write(data.personalData(), folder.resolve("personal_data.csv"));
                    CsvTables.write(tables, folder.resolve("tables"));
                    return Files.writeString(folder.resolve("data_gaps.txt"), dataGaps(data), StandardCharsets.UTF_8);
                });
            });
            if (drawn) {
                TocDiagram coloured = coloured(analysis);
                List<ChartImage> charts = html ? Timings.time("charts", () -> Charts.all(analysis)) : List.of();
                chartCount[0] = charts.size();
                String tocSvg = Timings.time("diagram SVG", coloured::toSvg);
                byte[] tocPng = Timings.time("diagram PNG", () -> coloured.toPng(1.0));
                ReportInput input = new ReportInput(project, analysis, data.reconciliations(), data.rejects(), data.gaps(), tocSvg,
                        tocPng, charts, g -> coloured.draw(g, true), tables);
                if (diagramFiles) {
                    Files.writeString(folder.resolve("toc.svg"), tocSvg, StandardCharsets.UTF_8);
                    Files.write(folder.resolve("toc.png"), tocPng);
                    Files.writeString(folder.resolve("toc.html"), TocHtml.of(input), StandardCharsets.UTF_8);
                    for (TocView view : Timings.time("diagram views", () -> TocView.all(project.theoryOfChange(), analysis, diagram))) {
                        Files.writeString(folder.resolve(view.fileName()), view.diagram().toSvg(), StandardCharsets.UTF_8);
                    }
                }
                if (report) {
                    Path chartFolder = Files.createDirectories(folder.resolve("charts"));
                    for (ChartImage chart : charts) {
                        Files.writeString(chartFolder.resolve(chart.name() + ".svg"), chart.svg(), StandardCharsets.UTF_8);
                        Files.write(chartFolder.resolve(chart.name() + ".png"), chart.png());
                    }
                    Timings.time("PDF", () -> ReportPdf.write(input, folder.resolve("report.pdf"), folder.resolve("report.html"),
                            folder.resolve("report.docx")));
                } else if (html) {
                    Files.writeString(folder.resolve("report.html"), Timings.time("HTML", () -> ReportHtml.of(input)),
                            StandardCharsets.UTF_8);
                }
            }
            join(workbook);
        });
        Path snapshot = io(() -> EvidenceHistory.write(history, project.evaluation().reportingDate(), analysis.evidence()));
        return new Written(out, chartCount[0], tables.size(), data.rejects().size(), snapshot);
    }

    /**
     * A report's input without the run's charts or files: the tests of the report writers use it,
     * so they see the same diagram colouring as a run.
     */
    static ReportInput reportInput(EvaluationProject project, IngestResult data, AnalysisResult analysis,
                                   List<ChartImage> charts) {
        TocDiagram coloured = new RunOutputs(project, Path.of("history")).coloured(analysis);
        return new ReportInput(project, analysis, data.reconciliations(), data.rejects(), data.gaps(), coloured.toSvg(),
                coloured.toPng(1.0), charts, g -> coloured.draw(g, true));
    }

    /** The diagram titled with the latest assessment period, each outcome and impact filled by its latest grade (white: not yet assessed). */
    private TocDiagram coloured(AnalysisResult analysis) {
        return TocColours.latest(project.theoryOfChange(), analysis).apply(diagram.titled(project.evaluation().programme()
                + ": evidence at " + analysis.latestEvidence().stream().map(a -> Summary.periodLabel(project, a.period()))
                        .findFirst().orElse(project.evaluation().reportingDate().toString())));
    }

    /** Whether {@code parts} show the diagram: the report (PDF or HTML) or the diagram's own files. */
    private static boolean drawsDiagram(Set<Output> parts) {
        return parts.contains(Output.REPORT) || parts.contains(Output.HTML) || parts.contains(Output.DIAGRAM);
    }

    /** The future's value; its failure thrown as it was thrown (an unchecked exception), not wrapped. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T io(Io<T> io) {
        try {
            return io.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
