package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path tmp;

    private List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void completeWrite_replacesThePreviousFolderWhole() throws IOException {
        Path out = tmp.resolve("out");
        OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("old.csv"), "1"));
        OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("new.csv"), "2"));
        assertEquals(List.of("new.csv"), listing(out));
        assertEquals(List.of("out"), listing(tmp), "no staging or old folder is left behind");
    }

    @Test
    void failedWrite_leavesThePreviousFolderAsItWas_andNoStagingFolder() throws IOException {
        Path out = tmp.resolve("out");
        OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("report.csv"), "complete"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputFolder.writeAtomically(out, f -> {
            Files.writeString(f.resolve("report.csv"), "half");
            throw new IllegalStateException("chart failed");
        }));
        assertEquals("chart failed", e.getMessage());
        assertEquals("complete", Files.readString(out.resolve("report.csv")));
        assertEquals(List.of("out"), listing(tmp));
    }

    @Test
    void missingParentFolders_areCreated() {
        Path out = tmp.resolve("a/b/c");
        OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("x.txt"), "x"));
        assertEquals("x", assertDoesNotThrow(() -> Files.readString(out.resolve("x.txt"))));
    }
}
