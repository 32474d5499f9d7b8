package org.evident.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Prepares a class list for the launcher's class-data sharing archive (see the launcher
 * {@code ./evident} and README, developer notes): {@code java -cp build-tools/target/classes:cli/target/evident.jar
 * org.evident.buildtools.ClassList IN OUT}. It finds each class on its own class path, which therefore holds the
 * application's jar too.
 *
 * <p>{@code -XX:DumpLoadedClassList} writes one {@code @lambda-proxy} line per lambda a class
 * created. {@code java -Xshare:dump} skips the classes of signed jars (ELK and EMF are signed),
 * and OpenJDK 17.0.15 then crashes on a lambda proxy whose class it skipped (SIGSEGV in
 * {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}). This drops those lines and
 * keeps every other one, so the lambdas of the other jars are still archived. ({@code mvn package}
 * removes the signatures from the jars in cli/target/lib, {@link UnsignedJars}: this is for a
 * signed jar that is there all the same.)
 */
final class ClassList {
    private ClassList() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ClassList IN OUT");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Files.write(Path.of(args[1]), withoutSignedLambdas(lines, ClassLoader.getSystemClassLoader()),
                StandardCharsets.UTF_8);
    }

    /** The lines without the {@code @lambda-proxy} lines of classes that come from a signed jar. */
    static List<String> withoutSignedLambdas(List<String> lines, ClassLoader loader) {
        Map<String, Boolean> signedJars = new HashMap<>();
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.startsWith("@lambda-proxy ")) {
                String[] words = line.split(" ", 3);
                if (words.length < 2 || fromSignedJar(words[1], loader, signedJars)) {
                    continue;
                }
            }
            kept.add(line);
        }
        return kept;
    }

    private static boolean fromSignedJar(String className, ClassLoader loader, Map<String, Boolean> signedJars) {
        URL url = loader.getResource(className + ".class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            return false;
        }
        String jar = url.toString().substring(0, url.toString().indexOf("!/") + 2);
        return signedJars.computeIfAbsent(jar, key -> isSigned(url));
    }

    private static boolean isSigned(URL classInJar) {
        try {
            JarURLConnection connection = (JarURLConnection) classInJar.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream().anyMatch(entry -> UnsignedJars.isSignature(entry.getName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
