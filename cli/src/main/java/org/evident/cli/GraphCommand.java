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
            description = {"Write to this file (default: standard output; png",
                "needs a file). An existing file is refused (exit",
                "code 2) unless --replace is given."})
    Path out;

    @Option(names = "--replace", description = {"Let --out replace an existing file (never a",
        "folder, a link, or a file the project reads).", "Default: refused."})
    boolean replace;

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
        if (out != null) {
            checkOut(opened);
        }
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
            // Written beside and moved into place: a failed write leaves the earlier file whole.
            Path partial = Files.createTempFile(parent, "." + out.getFileName() + ".writing-", "");
            try {
                Files.write(partial, bytes);
                Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + out + " (" + toc.nodes().size() + " nodes, "
                + toc.links().size() + " links)");
        return Evident.OK;
    }

    /**
     * A drawing replaces only what its user says it may: an existing file only with --replace,
     * and never a folder, a link, or a file the project is read from.
     */
    private void checkOut(EvaluationProject opened) {
        if (!Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String refused = null;
        if (Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            refused = "is a folder; expected a file name";
        } else if (Files.isSymbolicLink(out)) {
            refused = "is a symbolic link; name the file itself";
        } else if (readByTheProject(opened)) {
            refused = "is a file the project is read from";
        } else if (!replace) {
            refused = "exists; add --replace to replace it";
        }
        if (refused != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": " + refused
                    + " (nothing was written)");
        }
    }

    private boolean readByTheProject(EvaluationProject opened) {
        try {
            Path real = out.toRealPath();
            java.util.List<Path> read = new java.util.ArrayList<>(java.util.List.of(
                    opened.directory().resolve(EvaluationProject.EVALUATION_FILE),
                    opened.directory().resolve(EvaluationProject.TOC_FILE)));
            opened.evaluation().sources().forEach(s -> read.add(s.file()));
            for (Path p : read) {
                if (Files.exists(p) && (p.toRealPath().equals(real) || real.startsWith(p.toRealPath()))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check --out " + out + ": " + e.getMessage(), e);
        }
    }
}
