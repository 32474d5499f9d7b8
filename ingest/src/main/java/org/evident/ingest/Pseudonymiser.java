package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces respondent identifiers with a keyed hash (HMAC-SHA256) on read, so no raw identifier
 * reaches any table or reject. The same key gives the same pseudonym, so waves can be linked;
 * without the key a pseudonym cannot be turned back or recomputed from a guessed identifier.
 */
public final class Pseudonymiser {
    /** The key itself, as text. */
    public static final String KEY_VARIABLE = "EVIDENT_PSEUDONYM_KEY";
    /** A file holding the key. */
    public static final String KEY_FILE_VARIABLE = "EVIDENT_PSEUDONYM_KEY_FILE";

    private final ThreadLocal<Mac> mac;

    private Pseudonymiser(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes; got " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        // Mac.getInstance and init cost more than the hash itself; keep one initialised Mac per thread.
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
            }
        });
    }

    /** A pseudonymiser with the given key text (at least 16 characters). */
    public static Pseudonymiser withKey(String key) {
        return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key from {@value #KEY_VARIABLE}, else the file named by {@value #KEY_FILE_VARIABLE}, else
     * {@code defaultKeyFile}, which is created with a random key (readable by its owner only) the
     * first time. A key file inside {@code project} is refused: the key must not travel with the data.
     */
    public static Pseudonymiser fromEnvironment(Map<String, String> environment, Path defaultKeyFile, Path project) {
        String key = environment.get(KEY_VARIABLE);
        if (key != null && !key.isBlank()) {
            return withKey(key.strip());
        }
        Path file = environment.containsKey(KEY_FILE_VARIABLE) ? Path.of(environment.get(KEY_FILE_VARIABLE)) : defaultKeyFile;
        if (file.toAbsolutePath().normalize().startsWith(project.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the pseudonym key file " + file + " is inside the project folder " + project
                    + "; keep it elsewhere so the key never travels with the data");
        }
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return withKey(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file keeps its folder's permissions.
        }
    }

    /** The pseudonym of {@code identifier}: "p-" and 16 hex digits (64 bits) of its HMAC-SHA256. */
    public String pseudonym(String identifier) {
        byte[] hash = mac.get().doFinal(identifier.strip().getBytes(StandardCharsets.UTF_8));
        return "p-" + HexFormat.of().formatHex(hash, 0, 8);
    }
}
