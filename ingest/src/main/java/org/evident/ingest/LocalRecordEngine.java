package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Reads a records source's files in this process, as many at once as there are cores. */
final class LocalRecordEngine implements RecordEngine {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<RecordFile> read(RecordRules rules, List<Path> files, List<String> displays,
                                 Map<String, List<String>> aliases, Consumer<String> progress) throws IOException {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evident-records");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            AtomicLong rows = new AtomicLong();
            Heartbeat heartbeat = new Heartbeat(progress);
            String folder = commonFolder(displays);
            List<Future<RecordFile>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String display = displays.get(i);
                futures.add(pool.submit(() -> {
                    RecordFile result = RecordFile.readOrExplain(rules, file, display, aliases);
                    int finished = done.incrementAndGet();
                    long read = rows.addAndGet(result.read);
                    // Files finish in thread order: the line says how far the whole folder is, not which file ended.
                    heartbeat.beat(() -> String.format(java.util.Locale.ROOT, "%s: %d of %d files, %,d rows, %s, about %d s left",
                            folder, finished, files.size(), read, heartbeat.rate(read),
                            Math.round(heartbeat.seconds() * (files.size() - finished) / finished)));
                    return result;
                }));
            }
            List<RecordFile> results = new ArrayList<>();
            for (Future<RecordFile> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading records", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The folder part the files' display names share ("data/discharges"), or the one name. */
    private static String commonFolder(List<String> displays) {
        String first = displays.get(0);
        int slash = first.lastIndexOf('/');
        return displays.size() > 1 && slash > 0 ? first.substring(0, slash) : first;
    }

    @Override
    public void close() {
        // Nothing held between runs.
    }
}
