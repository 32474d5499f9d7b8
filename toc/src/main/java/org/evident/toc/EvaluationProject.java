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
                                List<Problem> warnings) {

    public static final String EVALUATION_FILE = "evaluation.yaml";
    public static final String TOC_FILE = "toc.yaml";

    public EvaluationProject {
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads and validates the project in {@code directory}.
     *
     * @throws InvalidProjectException with every problem found, if there is any error
     * @throws IllegalArgumentException if {@code directory} is not a folder
     */
    public static EvaluationProject open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a folder; expected an evaluation project folder holding "
                    + EVALUATION_FILE + " and " + TOC_FILE);
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Evaluation> evaluation = read(directory.resolve(EVALUATION_FILE), problems)
                .flatMap(yaml -> EvaluationReader.read(yaml, directory));
        Optional<TheoryOfChange> toc = read(directory.resolve(TOC_FILE), problems).flatMap(TocReader::read);
        List<Problem> sorted = TheoryOfChange.sorted(problems);
        if (evaluation.isEmpty() || toc.isEmpty() || sorted.stream().anyMatch(Problem::isError)) {
            throw new InvalidProjectException(sorted);
        }
        List<Problem> warnings = sorted.stream().filter(p -> !p.isError()).toList();
        return new EvaluationProject(directory, evaluation.get(), toc.get(), warnings);
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
