package org.evident.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner must fail where a user would see a notebook fail, and say where: otherwise a green
 * NotebookTest would prove nothing.
 */
class NotebookRunTest {
    @TempDir
    Path folder;

    private Path notebook(String... codeCells) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode nb = json.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        cells.addObject().put("cell_type", "markdown").putArray("source").add("# A heading, not run\n");
        for (String code : codeCells) {
            ObjectNode cell = cells.addObject().put("cell_type", "code");
            ArrayNode source = cell.putArray("source");
            // Jupyter stores a cell's source as lines that keep their line ends.
            code.lines().forEach(line -> source.add(line + "\n"));
        }
        Path file = folder.resolve("test.ipynb");
        json.writeValue(file.toFile(), nb);
        return file;
    }

    @Test
    void runsSeveralStatementsPerCell_andShowsTheLastExpression() throws IOException {
        try (NotebookRun run = NotebookRun.of(notebook("int a = 2;\nint b = a * 3;\nSystem.out.println(\"b is \" + b);\n\"done\"",
                "display(new java.awt.image.BufferedImage(2, 1, java.awt.image.BufferedImage.TYPE_INT_RGB));"))) {
            // display returns an id, as JJava's does, so a cell ending in display(...) shows it too:
            // the notebooks follow display(...) with the caption they want shown.
            assertEquals(List.of("b is 6\ndone", "display-1"), run.outputs);
            assertEquals("6", run.variable("b"));
            assertEquals("1", run.value("displayed.size()"));
        }
    }

    @Test
    void failsOnACompileError_namingTheCellAndSnippet() throws IOException {
        Path nb = notebook("int a = 1;", "int b = 2;\nString c = a.trim();");
        AssertionError e = assertThrows(AssertionError.class, () -> NotebookRun.of(nb).close());
        assertTrue(e.getMessage().startsWith("test.ipynb, code cell 1: compile error"), e.getMessage());
        assertTrue(e.getMessage().endsWith("String c = a.trim();"), e.getMessage());
    }

    @Test
    void failsOnAnException_withItsClassAndMessage() throws IOException {
        Path nb = notebook("Object o = java.util.Optional.empty().orElseThrow(() -> new IllegalStateException(\"no value\"));");
        AssertionError e = assertThrows(AssertionError.class, () -> NotebookRun.of(nb).close());
        assertTrue(e.getMessage().contains("code cell 0: exception java.lang.IllegalStateException: no value"), e.getMessage());
    }

    @Test
    void failsOnAMethodThatCannotBeCompiledYet() throws IOException {
        // JShell accepts a method calling something undefined as RECOVERABLE_DEFINED; a kernel
        // user would only find out when calling it, so the runner refuses it at once.
        Path nb = notebook("int twice(int x) { return helper(x) * 2; }");
        AssertionError e = assertThrows(AssertionError.class, () -> NotebookRun.of(nb).close());
        assertTrue(e.getMessage().contains("code cell 0: snippet RECOVERABLE_DEFINED (unresolved: method helper(int))"),
                e.getMessage());
    }

    @Test
    void failsOnAnUnfinishedCell() throws IOException {
        Path nb = notebook("int a = (1 + ");
        AssertionError e = assertThrows(AssertionError.class, () -> NotebookRun.of(nb).close());
        assertTrue(e.getMessage().contains("code cell 0: incomplete source"), e.getMessage());
    }

    @Test
    void readsSourceGivenAsOneString_asJupyterAlsoAllows() throws IOException {
        Path file = folder.resolve("one-string.ipynb");
        Files.writeString(file, "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"int a = 4;\\na + 1\"}]}");
        assertEquals(List.of("int a = 4;\na + 1"), NotebookRun.codeCells(file));
    }
}
