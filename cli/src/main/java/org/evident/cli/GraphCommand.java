package org.evident.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.evident.diagram.TocDiagram;
import org.evident.toc.EvaluationProject;
import org.evident.toc.TheoryOfChange;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evident graph}: draw the theory of change. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Draw the theory of change, stages as columns left to right, assumption keys on the links.")
final class GraphCommand implements Callable<Integer> {
    enum Format { svg, png, dot, mermaid }

    @Mixin
    ProjectArgument project;

    @Option(names = {"-f", "--format"}, defaultValue = "svg",
            description = "svg, png, dot or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--view", paramLabel = "NAME", description = "Draw only this view of toc.yaml, e.g. contract (default: every node).")
    String view;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write to this file (default: standard output; png needs a file).")
    Path out;

    @Option(names = "--scale", defaultValue = "2.0", description = "PNG pixels per layout unit (default: ${DEFAULT-VALUE}).")
    double scale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == Format.png && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format png needs --out FILE");
        }
        EvaluationProject opened = project.open();
        TheoryOfChange toc = view == null ? opened.theoryOfChange() : opened.theoryOfChange().view(view);
        String title = opened.evaluation().programme()
                + (view == null ? "" : " (" + toc.views().get(0).label() + ")");
        TocDiagram diagram = TocDiagram.of(toc).titled(title);
        byte[] bytes = switch (format) {
            case svg -> diagram.toSvg().getBytes(StandardCharsets.UTF_8);
            case png -> diagram.toPng(scale);
            case dot -> diagram.toDot().getBytes(StandardCharsets.UTF_8);
            case mermaid -> diagram.toMermaid().getBytes(StandardCharsets.UTF_8);
        };
        if (out == null) {
            spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
            return Evident.OK;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + out + " (" + toc.nodes().size() + " nodes, "
                + toc.links().size() + " links)");
        return Evident.OK;
    }
}
