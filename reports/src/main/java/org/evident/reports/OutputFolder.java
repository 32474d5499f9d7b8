package org.evident.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a run's outputs so that the output folder is either the complete new set or the
 * previous one: everything is written into a temporary sibling folder, which replaces the
 * output folder only once the writer has finished without error.
 *
 * <p>It never deletes what it did not write: the last file written into a finished folder is
 * {@link #MANIFEST}, listing every file of the folder, and a folder that is not empty is
 * replaced only when it holds such a manifest and nothing that the manifest does not list.
 */
public final class OutputFolder {
    /** The manifest that marks a folder as written by Evident, listing the files it wrote. */
    public static final String MANIFEST = "evident-manifest.txt";
    private static final String MANIFEST_HEADER = "# evident output folder: every file below was written by evident run;"
            + " it replaces this folder only while the folder holds nothing else";
    /** Held (locked) in a staging folder while its run is alive, so that only a dead run's folder is cleaned. */
    private static final String LOCK = ".evident-writing.lock";

    /** Writes files into the folder it is given; the folder exists and is empty. */
    @FunctionalInterface
    public interface Writer {
        void writeInto(Path folder) throws IOException;
    }

    private OutputFolder() {
    }

    /**
     * Throws IllegalArgumentException, with the reason, unless {@code out} may be replaced: it
     * does not exist, or is an empty folder, or is a folder written by Evident (its manifest lists
     * everything in it); and it is none of {@code keep} (the project folder, the history folder,
     * the home and current folders) nor a folder that contains one of them.
     */
    public static void checkReplaceable(Path out, List<Path> keep) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            throw refused(out, "is a symbolic link; give the folder itself");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(out, "is a file, not a folder");
        }
        try {
            Path real = target.toRealPath();
            if (real.getParent() == null) {
                throw refused(out, "is the root folder");
            }
            for (Path k : withHomeAndCurrent(keep)) {
                Path kept = k.toAbsolutePath().normalize();
                Path keptReal = Files.exists(kept) ? kept.toRealPath() : kept;
                if (keptReal.startsWith(real)) {
                    throw refused(out, (keptReal.equals(real) ? "is " : "contains ") + describe(k));
                }
            }
            List<String> foreign = notWrittenByEvident(target);
            if (!foreign.isEmpty()) {
                throw refused(out, Files.isRegularFile(target.resolve(MANIFEST))
                        ? "holds files an earlier evident run did not write: " + listed(foreign)
                        : "is a folder that is not empty and was not written by evident (it has no " + MANIFEST + "): "
                                + listed(foreign));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    /** {@code keep} with the folders no output may ever replace: the user's home and the current folder. */
    private static List<Path> withHomeAndCurrent(List<Path> keep) {
        List<Path> all = new ArrayList<>(keep);
        all.add(Path.of(System.getProperty("user.home")));
        all.add(Path.of("").toAbsolutePath());
        return all;
    }

    private static String describe(Path kept) {
        Path abs = kept.toAbsolutePath().normalize();
        if (abs.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())) {
            return "your home folder (" + abs + ")";
        }
        if (abs.equals(Path.of("").toAbsolutePath())) {
            return "the current folder (" + abs + ")";
        }
        return "a folder evident reads or keeps: " + kept;
    }

    private static IllegalArgumentException refused(Path out, String why) {
        return new IllegalArgumentException("--out " + out + ": " + why
                + "; evident replaces the output folder whole, so it only replaces a folder it wrote itself"
                + " (choose a new folder, or remove this one yourself)");
    }

    private static String listed(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    /** The files under {@code folder} that its manifest does not list (all of them when it has none), sorted. */
    private static List<String> notWrittenByEvident(Path folder) throws IOException {
        Set<String> listed = new HashSet<>(manifest(folder));
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String name = relative(folder, p);
                if (!name.equals(MANIFEST) && !listed.contains(name)) {
                    foreign.add(name);
                }
            });
        }
        foreign.sort(null);
        return foreign;
    }

    /** The files the manifest in {@code folder} lists; none when there is no manifest, or not Evident's. */
    private static List<String> manifest(Path folder) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(MANIFEST_HEADER)) {
            return List.of();
        }
        return lines.subList(1, lines.size());
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * Runs {@code writer} against a fresh temporary folder beside {@code out}, writes the
     * manifest, then moves the folder into place, replacing {@code out} (which must pass
     * {@link #checkReplaceable}, checked again now). On failure {@code out} is left as it was and
     * the temporary folder is removed; temporary folders of runs that were killed are removed first.
     */
    public static void writeAtomically(Path out, Writer writer) {
        writeAtomically(out, List.of(), writer);
    }

    /** {@link #writeAtomically(Path, Writer)}, never replacing {@code keep} or a folder containing one of them. */
    public static void writeAtomically(Path out, List<Path> keep, Writer writer) {
        checkReplaceable(out, keep);
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            cleanAbandoned(parent, "." + target.getFileName() + ".writing-");
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".writing-");
            readableByOthers(staging);
            Path lockFile = staging.resolve(LOCK);
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FileLock held = lock.lock()) {
                writer.writeInto(staging);
                writeManifest(staging);
                checkReplaceable(out, keep);
                replace(target, staging);
                // Renamed into place with the folder: no longer a staging folder anyone would clean.
                Files.delete(target.resolve(LOCK));
            } catch (IOException | RuntimeException e) {
                deleteTree(staging);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs to " + out + ": " + e.getMessage(), e);
        }
    }

    /** The manifest, written last: every file in the folder, sorted, one per line, after the header. */
    private static void writeManifest(Path folder) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).map(p -> relative(folder, p))
                    .filter(name -> !name.equals(LOCK)).sorted().toList();
        }
        StringBuilder text = new StringBuilder(MANIFEST_HEADER).append('\n');
        files.forEach(f -> text.append(f).append('\n'));
        Files.writeString(folder.resolve(MANIFEST), text, StandardCharsets.UTF_8);
    }

    /**
     * Removes the staging folders (named {@code prefix}...) that runs killed part-way left in
     * {@code parent}: those whose lock no live process holds. A folder of a run still writing is
     * locked and left alone; one from before the lock (no lock file) is a dead run's too.
     */
    private static void cleanAbandoned(Path parent, String prefix) throws IOException {
        List<Path> staging;
        try (Stream<Path> children = Files.list(parent)) {
            staging = children.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path folder : staging) {
            if (!lockedByALiveRun(folder.resolve(LOCK))) {
                deleteTree(folder);
            }
        }
    }

    private static boolean lockedByALiveRun(Path lockFile) throws IOException {
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /** Temporary folders are created owner-only; the finished output should read like any other folder. */
    private static void readableByOthers(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder keeps its parent's access rules.
        }
    }

    private static void replace(Path target, Path staging) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(staging, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
