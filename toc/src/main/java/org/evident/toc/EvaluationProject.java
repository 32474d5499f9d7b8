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
     * @throws IllegalArgumentException if {@code directory} is not a folder
     */
    public static EvaluationProject open(Path directory, Paths paths) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a folder; expected an evaluation project folder holding "
                    + EVALUATION_FILE + " and " + TOC_FILE);
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
