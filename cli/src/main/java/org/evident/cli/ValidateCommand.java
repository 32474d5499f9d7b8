package org.evident.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Problem;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evident validate}: check a project's files and print every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check evaluation.yaml and toc.yaml and print every problem found, with file, line and column.",
            "Exits 0 when the project is valid (warnings allowed), 3 when it has errors."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ProjectArgument project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EvaluationProject opened = project.open();
        PrintWriter out = spec.commandLine().getOut();
        for (Problem warning : opened.warnings()) {
            out.println(warning);
        }
        TheoryOfChange toc = opened.theoryOfChange();
        StringBuilder counts = new StringBuilder();
        for (Stage stage : Stage.values()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(toc.nodes(stage).size()).append(' ')
                    .append(stage.heading().toLowerCase(java.util.Locale.ROOT));
        }
        out.println("valid: " + opened.evaluation().programme());
        out.println("  " + counts);
        out.println("  " + Evident.plural(toc.links().size(), "link") + ", "
                + Evident.plural(toc.indicators().size(), "indicator") + ", "
                + Evident.plural(toc.questions().size(), "evaluation question") + ", "
                + Evident.plural(toc.views().size(), "view") + ", "
                + Evident.plural(opened.evaluation().periods().size(), "period") + ", "
                + Evident.plural(opened.warnings().size(), "warning"));
        return Evident.OK;
    }
}
