package org.evident.toc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The project's files are not usable as they stand. Carries every problem found in one pass,
 * errors and warnings, each with its file, line and column.
 */
public final class InvalidProjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidProjectException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file and line order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return errors + (errors == 1 ? " error" : " errors") + " in the project:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
