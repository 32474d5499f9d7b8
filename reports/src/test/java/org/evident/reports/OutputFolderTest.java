package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of("evident-manifest.txt", "new.csv"), listing(out));
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

    @Test
    void manifest_isWrittenLast_listingEveryFileTheRunWrote() throws IOException {
        Path out = tmp.resolve("out");
        OutputFolder.writeAtomically(out, f -> {
            Files.createDirectories(f.resolve("tables"));
            Files.writeString(f.resolve("tables/a.csv"), "a\n");
            Files.writeString(f.resolve("report.pdf"), "%PDF-");
        });
        List<String> lines = Files.readAllLines(out.resolve(OutputFolder.MANIFEST));
        assertTrue(lines.get(0).startsWith("# evident output folder"), lines.get(0));
        assertEquals(List.of("report.pdf", "tables/a.csv"), lines.subList(1, lines.size()));
    }

    @Test
    void outThatIsAFile_isRefused_andTheFileKept() throws IOException {
        Path out = Files.writeString(tmp.resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("x"), "x")));
        assertTrue(e.getMessage().contains("--out " + out + ": is a file, not a folder"), e.getMessage());
        assertEquals("mine", Files.readString(out));
        assertEquals(List.of("notes.txt"), listing(tmp), "no staging folder is left behind");
    }

    @Test
    void nonEmptyFolderNotWrittenByEvident_isRefused_namingItsFiles() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("scratch"));
        Files.writeString(out.resolve("thesis.docx"), "years of work");
        Files.createDirectories(out.resolve("notes"));
        Files.writeString(out.resolve("notes/a.md"), "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("x"), "x")));
        assertTrue(e.getMessage().contains("is a folder that is not empty and was not written by evident (it has no"
                + " evident-manifest.txt): notes/a.md, thesis.docx"), e.getMessage());
        assertEquals("years of work", Files.readString(out.resolve("thesis.docx")));
    }

    @Test
    void emptyFolder_isReplaced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("x.txt"), "x"));
        assertEquals(List.of("evident-manifest.txt", "x.txt"), listing(out));
    }

    @Test
    void earlierOutputWithAFileAddedByTheUser_isRefused() throws IOException {
        Path out = tmp.resolve("out");
        OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("report.pdf"), "1"));
        Files.writeString(out.resolve("my-comments.txt"), "keep me");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("report.pdf"), "2")));
        assertTrue(e.getMessage().contains("holds files an earlier evident run did not write: my-comments.txt"), e.getMessage());
        assertEquals("1", Files.readString(out.resolve("report.pdf")));
    }

    @Test
    void aForgedManifestWithoutEvidentsHeader_doesNotMakeAFolderReplaceable() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(OutputFolder.MANIFEST), "data.csv\n");
        Files.writeString(out.resolve("data.csv"), "1");
        assertThrows(IllegalArgumentException.class, () -> OutputFolder.checkReplaceable(out, List.of()));
    }

    @Test
    void projectFolder_orAFolderContainingIt_isRefused() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("work/project"));
        Files.writeString(project.resolve("evaluation.yaml"), "programme: x\n");
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.checkReplaceable(project, List.of(project)));
        assertTrue(same.getMessage().contains(": is a folder evident reads or keeps: " + project), same.getMessage());
        IllegalArgumentException parent = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.checkReplaceable(tmp.resolve("work"), List.of(project)));
        assertTrue(parent.getMessage().contains(": contains a folder evident reads or keeps"), parent.getMessage());
        IllegalArgumentException dotDot = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.checkReplaceable(project.resolve("data/.."), List.of(project)));
        assertTrue(dotDot.getMessage().contains("is a folder evident reads or keeps"), dotDot.getMessage());
        assertEquals("programme: x\n", Files.readString(project.resolve("evaluation.yaml")));
    }

    @Test
    void rootHomeAndCurrentFolder_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutputFolder.checkReplaceable(Path.of("/"), List.of()));
        IllegalArgumentException home = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.checkReplaceable(Path.of(System.getProperty("user.home")), List.of()));
        assertTrue(home.getMessage().contains("is your home folder"), home.getMessage());
        IllegalArgumentException current = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.checkReplaceable(Path.of("."), List.of()));
        assertTrue(current.getMessage().contains("is the current folder"), current.getMessage());
    }

    @Test
    void stagingFoldersOfKilledRuns_areCleanedOnTheNextRun_butNotThoseOfALiveRun() throws Exception {
        Path out = tmp.resolve("out");
        Path killed = Files.createDirectories(tmp.resolve(".out.writing-123"));
        Files.writeString(killed.resolve("report.pdf"), "half");
        Files.writeString(killed.resolve(".evident-writing.lock"), "");
        Path olderKilled = Files.createDirectories(tmp.resolve(".out.writing-456"));
        Path live = Files.createDirectories(tmp.resolve(".out.writing-789"));
        Path liveLock = Files.writeString(live.resolve(".evident-writing.lock"), "");
        try (var channel = java.nio.channels.FileChannel.open(liveLock, java.nio.file.StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            OutputFolder.writeAtomically(out, f -> Files.writeString(f.resolve("x.txt"), "x"));
        }
        assertTrue(Files.notExists(killed));
        assertTrue(Files.notExists(olderKilled));
        assertTrue(Files.exists(live), "a run still writing keeps its staging folder");
        assertEquals(List.of(".out.writing-789", "out"), listing(tmp));
    }
}
