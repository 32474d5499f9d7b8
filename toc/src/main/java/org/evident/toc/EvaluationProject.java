package org.evident.toc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An evaluation project folder: {@code evaluation.yaml}, {@code toc.yaml} and the data files
 * they name. Opening one reads and validates both files in a single pass.
 */
public record EvaluationProject(Path directory, Evaluation evaluation, TheoryOfChange theoryOfChange,
                                List<Problem> warnings, Optional<CodeFrame> codeFrame) {

    public static final String EVALUATION_FILE = "evaluation.yaml";
    public static final String TOC_FILE = "toc.yaml";

    public EvaluationProject {
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(codeFrame, "codeFrame");
    }

    /** A project without a code frame. */
    public EvaluationProject(Path directory, Evaluation evaluation, TheoryOfChange theoryOfChange, List<Problem> warnings) {
        this(directory, evaluation, theoryOfChange, warnings, Optional.empty());
    }

    /**
     * Reads and validates the project in {@code directory}.
     *
     * @throws InvalidProjectException with every problem found, if there is any error
     * @throws IllegalArgumentException if {@code directory} is not a folder
     */
    public static EvaluationProject open(Path directory) {
        return open(directory, Paths.INSIDE_PROJECT);
    }

    /** Where the files {@code evaluation.yaml} names (sources, rubric, record stores) may be. */
    public enum Paths {
        /** Inside the project folder only, symbolic links followed: the default, safe for a project from elsewhere. */
        INSIDE_PROJECT,
        /** Anywhere, e.g. record-level data on a shared file system. */
        ANYWHERE
    }

    /**
     * Reads and validates the project in {@code directory}, allowing the files it names to be
     * outside it when {@code paths} is {@link Paths#ANYWHERE}.
     *
     * @throws InvalidProjectException with every problem found, if there is any error
     * @throws IllegalArgumentException if {@code directory} is not a folder or has no evaluation.yaml
     */
    public static EvaluationProject open(Path directory, Paths paths) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a folder; expected an evaluation project folder holding "
                    + EVALUATION_FILE + " and " + TOC_FILE);
        }
        // A folder without evaluation.yaml is the wrong folder, as one that does not exist is: a
        // mistake in the command (usage), not a project with a problem in its files.
        if (!Files.exists(directory.resolve(EVALUATION_FILE))) {
            throw new IllegalArgumentException(directory + " is not an evaluation project: it has no " + EVALUATION_FILE
                    + "; expected a folder holding " + EVALUATION_FILE + " and " + TOC_FILE);
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Evaluation> evaluation = read(directory.resolve(EVALUATION_FILE), problems)
                .flatMap(yaml -> EvaluationReader.read(yaml, directory, paths));
        Optional<TheoryOfChange> toc = read(directory.resolve(TOC_FILE), problems).flatMap(TocReader::read);
        // The code frame is optional: a project without one has no themes, and its report no insight chapters.
        Path codeFrameFile = directory.resolve(CodeFrame.FILE);
        Optional<CodeFrame> codeFrame = toc.isPresent() && Files.isRegularFile(codeFrameFile)
                ? read(codeFrameFile, problems).flatMap(yaml -> CodeFrameReader.read(yaml, toc.get()))
                : Optional.empty();
        if (evaluation.isPresent() && toc.isPresent()) {
            unusedRecordMeasures(directory.resolve(EVALUATION_FILE).toString(), evaluation.get(), toc.get(), problems);
        }
        List<Problem> sorted = TheoryOfChange.sorted(problems);
        if (evaluation.isEmpty() || toc.isEmpty() || sorted.stream().anyMatch(Problem::isError)) {
            throw new InvalidProjectException(sorted);
        }
        List<Problem> warnings = sorted.stream().filter(p -> !p.isError()).toList();
        return new EvaluationProject(directory, evaluation.get(), toc.get(), warnings, codeFrame);
    }

    /**
     * How far the numbers behind {@code indicator} can be taken as real: the provenance of the source
     * they come from, where it declares one. A KPI measure computed from a record-level source comes
     * from that source; any other from the project's sources of its kind, labelled when any of them
     * is (the indicator does not name which file its figures are in).
     */
    public Optional<Provenance> provenance(Indicator indicator) {
        List<Source> records = evaluation.sources(Source.Type.RECORDS).stream()
                .filter(s -> s.records().orElseThrow().measures().stream().anyMatch(m -> m.id().equals(indicator.measure())))
                .toList();
        Source.Type kind = switch (indicator.source()) {
            case KPI -> Source.Type.KPI;
            case SURVEY -> Source.Type.SURVEY;
            case TRACKER -> Source.Type.TRACKER;
        };
        List<Source> from = indicator.source() == Indicator.Source.KPI && !records.isEmpty() ? records : evaluation.sources(kind);
        return from.stream().flatMap(s -> s.provenance().stream()).findFirst();
    }

    /** Every source that declares a provenance, in the project file's order. */
    public List<Source> sourcesWithProvenance() {
        return evaluation.sources().stream().filter(s -> s.provenance().isPresent()).toList();
    }

    /**
     * This project with what Evident keeps between runs moved to {@code state}: each record store
     * inside the project folder goes to the same place under {@code state} ({@code aggregates/<id>}
     * by default), so that a project that may not be written to (read-only, shared, from someone
     * else) can be run. A store outside the project (allowed with --allow-outside-project) stays.
     */
    public EvaluationProject withStateFolder(Path state) {
        Path project = directory.toAbsolutePath().normalize();
        List<Source> sources = evaluation.sources().stream().map(source -> source.records().map(r -> {
            Path store = r.store().toAbsolutePath().normalize();
            if (!store.startsWith(project)) {
                return source;
            }
            RecordLayout moved = new RecordLayout(r.date(), r.area(), r.region(), r.measures(),
                    state.resolve(project.relativize(store).toString()), r.levels());
            return new Source(source.id(), source.type(), source.file(), source.period(), source.sheet(), source.columns(),
                    source.respondent(), source.items(), source.population(), source.groups(), Optional.of(moved),
                    source.provenance());
        }).orElse(source)).toList();
        Evaluation e = evaluation;
        return new EvaluationProject(directory, new Evaluation(e.programme(), e.organisation(), e.reportingDate(), e.periods(),
                sources, e.settings(), e.rubric(), e.personalData()), theoryOfChange, warnings, codeFrame);
    }

    /** A record measure that no indicator names is computed for nothing: most likely a typo on one side. */
    private static void unusedRecordMeasures(String file, Evaluation evaluation, TheoryOfChange toc, List<Problem> problems) {
        java.util.Set<String> kpiMeasures = new java.util.TreeSet<>();
        toc.indicators().stream().filter(i -> i.source() == Indicator.Source.KPI).forEach(i -> kpiMeasures.add(i.measure()));
        for (Source source : evaluation.sources(Source.Type.RECORDS)) {
            for (RecordMeasure measure : source.records().orElseThrow().measures()) {
                if (!kpiMeasures.contains(measure.id())) {
                    problems.add(new Problem(Problem.Severity.WARNING, file, 0, 0, "source " + source.id()
                            + " measure " + measure.id() + " is the measure of no 'source: kpi' indicator in " + TOC_FILE
                            + " (those are " + String.join(", ", kpiMeasures) + "); it is computed but nothing uses it"));
                }
            }
        }
    }

    private static Optional<YamlFile> read(Path file, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(Problem.Severity.ERROR, file.toString(), 0, 0,
                    "missing: every evaluation project needs " + file.getFileName()));
            return Optional.empty();
        }
        return Optional.of(YamlFile.parse(file.toString(), TheoryOfChange.readText(file), problems));
    }
}
