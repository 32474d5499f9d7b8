package org.evident.cli;

import java.nio.file.Path;

import org.evident.toc.EvaluationProject;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The evaluation project folder every command takes first. */
final class ProjectArgument {
    @Parameters(index = "0", paramLabel = "<project>",
            description = {"The evaluation project folder (holding", "evaluation.yaml and toc.yaml)."})
    Path folder;

    @Option(names = "--allow-outside-project",
            description = {"Let evaluation.yaml name data files, a rubric or",
                "a record store outside the project folder (e.g.",
                "record-level data on a shared file system).",
                "Default: refused."})
    boolean allowOutsideProject;

    EvaluationProject open() {
        return EvaluationProject.open(folder, allowOutsideProject ? EvaluationProject.Paths.ANYWHERE
                : EvaluationProject.Paths.INSIDE_PROJECT);
    }

    /** The pseudonymiser for reading {@code project}'s data: the key from the environment or Evident's home. */
    static org.evident.ingest.Pseudonymiser pseudonymiser(EvaluationProject project) {
        return org.evident.ingest.Pseudonymiser.fromEnvironment(System.getenv(), defaultKeyFile(), project.directory());
    }

    /** The pseudonym key file when no environment variable names one: pseudonym.key in Evident's home. */
    static Path defaultKeyFile() {
        return Evident.home().resolve("pseudonym.key");
    }
}
