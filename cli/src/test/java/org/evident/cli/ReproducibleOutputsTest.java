package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give the same bytes: every file of two runs of the worked example, the PDF and workbook included. */
class ReproducibleOutputsTest {
    private static final String BCF = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme").toString();

    @TempDir
    Path tmp;

    @Test
    void workedExample_runTwice_givesByteIdenticalOutputs() throws IOException {
        Path history = tmp.resolve("history");
        Path first = run(tmp.resolve("first"), history);
        Path second = run(tmp.resolve("second"), history);
        List<Path> files = files(first);
        assertEquals(files, files(second), "the same files");
        assertTrue(files.contains(Path.of("report.pdf")) && files.contains(Path.of("evidence.xlsx")), files::toString);
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
                    file + " differs between two runs of the same inputs");
        }
    }

    private static Path run(Path out, Path history) {
        StringWriter err = new StringWriter();
        int code = Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", BCF, "--out", out.toString(),
                "--history", history.toString());
        assertEquals(0, code, err::toString);
        return out;
    }

    /** Every regular file under {@code folder}, relative to it, sorted. */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }
}
