package org.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.KpiRow;
import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.RecordEngine;
import org.evident.ingest.PersonalDataFound;
import org.evident.ingest.PersonalDataKind;
import org.evident.ingest.Pseudonymiser;
import org.evident.ingest.Reconciliation;
import org.evident.reports.Output;
import org.evident.reports.RunOutputs;
import org.evident.reports.Timings;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.evident.toc.Source;
import org.evident.toc.TheoryOfChange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evident run}: the whole evaluation, from project files to reports. */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = false,
        description = {"Run the evaluation end to end and write its outputs to a folder.",
            "Respondent identifiers are pseudonymised with a secret key: the text of",
            "$" + Pseudonymiser.KEY_VARIABLE + ", else the file named by $" + Pseudonymiser.KEY_FILE_VARIABLE + ",",
            "else ~/.config/evident/pseudonym.key, which the first run creates.",
            "'evident key' shows where it is and its fingerprint."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (warnings may be printed)", "1:a file could not be read or written",
            "2:usage error", "3:invalid input data, or a rejected row with --fail-on-reject,",
            "  or personal data found in free text with --fail-on-personal-data"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ProjectArgument project;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = {"The output folder (required; created if missing).",
                "Every output is first written to a new folder beside",
                "it, which replaces DIR only once every output is",
                "written: a failed run leaves DIR as it was. DIR must",
                "be new, empty or an earlier Evident output (its",
                "evident-manifest.txt lists what it holds); anything",
                "else (a file, another folder, the project) is",
                "refused with exit code 2 and left as it is."})
    Path out;

    @Option(names = "--history", paramLabel = "DIR",
            description = {"Where dated snapshots of the evidence grades are",
                "kept, one file per reporting date.",
                "Default: the project's history/ folder, or",
                "history/ in the --state folder."})
    Path history;

    @Option(names = "--fail-on-reject",
            description = {"Exit with code 3 if any row of any data file is",
                "rejected (the outputs, with rejects.csv, are still",
                "written). Default: off (rejects are listed in",
                "rejects.csv and the run succeeds)."})
    boolean failOnReject;

    @Option(names = "--fail-on-personal-data",
            description = {"Exit with code 3 if personal data (a name, e-mail",
                "address, phone or NHS number, postcode or personal",
                "web address) was found in free text, for a",
                "publishing pipeline. The outputs are still written,",
                "with it redacted, and personal_data.csv says where",
                "it was. Default: off (redacted and listed)."})
    boolean failOnPersonalData;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = {"Where record-level sources are read and aggregated:",
                "local (in this process) or spark. The other sources",
                "are always read in this process. Default: local."})
    Engine engine;

    @Option(names = {"-v", "--verbose"},
            description = {"Also print every file of a records folder (in file",
                "order) and where record aggregates are stored.",
                "Default: a summary, one line per source."})
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = {"Print errors only.", "Default: a summary, one line per source."})
    boolean quiet;

    @Option(names = "--master", paramLabel = "URL",
            description = {"The Spark master for --engine spark: local[N] or",
                "spark://HOST:PORT. Default: local[*] (every core),",
                "or under spark-submit the master it was given."})
    String master;

    @Option(names = "--watch",
            description = {"Keep running: run again whenever a file of the",
                "project (or a data folder outside it) changes, and",
                "print each run's time; an error is printed and the",
                "watch goes on. Evident's own outputs (aggregates/,",
                "history/, --out) are ignored. Ctrl-C stops it.",
                "Default: run once."})
    boolean watch;

    @Option(names = "--only", split = ",", paramLabel = "OUTPUT",
            description = {"Write only these outputs, with the tables, which are",
                "always written: tables (tables/*.csv, rejects.csv,",
                "personal_data.csv, data_gaps.txt), workbook",
                "(evidence.xlsx), report (report.pdf, .docx, .html",
                "and charts/), html (report.html alone: no PDF or",
                "Word layout, for a quick look with --watch),",
                "diagram (toc.svg, .png, .html).",
                "Comma-separated, e.g. --only workbook,report. For a",
                "pipeline that needs the figures, not the documents.",
                "Default: everything."})
    List<Output> only;

    /** The engines of --engine. */
    enum Engine { local, spark }

    @Mixin
    StateOption state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (master != null && engine != Engine.spark) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--master is for --engine spark");
        }
        if (verbose && quiet) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--verbose and --quiet cannot be used together");
        }
        return watch ? WatchedRuns.loop(this) : runOnce();
    }

    /** One run of the evaluation, from opening the project to its outputs; its exit code. */
    int runOnce() {
        PrintWriter err = spec.commandLine().getErr();
        Console console = new Console(err, quiet ? Console.Level.QUIET : verbose ? Console.Level.VERBOSE : Console.Level.NORMAL);
        Timings.mark("run started");
        Set<Output> parts = parts();
        RunOutputs.prepare(parts);
        console.say("[1/4] reading " + project.folder);
        EvaluationProject opened = Timings.time("opening the project", () -> state.apply(project.open()));
        TheoryOfChange toc = opened.theoryOfChange();
        opened.warnings().forEach(w -> console.say(w.toString()));
        console.say("      " + opened.evaluation().programme() + ": " + Evident.plural(toc.nodes().size(), "node") + ", "
                + Evident.plural(toc.links().size(), "link") + ", " + Evident.plural(toc.indicators().size(), "indicator")
                + ", " + Evident.plural(opened.warnings().size(), "warning"));
        RunOutputs outputs = RunOutputs.begin(opened, state.history(opened, history), parts);
        outputs.checkOut(out);

        console.say("[2/4] reading the data files (rows read = accepted + rejected)");
        IngestResult data = ingest(opened, console);
        console.say("      " + Evident.plural(data.indicatorData().size(), "indicator value") + " mapped onto the theory of change; "
                + Evident.plural(data.gaps().size(), "indicator-period") + " without data (listed in data_gaps.txt)");
        if (!data.personalData().isEmpty()) {
            console.say("      personal data redacted from free text: " + personalData(data.personalData())
                    + " (where: personal_data.csv)");
        }

        console.say("[3/4] analysing");
        RunOutputs.Comparison compared = outputs.compareWithHistory(Timings.time("analysis", () -> Analysis.run(opened, data)));
        AnalysisResult analysis = compared.analysis();
        console.say("      " + verdicts("survey", analysis.surveyItems().stream().map(SurveyRow::verdict).toList()));
        // The same count as the report's and the workbook's: one to-date verdict per KPI.
        KpiVerdicts kpis = analysis.kpiVerdicts();
        console.say("      KPI verdicts to date: " + kpis.count(Verdict.MET) + " met, " + kpis.count(Verdict.NOT_MET) + " not met, "
                + kpis.count(Verdict.INCONCLUSIVE) + " inconclusive (of " + Evident.plural(kpis.indicators(), "KPI")
                + " with a target and a figure to date); " + analysis.kpiCharts().size()
                + " run chart series (tables/run_charts.csv; the report draws the programme's, not each unit's)");
        long differing = analysis.kpis().stream().filter(KpiRow::differsFromUnits).count();
        if (differing > 0) {
            console.say("      KPI roll-up: " + (differing == 1 ? "1 programme return differs from the sum of its units'"
                    : differing + " programme returns differ from the sums of their units'")
                    + " returns (see the status in kpis.csv)");
        }
        console.say("      evidence grades (" + opened.evaluation().rubric().name() + "), latest period: "
                + grades(analysis.latestEvidence()) + compared.earlier().map(e -> "; compared with the assessment of " + e).orElse(""));
        if (analysis.judgementAgreement().n() > 0) {
            console.say("      the evaluation team's judgements: the rule agrees on " + analysis.judgementAgreement().describe());
        }

        console.say(parts.equals(Output.all()) ? "[4/4] writing the diagram, charts, tables and report"
                : "[4/4] writing " + parts.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        RunOutputs.Written written = outputs.write(data, analysis, out, parts);
        console.say("      evidence snapshot: " + written.snapshot());
        Timings.mark("end");
        if (!quiet) {
            spec.commandLine().getOut().println("wrote " + out + ": " + (parts.contains(Output.REPORT) ? "report.pdf, report.docx, report.html, "
                    : parts.contains(Output.HTML) ? "report.html, " : "")
                    + (parts.contains(Output.WORKBOOK) ? "evidence.xlsx, " : "") + (parts.contains(Output.DIAGRAM) ? "toc.svg, toc.png, toc.html, " : "")
                    + "rejects.csv (" + Evident.plural(written.rejects(), "reject") + "), personal_data.csv, data_gaps.txt, "
                    + (parts.contains(Output.REPORT) ? "charts/ (" + Evident.plural(written.charts(), "chart") + "), " : "")
                    + "tables/ (" + Evident.plural(written.tables(), "CSV table") + ")");
        }
        boolean failed = false;
        if (failOnPersonalData && !data.personalData().isEmpty()) {
            err.println("evident: personal data found in free text (" + personalData(data.personalData())
                    + ") and --fail-on-personal-data is set; it is redacted in every output, see "
                    + out.resolve("personal_data.csv"));
            failed = true;
        }
        if (failOnReject && data.rejectedRows() > 0) {
            err.println("evident: " + Evident.plural(data.rejectedRows(), "row") + " rejected and --fail-on-reject is set"
                    + " (see " + out.resolve("rejects.csv") + ")");
            failed = true;
        }
        return failed ? Evident.INVALID_INPUT : Evident.OK;
    }

    /** The outputs --only asks for, with the tables; every output without it. */
    private Set<Output> parts() {
        return only == null || only.isEmpty() ? Output.all() : Output.withTables(EnumSet.copyOf(only));
    }

    /**
     * Reads every data file with the chosen engine, then prints one line per source (a records
     * folder as one line with its file count) and the total, in evaluation.yaml's order; with
     * --verbose each file of a folder too.
     */
    private IngestResult ingest(EvaluationProject opened, Console console) {
        Pseudonymiser pseudonymiser = ProjectArgument.pseudonymiser(opened);
        pseudonymiser.created().ifPresent(file -> KeyCommand.createdMessage(file, pseudonymiser.fingerprint())
                .forEach(console::say));
        IngestResult data;
        try (RecordEngine records = engine == Engine.spark ? RecordEngine.spark(master) : RecordEngine.inProcess()) {
            console.reading();
            data = Timings.time("reading the data", () -> Ingest.read(opened, pseudonymiser, console::progress, records));
        }
        Map<String, List<Reconciliation>> bySource = new LinkedHashMap<>();
        data.reconciliations().forEach(r -> bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
        Path folder = opened.directory().toAbsolutePath().normalize();
        long[] total = new long[3];
        for (Source source : opened.evaluation().sources()) {
            List<Reconciliation> files = bySource.getOrDefault(source.id(), List.of());
            long read = files.stream().mapToLong(Reconciliation::read).sum();
            long accepted = files.stream().mapToLong(Reconciliation::accepted).sum();
            total[0] += read;
            total[1] += accepted;
            total[2] += read - accepted;
            if (source.type() == Source.Type.RECORDS) {
                String name = folder.relativize(source.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
                console.say("      " + name + " (" + Evident.plural(files.size(), "file") + "): " + counts(read, accepted));
                files.forEach(f -> console.detail("        " + f));
            } else {
                files.forEach(f -> console.say("      " + f));
            }
        }
        console.say("      total: " + counts(total[0], total[1]) + " (every rejected row is in rejects.csv)");
        data.warnings().forEach(w -> console.say(w.toString()));
        return data;
    }

    /** "2 names, 1 phone, 1 NHS number": how many of each kind, in the kinds' order. */
    static String personalData(List<PersonalDataFound> found) {
        Map<PersonalDataKind, Long> counts = new EnumMap<>(PersonalDataKind.class);
        found.forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + switch (kind) {
            case NAME -> n == 1 ? "name" : "names";
            case EMAIL -> n == 1 ? "e-mail address" : "e-mail addresses";
            case PHONE -> n == 1 ? "phone number" : "phone numbers";
            case NHS_NUMBER -> n == 1 ? "NHS number" : "NHS numbers";
            case POSTCODE -> n == 1 ? "postcode" : "postcodes";
            case URL -> n == 1 ? "personal web address" : "personal web addresses";
        }));
        return String.join(", ", parts);
    }

    private static String counts(long read, long accepted) {
        return read + " rows read = " + accepted + " accepted + " + (read - accepted) + " rejected";
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

    /** "1 Strongest evidence, 9 Some evidence, 6 Limited or no evidence", then how many are not yet assessed, if any. */
    static String grades(List<Assessment> latest) {
        Map<Grade, Long> counts = new EnumMap<>(Grade.class);
        latest.forEach(a -> a.grade().ifPresent(g -> counts.merge(g, 1L, Long::sum)));
        List<String> parts = new java.util.ArrayList<>();
        for (Grade g : List.of(Grade.STRONGEST, Grade.SOME, Grade.LIMITED)) {
            parts.add(counts.getOrDefault(g, 0L) + " " + g.label());
        }
        long notYet = latest.stream().filter(a -> !a.assessed()).count();
        if (notYet > 0) {
            parts.add(notYet + " " + Grade.NOT_YET_ASSESSED.toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", parts);
    }
}
