package org.evident.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The committed notebooks: the format Jupyter and the Evident kernel expect, and no saved outputs. */
class NotebookFilesTest {
    static final List<String> NOTEBOOKS = List.of(NotebookTest.QUICKSTART, NotebookTest.KPI, NotebookTest.EVIDENCE,
            NotebookTest.OWN);

    static Stream<String> notebooks() {
        return NOTEBOOKS.stream();
    }

    @Test
    void everyNotebookInTheFolderIsRunByTheTests() throws IOException {
        try (Stream<Path> files = Files.list(NotebookRun.folder())) {
            Set<String> found = new HashSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb")).toList());
            assertEquals(Set.copyOf(NOTEBOOKS), found);
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void isNbformat4_forTheEvidentKernel(String name) throws IOException {
        JsonNode nb = NotebookRun.read(NotebookRun.folder().resolve(name));
        assertEquals(4, nb.path("nbformat").asInt());
        assertEquals(5, nb.path("nbformat_minor").asInt());
        // The Evident kernel (`evident notebook install`); Jupyter picks the kernel by this name.
        assertEquals("evident", nb.path("metadata").path("kernelspec").path("name").asText());
        assertEquals("Evident (Java 17)", nb.path("metadata").path("kernelspec").path("display_name").asText());
        assertEquals("java", nb.path("metadata").path("kernelspec").path("language").asText());
        assertEquals("java", nb.path("metadata").path("language_info").path("name").asText());
        // nbformat 4.5 wants a unique id on every cell.
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : nb.path("cells")) {
            assertTrue(ids.add(cell.path("id").asText()), "duplicate or missing cell id in " + name);
        }
    }

    /** README.md says the notebooks are committed without outputs; this keeps that true. */
    @ParameterizedTest
    @MethodSource("notebooks")
    void isCommittedWithoutOutputs(String name) throws IOException {
        JsonNode nb = NotebookRun.read(NotebookRun.folder().resolve(name));
        int code = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                code++;
                assertTrue(cell.path("execution_count").isNull(), name + ": a code cell has an execution count");
                assertTrue(cell.path("outputs").isArray() && cell.path("outputs").isEmpty(),
                        name + ": a code cell has saved outputs");
            }
        }
        assertTrue(code > 0, name + " has no code cells");
    }
}
