package org.evident.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a change to a project's files, for {@code evident run --watch}: the project folder and
 * any other folder it reads (data folders outside it), each with its subfolders, through the
 * platform's {@link WatchService}. Evident's own outputs (the record stores, the history, the
 * output folder and its staging folders) are ignored, as are hidden files (an editor's swap
 * files); a burst of changes (an editor saving, a copy of many files) counts once, when the
 * folders have been quiet for {@link #QUIET_MS}.
 */
final class ProjectWatch implements AutoCloseable {
    /** How long the watched folders must be quiet after a change before it counts. */
    static final long QUIET_MS = 200;

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private volatile List<Path> ignored = List.of();

    ProjectWatch() {
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the project's files", e);
        }
    }

    /** Ignores from now on every change under these paths (Evident's own outputs); replaces the earlier list. */
    void ignore(Collection<Path> paths) {
        ignored = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Watches {@code folder} and its subfolders, except ignored ones; a folder already watched is left as it is. */
    synchronized void watch(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root) || isIgnored(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && (isIgnored(dir) || hidden(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!folders.containsValue(dir)) {
                        folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a folder we may not read is not one the run reads either
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root, e);
        }
    }

    /**
     * Blocks until a watched file changes and the folders have then been quiet for {@link #QUIET_MS};
     * returns the changed paths, sorted, or empty once {@link #close} has been called.
     */
    Optional<List<Path>> awaitChange() throws InterruptedException {
        TreeSet<Path> changed = new TreeSet<>();
        try {
            while (changed.isEmpty()) {
                collect(service.take(), changed);
            }
            for (WatchKey key = service.poll(QUIET_MS, TimeUnit.MILLISECONDS); key != null;
                 key = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) {
                collect(key, changed);
            }
        } catch (ClosedWatchServiceException e) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(changed));
    }

    private void collect(WatchKey key, TreeSet<Path> changed) {
        Path folder;
        synchronized (this) {
            folder = folders.get(key);
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null || !(event.context() instanceof Path name)) {
                changed.add(Path.of("(several files: the system's queue of changes overflowed)"));
                continue;
            }
            Path path = folder.resolve(name);
            if (isIgnored(path) || hidden(path) || name.toString().endsWith("~")) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                watch(path);
            }
            changed.add(path);
        }
        if (!key.reset()) {
            synchronized (this) {
                folders.remove(key);
            }
        }
    }

    private boolean isIgnored(Path path) {
        for (Path p : ignored) {
            if (path.startsWith(p)) {
                return true;
            }
            // The output folder's staging folders beside it: .NAME.writing-*
            if (p.getParent() != null && path.startsWith(p.getParent()) && path.getNameCount() > p.getParent().getNameCount()
                    && path.getName(p.getParent().getNameCount()).toString().startsWith("." + p.getFileName() + ".writing-")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
