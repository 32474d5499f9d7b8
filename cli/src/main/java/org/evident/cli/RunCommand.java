package org.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.KpiRow;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.RecordEngine;
import org.evident.ingest.Pseudonymiser;
import org.evident.ingest.Reconciliation;
import org.evident.reports.RunOutputs;
import org.evident.reports.Timings;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.evident.toc.TheoryOfChange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        RunOutputs.prepare();
        err.println("[1/4] reading " + project.folder);
        EvaluationProject opened = project.open();
        TheoryOfChange toc = opened.theoryOfChange();
        opened.warnings().forEach(err::println);
        err.println("      " + opened.evaluation().programme() + ": " + Evident.plural(toc.nodes().size(), "node") + ", "
                + Evident.plural(toc.links().size(), "link") + ", " + Evident.plural(toc.indicators().size(), "indicator")
                + ", " + Evident.plural(opened.warnings().size(), "warning"));
        RunOutputs outputs = RunOutputs.begin(opened, history != null ? history : opened.directory().resolve("history"));
        outputs.checkOut(out);

        err.println("[2/4] reading the data files");
        IngestResult data = ingest(opened, err);
        err.println("      " + Evident.plural(data.indicatorData().size(), "indicator value") + " mapped onto the theory of change; "
                + Evident.plural(data.gaps().size(), "indicator-period") + " without data (listed in data_gaps.txt)");

        err.println("[3/4] analysing");
        RunOutputs.Comparison compared = outputs.compareWithHistory(Timings.time("analysis", () -> Analysis.run(opened, data)));
        AnalysisResult analysis = compared.analysis();
        err.println("      " + verdicts("survey", analysis.surveyItems().stream().map(SurveyRow::verdict).toList()));
        err.println("      " + verdicts("KPI", analysis.kpis().stream().map(KpiRow::verdict).toList()) + "; "
                + Evident.plural(analysis.kpiCharts().size(), "run chart"));
        err.println("      evidence grades (" + opened.evaluation().rubric().name() + "), latest period: "
                + grades(analysis.latestEvidence()) + compared.earlier().map(e -> "; compared with the assessment of " + e).orElse(""));

        err.println("[4/4] writing the diagram, charts, tables and report");
        RunOutputs.Written written = outputs.write(data, analysis, out);
        err.println("      evidence snapshot: " + written.snapshot());
        Timings.mark("end");
        spec.commandLine().getOut().println("wrote " + out + ": report.pdf, report.html, evidence.xlsx, toc.svg, toc.png, rejects.csv ("
                + Evident.plural(written.rejects(), "reject") + "), data_gaps.txt, charts/ ("
                + Evident.plural(written.charts(), "chart") + "), tables/ (" + Evident.plural(written.tables(), "CSV table") + ")");
        if (failOnReject && data.rejectedRows() > 0) {
            err.println("evident: " + Evident.plural(data.rejectedRows(), "row") + " rejected and --fail-on-reject is set"
                    + " (see " + out.resolve("rejects.csv") + ")");
            return Evident.INVALID_INPUT;
        }
        return Evident.OK;
    }

    /** Reads every data file with the chosen engine, printing each file's reconciliation. */
    private IngestResult ingest(EvaluationProject opened, PrintWriter err) {
        Pseudonymiser pseudonymiser = ProjectArgument.pseudonymiser(opened);
        IngestResult data;
        try (RecordEngine records = engine == Engine.spark ? RecordEngine.spark(master) : RecordEngine.inProcess()) {
            data = Timings.time("reading the data", () -> Ingest.read(opened, pseudonymiser,
                    line -> err.println("      " + line), records));
        }
        for (Reconciliation reconciliation : data.reconciliations()) {
            err.println("      " + reconciliation);
        }
        data.warnings().forEach(err::println);
        return data;
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
}
