package org.evident.cli;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The Evident Jupyter kernel: Jupyter's messaging from jjava-jupyter, code cells evaluated by
 * JShell in this JVM, whose class path (Evident and its libraries) the cells see with no set-up.
 * A cell's last expression is shown through {@link NotebookDisplay}; {@code display(x)} shows
 * anything mid-cell. An error names the cell line it comes from.
 */
final class EvidentKernel extends BaseKernel {
    static final String NAME = "evident";
    static final String DISPLAY_NAME = "Evident (Java 17)";

    /** What every session starts with: {@code display}, {@code render} and the like, as in JJava. */
    private static final String PRELUDE = "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;";

    private final JShell shell;
    private final ValueCapturingExecution execution;

    private EvidentKernel(JShell shell, ValueCapturingExecution execution) {
        super(NAME, "0.1.0",
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", null),
                // No history (Jupyter keeps the notebook), no magics (cells are plain Java: JJava's
                // %classpath and %maven are not needed with Evident on the class path), no extensions,
                // and errors without colour codes, so they read the same in a saved notebook.
                List.of(), new HistoryManager() { }, new JupyterIO(StandardCharsets.UTF_8), new CommManager(),
                NotebookDisplay.renderer(), null, new MagicsRegistry(), false, new StringStyler.Builder().build());
        this.shell = shell;
        this.execution = execution;
    }

    /** Serves Jupyter on the connection file's ports until Jupyter shuts the kernel down. */
    static void serve(Path connectionFile) throws Exception {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JupyterConnection connection = new JupyterConnection(properties);
        EvidentKernel kernel = start();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }

    static EvidentKernel start() {
        ValueCapturingExecution execution = new ValueCapturingExecution();
        JShell shell = JShell.builder().executionEngine(execution, Map.of()).build();
        for (String entry : classPath()) {
            shell.addToClasspath(entry);
        }
        EvidentKernel kernel = new EvidentKernel(shell, execution);
        kernel.evaluate(PRELUDE);
        return kernel;
    }

