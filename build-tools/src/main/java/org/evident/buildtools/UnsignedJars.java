package org.evident.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signatures from the jars in a folder: {@code mvn package} runs it on
 * {@code cli/target/lib} (maven-antrun-plugin, cli's pom.xml), after copy-dependencies. ELK's and EMF's jars are signed
 * (Eclipse): the JVM checks each class it loads from them against the signature, and
 * {@code java -Xshare:dump} never archives a signed jar's classes, so the launcher's class-data
 * archive (README, developer notes) left out the 600 classes of the diagram layout. Nothing
 * here relies on the signatures; the jars in {@code ~/.m2} keep theirs.
 */
final class UnsignedJars {
    private UnsignedJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: UnsignedJars FOLDER");
            System.exit(2);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                unsign(jar);
            }
        }
    }

    /** Rewrites {@code jar} without its signature files, if it has any; true if it did. */
    static boolean unsign(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> isSignature(e.getName()))) {
                return false;
            }
            Path temporary = jar.resolveSibling("." + jar.getFileName() + ".tmp");
            try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    if (isSignature(entry.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    /** META-INF/NAME.SF, .RSA, .DSA or .EC: a signature (the manifest's digests alone sign nothing). */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
