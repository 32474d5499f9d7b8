package org.evident.cli;

import java.nio.file.Path;

import org.evident.toc.EvaluationProject;

import picocli.CommandLine.Option;

/**
 * Where a command keeps what it carries from one run to the next (the record stores, the history
 * of grades): the project folder by default, or the folder of {@code --state}, so that a project
 * that must not be written to can be run.
 */
final class StateOption {
    @Option(names = "--state", paramLabel = "DIR",
            description = {"Keep what evident keeps between runs (record",
                "aggregates; for run, the history of grades too)",
                "in DIR instead of the project folder, so that a",
                "read-only project can be run.",
                "Default: the project's aggregates/ and history/."})
    Path folder;

    /** {@code project} with its record stores under the state folder, if one was given. */
    EvaluationProject apply(EvaluationProject project) {
        return folder == null ? project : project.withStateFolder(folder);
    }

    /** The history folder: {@code --history}, else history/ in the state folder, else in the project. */
    Path history(EvaluationProject project, Path history) {
        return history != null ? history : (folder != null ? folder : project.directory()).resolve("history");
    }
}