    /**
     * The JVM's class path, for JShell's compiler. A jar's manifest Class-Path (cli/target/evident.jar
     * names lib/) is followed, as the JVM follows it, so the cells compile against what they run with.
     */
    private static List<String> classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            if (entry.endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
                    java.util.jar.Manifest manifest = jar.getManifest();
                    String more = manifest == null ? null
                            : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
                    if (more != null) {
                        // URLs relative to the jar ("lib/picocli-4.7.7.jar"), or absolute (surefire's "file:/...").
                        java.net.URI folder = Path.of(entry).toAbsolutePath().getParent().toUri();
                        for (String url : more.trim().split("\\s+")) {
                            entries.add(Path.of(folder.resolve(url)).toString());
                        }
                    }
                } catch (java.io.IOException e) {
                    // Not a readable jar: the JVM skips it too.
                }
            }
        }
        return entries;
    }

    @Override
    public Object evalRaw(String source) {
        return evaluate(source);
    }

    /**
     * Runs a cell snippet by snippet, as JShell's own tool does, and returns the value of its last
     * snippet when that is an expression (the object itself, so the renderer can show a table as
     * a table), else null.
     */
    Object evaluate(String cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        Object last = null;
        while (!remaining.isBlank()) {
            int offset = cell.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                throw new CellError(lineOf(cell, offset + leadingSpace(remaining)),
                        "the code is not complete (a missing ';', ')' or '}'?)", remaining.strip());
            }
            execution.clear();
            List<SnippetEvent> events = shell.eval(info.source());
            check(cell, offset + leadingSpace(remaining), info.source(), events);
            boolean expression = !events.isEmpty() && isExpression(events.get(0).snippet());
            last = expression ? execution.value() : null;
            remaining = info.remaining();
        }
        return last;
    }

    private static int leadingSpace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The 1-based line of the cell at which {@code offset} falls. */
    private static int lineOf(String cell, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < cell.length(); i++) {
            if (cell.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
    }

    /** Throws a {@link CellError} for the first problem JShell reports, at its line of the cell. */
    private void check(String cell, int start, String source, List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an earlier snippet touched by this one, e.g. a variable declared again
            }
            Snippet snippet = event.snippet();
            for (Diag diag : shell.diagnostics(snippet).filter(Diag::isError).toList()) {
                int at = diag.getPosition() >= 0 ? (int) diag.getPosition() : 0;
                int line = lineOf(cell, start + Math.min(at, source.length()));
                throw new CellError(line, diag.getMessage(null).lines().filter(l -> !l.strip().startsWith("location:"))
                        .collect(Collectors.joining("\n")), lineText(cell, line));
            }
            if (event.status() == Snippet.Status.REJECTED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String unresolved = snippet instanceof DeclarationSnippet declaration
                        ? shell.unresolvedDependencies(declaration).collect(Collectors.joining(", ")) : "";
                int line = lineOf(cell, start);
                throw new CellError(line, unresolved.isEmpty() ? "JShell could not define this"
                        : "it uses what is not defined: " + unresolved, lineText(cell, line));
            }
            if (event.exception() != null) {
                throw runtimeError(cell, start, event.exception());
            }
        }
    }

    /** An exception thrown by a cell, at the cell line of the innermost frame in the cell's code. */
    private CellError runtimeError(String cell, int start, JShellException e) {
        String kind = e instanceof EvalException eval ? eval.getExceptionClassName() : e.getClass().getName();
        int line = lineOf(cell, start);
        for (StackTraceElement frame : e.getStackTrace()) {
            // JShell names a snippet's frames by its id ("#12") and numbers lines from the snippet's start.
            if (frame.getFileName() != null && frame.getFileName().startsWith("#") && frame.getLineNumber() > 0) {
                line = lineOf(cell, start) + frame.getLineNumber() - 1;
                break;
            }
        }
        List<String> trace = new ArrayList<>();
        for (StackTraceElement frame : e.getStackTrace()) {
            trace.add("    at " + frame);
        }
        return new CellError(line, kind + (e.getMessage() == null ? "" : ": " + e.getMessage()), lineText(cell, line),
                trace);
    }

    private static String lineText(String cell, int line) {
        List<String> lines = cell.lines().toList();
        return line - 1 < lines.size() ? lines.get(line - 1).strip() : "";
    }

    /** Jupyter's traceback: where, the line itself, what went wrong, then the Java stack when there is one. */
    @Override
    public List<String> formatError(Throwable e) {
        if (!(e instanceof CellError error)) {
            return super.formatError(e);
        }
        List<String> lines = new ArrayList<>();
        lines.add("cell line " + error.line + ": " + error.code);
        lines.addAll(error.problem.lines().toList());
        lines.addAll(error.trace);
        return lines;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(code, at, false);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        return new DisplayData(docs.stream().map(SourceCodeAnalysis.Documentation::signature)
                .collect(Collectors.joining("\n")));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        return new ReplacementOptions(suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct().toList(), anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        String remaining = code;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> remaining = info.remaining();
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "    "; // incomplete: Jupyter's console indents the next line by this
                }
                default -> {
                    return IS_COMPLETE_BAD;
                }
            }
        }
        return IS_COMPLETE_YES;
    }

    /**
     * jjava-jupyter 1.0-a6 leaves out the reply's {@code status}, which the messaging spec requires
     * (jupyter_kernel_test fails without it): the same reply with it.
     */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOk(getName(), getVersion(), getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private static final class KernelInfoOk extends KernelInfoReply {
        @SuppressWarnings("unused") // written into the reply by Gson
        private final String status = "ok";

        KernelInfoOk(String name, String version, LanguageInfo language, String banner, List<HelpLink> links) {
            super(Header.PROTOCOL_VERISON, name, version, language, banner, links);
        }
    }

    @Override
    public void onShutdown(boolean restarting) {
        super.onShutdown(restarting);
        shell.close();
    }

    @Override
    public void interrupt() {
        shell.stop();
    }

    /** A cell that failed: the 1-based cell line, the code on it, what went wrong, and the Java stack if it threw. */
    static final class CellError extends RuntimeException {
        final int line;
        final String code;
        final String problem;
        final List<String> trace;

        CellError(int line, String problem, String code) {
            this(line, problem, code, List.of());
        }

        CellError(int line, String problem, String code, List<String> trace) {
            super("cell line " + line + ": " + problem);
            this.line = line;
            this.code = code;
            this.problem = problem;
            this.trace = trace;
        }
    }

    /**
     * JShell's direct execution (snippets run in this JVM, on this thread) that keeps the object a
     * snippet returned: JShell itself gives only its text, and a table must reach the renderer as a table.
     */
    private static final class ValueCapturingExecution extends DirectExecutionControl implements ExecutionControlProvider {
        private Object value;

        void clear() {
            value = null;
        }

        Object value() {
            return value;
        }

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            value = doitMethod.invoke(null);
            return valueString(value);
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return this;
        }
    }
}
