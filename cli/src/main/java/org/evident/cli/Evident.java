package org.evident.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.TimeZone;

import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code evident} command: evaluate a programme against its theory of change. */
@Command(name = "evident",
        mixinStandardHelpOptions = true,
        version = "evident 0.1.0",
        description = "Evaluate a public programme against its theory of change.",
        subcommands = {RunCommand.class, ValidateCommand.class, GraphCommand.class, ExplainCommand.class, KeyCommand.class,
            NotebookCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (warnings may be printed)",
            "1:failure (could not read or write a file, or an internal error)",
            "2:usage error (an unknown option, command or view)",
            "3:invalid input data (the project or its data files have errors)"})
public final class Evident implements Runnable {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int INVALID_INPUT = 3;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = {"Print the full stack trace of an error (for", "reporting bugs). Default: off."})
    boolean stacktrace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // A worker thread (charts, workbook) that runs out of memory would print its stack trace;
        // the main thread reports the failure, with advice.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (causedByOutOfMemory(e)) {
                System.err.println(outOfMemory());
            } else {
                System.err.println("evident: unexpected error in thread " + thread.getName() + ": " + e);
            }
        });
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests in-process. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        // picocli looks for Groovy's Closure class when it first makes a command: a class in no jar,
        // so the class loader opened each of the ~100 jars of the class path to be sure, about
        // 0.1 s of every start (found with -Xlog:exceptions=info). Evident's annotations hold no closures.
        System.setProperty("picocli.disable.closures", "true");
        // Outputs must not depend on the machine's locale or zone (number formats, dates).
        Locale.setDefault(Locale.UK);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        System.setProperty("java.awt.headless", "true");
        boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
        CommandLine commandLine = new CommandLine(new Evident())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ExceptionHandler(stacktrace));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (Error e) {
            // picocli hands only exceptions to the handler: an Error would end the JVM with a stack
            // trace. Out of memory (also as the ExceptionInInitializerError of a class that ran out
            // while loading) is the user's to fix, with the advice; any other Error is a bug.
            if (!causedByOutOfMemory(e)) {
                throw e;
            }
            err.println(outOfMemory());
            code = FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Turns an exception from a command into a message and an exit code. A class, not a lambda:
     * picocli's classes are old (Java 5) bytecode, and a lambda for its interface made the
     * class-data archive leave the interface out ("old class has been linked"), so every run
     * looked for it through the ~90 jars of the class path, opening each: about 0.07 s at start.
     */
    private record ExceptionHandler(boolean stacktrace) implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            return handle(e, commandLine.getErr(), stacktrace);
        }
    }

    static int handle(Exception e, PrintWriter err, boolean stacktrace) {
        int code;
        if (e instanceof InvalidProjectException invalid) {
            printProblems(invalid, err);
            code = INVALID_INPUT;
        } else if (e instanceof IllegalArgumentException) {
            err.println("evident: " + e.getMessage());
            code = USAGE;
        } else if (e instanceof UncheckedIOException || e instanceof IllegalStateException) {
            err.println("evident: " + e.getMessage() + reason(e.getCause()));
            code = FAILURE;
        } else if (causedByOutOfMemory(e)) {
            err.println(outOfMemory());
            code = FAILURE;
        } else {
            err.println("evident: unexpected error: " + e + " (run again with --stacktrace for details)");
            code = FAILURE;
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        return code;
    }

    /**
     * The reason of a file-system error when its message is only the path, as Java's is for a
     * refused permission ("cannot read data/x.csv: /p/data/x.csv" says nothing of why).
     */
    static String reason(Throwable cause) {
        if (!(cause instanceof java.nio.file.FileSystemException fs) || fs.getReason() != null) {
            return "";
        }
        if (fs instanceof java.nio.file.AccessDeniedException) {
            return ": permission denied";
        } else if (fs instanceof java.nio.file.NoSuchFileException) {
            return ": no such file or folder";
        } else if (fs instanceof java.nio.file.NotDirectoryException) {
            return ": not a folder";
        } else if (fs instanceof java.nio.file.FileAlreadyExistsException) {
            return ": already exists";
        } else if (fs instanceof java.nio.file.DirectoryNotEmptyException) {
            return ": folder not empty";
        }
        return ": " + fs.getClass().getSimpleName();
    }

    /** A worker thread's OutOfMemoryError reaches the handler wrapped (by an executor, say). */
    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    static String outOfMemory() {
        return "evident: out of memory (the Java heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Give"
                + " it more, e.g. EVIDENT_JAVA_OPTS=-Xmx4g ./evident ..., or read record-level data with --engine spark";
    }

    static void printProblems(InvalidProjectException invalid, PrintWriter err) {
        for (Problem problem : invalid.problems()) {
            err.println(problem);
        }
        long errors = invalid.problems().stream().filter(Problem::isError).count();
        long warnings = invalid.problems().size() - errors;
        err.println("invalid: " + plural(errors, "error") + ", " + plural(warnings, "warning"));
    }

    /** Evident's own folder for per-user files: ~/.config/evident, or the system property evident.home. */
    static java.nio.file.Path home() {
        String set = System.getProperty("evident.home");
        return set != null ? java.nio.file.Path.of(set)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".config", "evident");
    }

    static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
