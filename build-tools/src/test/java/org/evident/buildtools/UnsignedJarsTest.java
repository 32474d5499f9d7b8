package org.evident.buildtools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mvn package removes the signatures from cli/target/lib's jars, keeping every other entry. */
class UnsignedJarsTest {
    @TempDir
    Path dir;

    @Test
    void signatureFiles_areRemoved_everythingElseKept_andAnUnsignedJarIsLeftAlone() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n\nName: a/B.class\nSHA-256-Digest: xyz\n");
        entries.put("META-INF/ECLIPSE_.SF", "signature");
        entries.put("META-INF/ECLIPSE_.RSA", "certificate");
        entries.put("META-INF/maven/x/pom.properties", "version=1");
        entries.put("a/B.class", "bytes of a class");
        entries.put("a/sub/META-INF.SF", "not a signature: not in META-INF itself");
        Path signed = jar("signed.jar", entries);
        Map<String, String> plain = Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", "c/D.class", "d");
        Path unsigned = jar("plain.jar", plain);
        byte[] before = Files.readAllBytes(unsigned);

        UnsignedJars.main(new String[] {dir.toString()});

        Map<String, String> left = read(signed);
        entries.remove("META-INF/ECLIPSE_.SF");
        entries.remove("META-INF/ECLIPSE_.RSA");
        assertEquals(entries, left);
        assertEquals(List.copyOf(entries.keySet()), List.copyOf(left.keySet()), "in their order");
        assertArrayEquals(before, Files.readAllBytes(unsigned), "an unsigned jar is not rewritten");
        assertFalse(UnsignedJars.unsign(signed), "twice is once");
        assertTrue(UnsignedJars.isSignature("META-INF/x.ec"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> read(Path jar) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
