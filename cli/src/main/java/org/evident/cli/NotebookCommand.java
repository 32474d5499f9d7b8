package org.evident.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evident notebook}: Jupyter with the evaluators' notebooks (notebooks-java/), and the
 * Evident kernel they run on: {@code install} registers it with Jupyter, {@code kernel} is what
 * Jupyter starts.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Start Jupyter in notebooks-java/, the evaluators' notebooks, on the Evident kernel.",
            "Install the kernel first with 'evident notebook install --user'."},
        subcommands = {NotebookCommand.Install.class, NotebookCommand.Kernel.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Jupyter ran and stopped", "1:Jupyter or the kernel is not installed, or Jupyter failed",
            "2:usage error"})
final class NotebookCommand implements Callable<Integer> {
    /** The Debian packages that bring Jupyter, its kernelspec tool and nbconvert. */
    private static final String JUPYTER_PACKAGES = "jupyter-notebook jupyter-client jupyter-nbconvert python3-ipykernel";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!jupyterFound(err, "notebook")) {
            return Evident.FAILURE;
        }
        if (!output("jupyter", "kernelspec", "list").contains(EvidentKernel.NAME)) {
            err.println("evident: the Evident kernel is not installed in Jupyter: run './evident notebook install --user'.");
            return Evident.FAILURE;
        }
        Path notebooks = notebooksFolder();
        spec.commandLine().getOut().println("evident: starting Jupyter in " + notebooks + " (Ctrl-C twice stops it)");
        spec.commandLine().getOut().flush();
        Process jupyter = new ProcessBuilder("jupyter", "notebook").directory(notebooks.toFile()).inheritIO().start();
        return jupyter.waitFor() == 0 ? Evident.OK : Evident.FAILURE;
    }

    /** notebooks-java/ of the clone: the launcher says where the clone is; else beside cli/target/evident.jar. */
    private static Path notebooksFolder() {
        String root = System.getenv("EVIDENT_ROOT");
        Path folder;
        if (root != null) {
            folder = Path.of(root, "notebooks-java");
        } else {
            Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
            folder = jar.getParent().resolve("../../notebooks-java").normalize();
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("cannot find the notebooks folder " + folder
                    + ": run ./evident notebook from the clone");
        }
        return folder;
    }

    /**
     * Whether Jupyter and its {@code jupyter TOOL} are installed ({@code jupyter} alone may be there
     * without the notebook server); when not, says how to install them.
     */
    private static boolean jupyterFound(PrintWriter err, String tool) {
        boolean found;
        try {
            found = new ProcessBuilder("jupyter", tool, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            found = false; // no jupyter on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        if (!found) {
            err.println("evident: Jupyter is not installed (no 'jupyter " + tool + "'). On Debian or Ubuntu:");
            err.println("  sudo apt-get install " + JUPYTER_PACKAGES);
            err.println("then './evident notebook install --user' installs the Evident kernel into it.");
        }
        return found;
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }

    /** {@code evident notebook install}: the kernelspec, through Jupyter's own {@code jupyter kernelspec install}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the Evident kernel into Jupyter.",
                "Kernel name 'evident', shown as \"" + EvidentKernel.DISPLAY_NAME + "\". Its kernel.json runs this",
                "Java with the class path this command runs with (cli/target/evident.jar and its",
                "lib/). Without an option, into Jupyter's system-wide folder (as 'jupyter kernelspec",
                "install'). Run it again after moving the clone."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:installed", "1:Jupyter is not installed, or the install failed", "2:usage error"})
    static final class Install implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true)
        Where where;

        static final class Where {
            @Option(names = "--user", description = "Install for this user only (~/.local/share/jupyter/kernels).")
            boolean user;

            @Option(names = "--sys-prefix", description = "Install into the Python environment Jupyter runs in.")
            boolean sysPrefix;
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            if (!jupyterFound(err, "kernelspec")) {
                return Evident.FAILURE;
            }
            Path staging = Files.createTempDirectory("evident-kernelspec-");
            try {
                Path folder = Files.createDirectory(staging.resolve(EvidentKernel.NAME));
                Files.writeString(folder.resolve("kernel.json"), kernelJson(), StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>(List.of("jupyter", "kernelspec", "install", folder.toString(),
                        "--name", EvidentKernel.NAME, "--replace"));
                if (where != null && where.user) {
                    command.add("--user");
                } else if (where != null && where.sysPrefix) {
                    command.add("--sys-prefix");
                }
                Process install = new ProcessBuilder(command).redirectErrorStream(true).start();
                String said = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (install.waitFor() != 0) {
                    err.println("evident: 'jupyter kernelspec install' failed:");
                    err.println(said);
                    return Evident.FAILURE;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(said.replace(folder.toString(), "the Evident kernel"));
                out.println("evident: installed the kernel \"" + EvidentKernel.DISPLAY_NAME
                        + "\"; './evident notebook' starts Jupyter with the notebooks.");
                return Evident.OK;
            } finally {
                try (var files = Files.walk(staging)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }

        /**
         * The kernelspec: this JVM's java with this JVM's class path (absolute), the same locale,
         * zone and headless AWT as the launcher, and the kernel's entry point.
         */
        static String kernelJson() {
            JsonArray argv = new JsonArray();
            argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String option : List.of("-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=GB",
                    "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8")) {
                argv.add(option);
            }
            argv.add("-cp");
            argv.add(absoluteClassPath());
            argv.add(Evident.class.getName());
            argv.add("notebook");
            argv.add("kernel");
            argv.add("{connection_file}");
            JsonObject kernel = new JsonObject();
            kernel.add("argv", argv);
            kernel.addProperty("display_name", EvidentKernel.DISPLAY_NAME);
            kernel.addProperty("language", "java");
            // Jupyter's interrupt_request message, which the kernel answers by stopping the running cell.
            kernel.addProperty("interrupt_mode", "message");
            return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(kernel) + "\n";
        }

        private static String absoluteClassPath() {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
    }

    /** {@code evident notebook kernel FILE}: what Jupyter runs (kernel.json); not for people. */
    @Command(name = "kernel", hidden = true, description = "Run the Evident kernel on a Jupyter connection file.")
    static final class Kernel implements Callable<Integer> {
        @Parameters(paramLabel = "CONNECTION_FILE")
        Path connectionFile;

        @Override
        public Integer call() throws Exception {
            try {
                EvidentKernel.serve(connectionFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the connection file " + connectionFile, e);
            }
            return Evident.OK;
        }
    }
}
