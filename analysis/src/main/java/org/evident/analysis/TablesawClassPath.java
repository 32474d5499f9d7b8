package org.evident.analysis;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Tablesaw's {@code Table} class, when first used, finds its file readers and writers by scanning
 * every jar on the class path with ClassGraph (its static initialiser). The command line's class
 * path holds some 90 jars, Hadoop's and Parquet's among them, and that scan took about 0.5 s of
 * wall and CPU time on every run; Tablesaw's readers and writers all live in its own jar. So
 * {@code Table} is initialised here with {@code java.class.path} narrowed to that jar for the
 * duration of the scan, and restored at once. Class loading does not read the property after
 * start-up, so nothing else changes; if the jar cannot be found, Tablesaw scans as usual.
 */
final class TablesawClassPath {
    private static boolean ready;

    private TablesawClassPath() {
    }

    /** Initialises Tablesaw's {@code Table} once, with the narrow scan; later calls return at once. */
    static synchronized void ready() {
        if (ready) {
            return;
        }
        ready = true;
        String classPath = System.getProperty("java.class.path");
        Path jar = tablesawJar();
        try {
            if (jar != null) {
                System.setProperty("java.class.path", jar.toString());
            }
            Class.forName("tech.tablesaw.api.Table", true, TablesawClassPath.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Tablesaw is not on the class path", e);
        } finally {
            if (classPath == null) {
                System.clearProperty("java.class.path");
            } else {
                System.setProperty("java.class.path", classPath);
            }
        }
    }

    /** The jar that holds Tablesaw's core classes (without initialising them), or null if it is not a jar file. */
    private static Path tablesawJar() {
        try {
            CodeSource source = tech.tablesaw.api.Table.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
