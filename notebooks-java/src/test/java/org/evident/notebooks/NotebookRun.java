package org.evident.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * One notebook run as the Evident kernel runs it: every code cell in order, through JShell, in one
 * session. The session stays open afterwards so a test can read what the cells left behind.
 *
 * <p>The fast check, with no Jupyter: like the kernel (cli's {@code EvidentKernel}), a cell is split
 * into snippets by {@link SourceCodeAnalysis#analyzeCompletion} and each is evaluated, which catches
 * what a user would see fail: a compile error, a rejected snippet, an exception. The notebooks in
 * real Jupyter on the kernel itself are {@code JupyterNotebooksIT}.
 */
final class NotebookRun implements AutoCloseable {
    /**
     * The kernel has {@code display(Object)} built in; here it records what was displayed, so the
     * same cells run in both places and a test can look at the pictures.
     */
    static final String DISPLAY_HELPER = """
            final java.util.List<Object> displayed = new java.util.ArrayList<>();
            String display(Object o) { displayed.add(o); return "display-" + displayed.size(); }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    final String notebook;
    private final JShell shell;
    /**
     * What each code cell showed, by code-cell index: what it printed, then the value of its last
     * snippet when that is an expression (as the kernel shows it; strings in quotes, escaped).
     */
    final List<String> outputs = new ArrayList<>();

    private NotebookRun(String notebook, JShell shell) {
        this.notebook = notebook;
        this.shell = shell;
    }

    /** The folder the notebooks live in: the tests run in the module folder, as Jupyter does in notebooks-java/. */
    static Path folder() {
        return Path.of("").toAbsolutePath();
    }

    /** The source of every code cell, in order (a cell's "source" is a list of lines or one string). */
    static List<String> codeCells(Path notebook) throws IOException {
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : read(notebook).path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                cells.add(text(cell.path("source")));
            }
        }
        return cells;
    }

    static JsonNode read(Path notebook) throws IOException {
        return JSON.readTree(notebook.toFile());
    }

    static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder out = new StringBuilder();
            source.forEach(line -> out.append(line.asText()));
            return out.toString();
        }
        return source.asText();
    }

    /** Runs every code cell of the notebook {@code name} in this folder. */
    static NotebookRun of(String name) throws IOException {
        return of(folder().resolve(name));
    }

    /** Runs every code cell of {@code notebook}; throws AssertionError naming the cell and snippet at the first failure. */
    static NotebookRun of(Path notebook) throws IOException {
        String name = notebook.getFileName().toString();
        List<String> cells = codeCells(notebook);
        // Local execution: the snippets run in this JVM, so the classes they load are the ones the
        // tests were built against; the compiler still needs the class path spelled out.
        JShell shell = JShell.builder().executionEngine("local").build();
        NotebookRun run = new NotebookRun(name, shell);
        try {
            for (String entry : testClassPath()) {
                shell.addToClasspath(entry);
            }
            run.evaluate(-1, DISPLAY_HELPER);
            for (int i = 0; i < cells.size(); i++) {
                run.outputs.add(run.evaluate(i, cells.get(i)));
            }
        } catch (RuntimeException | Error e) {
            shell.close();
            throw e;
        }
        return run;
    }

    /**
     * Surefire may start the test JVM from a manifest-only jar, leaving {@code java.class.path} a
     * single jar; it puts the real class path in {@code surefire.test.class.path}.
     */
    private static List<String> testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(path.split(File.pathSeparator)).stream().filter(p -> !p.isBlank()).toList();
    }

    /** Evaluates one cell snippet by snippet and returns what it showed. */
    private String evaluate(int cell, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String lastValue = null;
        PrintStream original = System.out;
        // Local execution shares this JVM's System.out: capture it, so a test can check what a cell printed.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = source;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (!info.completeness().isComplete()) {
                    throw failure(cell, remaining, "incomplete source (" + info.completeness() + ")");
                }
                List<SnippetEvent> events = shell.eval(info.source());
                check(cell, info.source(), events);
                lastValue = events.isEmpty() || !isExpression(events.get(0).snippet()) ? null : events.get(0).value();
                remaining = info.remaining();
            }
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8) + (lastValue == null ? "" : shown(lastValue));
    }

    /**
     * A value as the kernel shows it: JShell gives a string as a quoted Java literal, the kernel shows
     * the text itself, so the quotes and the common escapes are undone.
     */
    static String shown(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        String body = value.substring(1, value.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An expression, shown as a cell's result when it comes last ({@code x}, or {@code f(x)} held in a $ variable). */
    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private void check(int cell, String snippet, List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a side effect on an earlier snippet, e.g. a variable redeclared
            }
            List<String> errors = shell.diagnostics(event.snippet()).filter(Diag::isError)
                    .map(d -> d.getMessage(null)).toList();
            if (!errors.isEmpty()) {
                throw failure(cell, snippet, "compile error: " + String.join("; ", errors));
            }
            if (event.status() != Snippet.Status.VALID) {
                String unresolved = event.snippet() instanceof DeclarationSnippet declaration
                        ? shell.unresolvedDependencies(declaration).collect(Collectors.joining(", ")) : "";
                throw failure(cell, snippet, "snippet " + event.status()
                        + (unresolved.isEmpty() ? "" : " (unresolved: " + unresolved + ")"));
            }
            if (event.exception() != null) {
                throw failure(cell, snippet, describe(event.exception()));
            }
        }
    }

    private static String describe(JShellException e) {
        String kind = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        StringBuilder out = new StringBuilder("exception " + kind + ": " + e.getMessage());
        for (StackTraceElement frame : e.getStackTrace()) {
            out.append("\n    at ").append(frame);
        }
        return out.toString();
    }

    private AssertionError failure(int cell, String snippet, String what) {
        String where = cell == -1 ? "the display helper" : cell == -2 ? "a check after the last cell" : "code cell " + cell;
        return new AssertionError(notebook + ", " + where + ": " + what + "\n--- snippet ---\n" + snippet.strip());
    }

    /** The value of a variable the cells declared, as the kernel shows it (see {@link #shown}). */
    String variable(String name) {
        VarSnippet last = shell.variables().filter(v -> v.name().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(notebook + " declares no variable " + name));
        return shown(shell.varValue(last));
    }

    /** The value of an expression evaluated in the notebook's session after its last cell, as the kernel shows it. */
    String value(String expression) {
        List<SnippetEvent> events = shell.eval(expression);
        check(-2, expression, events);
        return shown(events.get(0).value());
    }

    /** Everything the cells showed, in order. */
    String allOutput() {
        return String.join("\n", outputs);
    }

    @Override
    public void close() {
        shell.close();
    }
}
