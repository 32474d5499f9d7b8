package org.evident.ingest;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Progress lines for long reads, at most one every few seconds, so a read of seconds prints
 * nothing and a read of minutes says how far it is. Safe to call from several threads.
 */
final class Heartbeat {
    static final long EVERY_NANOS = 5_000_000_000L;

    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private long last = start;

    Heartbeat(Consumer<String> out) {
        this.out = out;
    }

    /** Passes on {@code line} when the last line is at least {@link #EVERY_NANOS} old. */
    synchronized void beat(Supplier<String> line) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            last = now;
            out.accept(line.get());
        }
    }

    /** Seconds since this heartbeat started. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** "1,234 rows/s" over the time since the start. */
    String rate(long rows) {
        return String.format(java.util.Locale.ROOT, "%,d rows/s", Math.round(rows / Math.max(seconds(), 1e-3)));
    }
}
