package org.evident.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.evident.reports.OutputFolder;
import org.evident.toc.EvaluationProject;
import org.evident.toc.TheoryOfChange;
import org.evident.toc.TocDiagram;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evident run}: the whole evaluation, from project files to reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the evaluation end to end and write its outputs to a folder.",
            "The folder is replaced only when every output has been written."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ProjectArgument project;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The output folder.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("[1/2] reading " + project.folder);
        EvaluationProject opened = project.open();
        TheoryOfChange toc = opened.theoryOfChange();
        opened.warnings().forEach(err::println);
        err.println("      " + opened.evaluation().programme() + ": " + Evident.plural(toc.nodes().size(), "node") + ", "
                + Evident.plural(toc.links().size(), "link") + ", " + Evident.plural(toc.indicators().size(), "indicator")
                + ", " + Evident.plural(opened.warnings().size(), "warning"));
        err.println("[2/2] drawing the theory of change");
        TocDiagram diagram = TocDiagram.of(toc).titled(opened.evaluation().programme());
        OutputFolder.writeAtomically(out, folder -> {
            Files.writeString(folder.resolve("toc.svg"), diagram.toSvg(), StandardCharsets.UTF_8);
            Files.write(folder.resolve("toc.png"), diagram.toPng(2.0));
        });
        err.println("skipped (not yet in this version): reading the tracker, survey and KPI files; KPI and survey"
                + " statistics; evidence grades; the Excel workbook and the PDF report");
        spec.commandLine().getOut().println("wrote " + out + ": toc.svg, toc.png");
        return Evident.OK;
    }
}
