package org.evident.cli;

import java.nio.file.Path;

import org.evident.toc.EvaluationProject;

import picocli.CommandLine.Parameters;

/** The evaluation project folder every command takes first. */
final class ProjectArgument {
    @Parameters(index = "0", paramLabel = "<project>",
            description = {"The evaluation project folder (holding", "evaluation.yaml and toc.yaml)."})
    Path folder;

    EvaluationProject open() {
        return EvaluationProject.open(folder);
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
