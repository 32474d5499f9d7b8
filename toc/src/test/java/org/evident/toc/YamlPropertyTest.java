package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The YAML reader under mutated input (the worked example's evaluation.yaml and toc.yaml, changed
 * here and there): a project either opens or stops with problems that name one of its two files;
 * never another exception, never a hang. 200 tries in the build; more with
 * {@code -Djqwik.tries.default=N} (README).
 */
class YamlPropertyTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme");
    /** What breaks YAML readers: structure, anchors and aliases, tags, tabs, quotes, odd numbers and dates. */
    private static final List<String> TOKENS = List.of(":", ": ", "- ", "{", "}", "[", "]", "&a ", "*a", "<<: *a",
            "!!python/object:x ", "!x ", "\t", "'", "\"", "\n", "\n  ", "#", "0x1p-1", "1.5e308", "80", "2024-02-30", "~",
            "? ", "|\n", "\u00e9", "\0", "\uFEFF", "a".repeat(5000));

    static String mutate(String text, long seed, int count) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < count && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0, 1 -> b.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 2 -> b.delete(at, Math.min(b.length(), at + random.nextInt(40)));
                default -> {
                    int start = b.lastIndexOf("\n", at) + 1;
                    int end = b.indexOf("\n", at);
                    end = end < 0 ? b.length() : end + 1;
                    b.insert(end, b.substring(start, end));
                }
            }
        }
        return b.toString();
    }

    @Property
    void mutatedProjectFiles_openOrStopNamingTheFile(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int edits,
                                                     @ForAll boolean tocToo) throws IOException {
        Path dir = Files.createTempDirectory("evident-yaml-property");
        try {
            Files.writeString(dir.resolve("evaluation.yaml"),
                    mutate(Files.readString(EXAMPLE.resolve("evaluation.yaml")), seed, tocToo ? edits / 2 : edits));
            String toc = Files.readString(EXAMPLE.resolve("toc.yaml"));
            Files.writeString(dir.resolve("toc.yaml"), tocToo ? mutate(toc, ~seed, edits) : toc);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    EvaluationProject.open(dir);
                } catch (InvalidProjectException e) {
                    for (Problem p : e.problems()) {
                        assertTrue(p.file().endsWith("evaluation.yaml") || p.file().endsWith("toc.yaml")
                                || p.file().endsWith(".yaml"), () -> "a problem that names no project file: " + p);
                    }
                }
            });
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
