package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/**
 * The kernel's evaluation and the kernelspec, in-process; the notebooks in real Jupyter are
 * notebooks-java's JupyterNotebooksIT, and Jupyter's conformance test is src/test/python there.
 */
class NotebookKernelTest {
    private static EvidentKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = EvidentKernel.start();
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    @Test
    void kernelJson_runsThisJava_withAnAbsoluteClassPath_andTheKernelCommand() {
        JsonObject spec = JsonParser.parseString(NotebookCommand.Install.kernelJson()).getAsJsonObject();
        assertEquals("Evident (Java 17)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        List<String> argv = new ArrayList<>();
        for (var arg : spec.getAsJsonArray("argv")) {
            argv.add(arg.getAsString());
        }
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        String classPath = argv.get(argv.indexOf("-cp") + 1);
        for (String entry : classPath.split(File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry);
        }
        assertEquals(List.of("org.evident.cli.Evident", "notebook", "kernel", "{connection_file}"),
                argv.subList(argv.size() - 4, argv.size()));
    }

    @Test
    void notebookHelp_namesInstall_notTheKernelEntryPoint() {
        StringWriter out = new StringWriter();
        assertEquals(0, Evident.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "notebook", "--help"));
        assertTrue(out.toString().contains("  install "), out.toString());
        assertFalse(out.toString().contains("  kernel "), out.toString());
    }

    @Test
    void aCellsLastExpression_isItsValue_asAnObject() {
        assertEquals(42, kernel.evaluate("int x = 6;\nx * 7"));
        assertNull(kernel.evaluate("int y = 1;"));
        Object table = kernel.evaluate("tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.StringColumn.create(\"a\", \"x<y\"))");
        assertInstanceOf(Table.class, table);
        assertEquals("<table>\n<caption>t</caption>\n<thead><tr><th>a</th></tr></thead>\n<tbody>\n"
                + "<tr><td>x&lt;y</td></tr>\n</tbody>\n</table>", NotebookDisplay.html((Table) table));
    }

    @Test
    void evidentIsOnTheClassPath_withNoSetUp() {
        assertEquals("Some evidence", kernel.evaluate("org.evident.toc.Grade.SOME.label()"));
    }

    @Test
    void errors_nameTheCellLine() {
        EvidentKernel.CellError compile = assertThrows(EvidentKernel.CellError.class,
                () -> kernel.evaluate("int a = 1;\n\nint b = notDefined + 1;"));
        assertEquals(3, compile.line);
        assertTrue(compile.problem.contains("cannot find symbol"), compile.problem);
        assertEquals("int b = notDefined + 1;", compile.code);

        EvidentKernel.CellError thrown = assertThrows(EvidentKernel.CellError.class,
                () -> kernel.evaluate("int c = 1;\nString s = \"x\";\nInteger.parseInt(s);"));
        assertEquals(3, thrown.line);
        assertTrue(thrown.problem.startsWith("java.lang.NumberFormatException"), thrown.problem);
        List<String> traceback = kernel.formatError(thrown);
        assertEquals("cell line 3: Integer.parseInt(s);", traceback.get(0));

        EvidentKernel.CellError unfinished = assertThrows(EvidentKernel.CellError.class,
                () -> kernel.evaluate("int d = 1;\nfor (int i = 0; i < 3; i++) {"));
        assertEquals(2, unfinished.line);
    }

    @Test
    void isComplete_asJupyterAsks() {
        assertEquals("complete", kernel.isComplete("int e = 1;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
    }
}
