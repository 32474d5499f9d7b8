package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

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
    private final String fingerprint;
    private final String origin;
    private final Optional<Path> created;

    private Pseudonymiser(byte[] key) {
        this(key, "the given key", Optional.empty());
    }

    private Pseudonymiser(byte[] key, String origin, Optional<Path> created) {
        this.origin = origin;
        this.created = created;
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes; got " + key.length);
        }
        try {
            this.fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
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
     * first time ({@link #created()} then names it). A key file inside {@code project} is refused:
     * the key must not travel with the data.
     */
    public static Pseudonymiser fromEnvironment(Map<String, String> environment, Path defaultKeyFile, Path project) {
        String key = environment.get(KEY_VARIABLE);
        if (key != null && !key.isBlank()) {
            return withKey(key.strip(), "$" + KEY_VARIABLE, Optional.empty());
        }
        Path file = keyFile(environment, defaultKeyFile);
        if (file.toAbsolutePath().normalize().startsWith(project.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the pseudonym key file " + file + " is inside the project folder " + project
                    + "; keep it elsewhere so the key never travels with the data");
        }
        try {
            boolean create = !Files.exists(file);
            if (create) {
                createKeyFile(file);
            }
            return withKey(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString(),
                    create ? Optional.of(file) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key {@link #fromEnvironment} would use, without creating one: empty when neither variable
     * is set and the key file does not exist yet.
     *
     * @throws UncheckedIOException if the key file exists but cannot be read
     */
    public static Optional<Pseudonymiser> existing(Map<String, String> environment, Path defaultKeyFile) {
        String key = environment.get(KEY_VARIABLE);
        if (key != null && !key.isBlank()) {
            return Optional.of(withKey(key.strip(), "$" + KEY_VARIABLE, Optional.empty()));
        }
        Path file = keyFile(environment, defaultKeyFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(withKey(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString(), Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The key file {@link #fromEnvironment} reads when {@value #KEY_VARIABLE} is not set. */
    public static Path keyFile(Map<String, String> environment, Path defaultKeyFile) {
        String named = environment.get(KEY_FILE_VARIABLE);
        return named != null && !named.isBlank() ? Path.of(named) : defaultKeyFile;
    }

    private static Pseudonymiser withKey(String key, String origin, Optional<Path> created) {
        return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8), origin, created);
    }

    /** Where the key came from: the key file's path, or {@code $EVIDENT_PSEUDONYM_KEY}. */
    public String origin() {
        return origin;
    }

    /** The key file this pseudonymiser created because there was none yet, if it did. */
    public Optional<Path> created() {
        return created;
    }

    /**
     * The first 16 hex digits of the key's SHA-256: the same on two machines exactly when they hold
     * the same key, and no help in finding the key or a pseudonym.
     */
    public String fingerprint() {
        return fingerprint;
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
