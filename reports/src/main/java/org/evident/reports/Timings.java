package org.evident.reports;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Phase timings for performance work, printed to standard error only when the environment
 * variable {@code EVIDENT_TIMINGS} is set (to anything but empty): each line gives the phase,
 * its wall time, and the process's wall and CPU time so far (CPU of all threads, so phases that
 * overlap show in the process total, not in their own line). Off, a call costs one field read.
 */
public final class Timings {
    private static final boolean ON = System.getenv("EVIDENT_TIMINGS") != null && !System.getenv("EVIDENT_TIMINGS").isEmpty();
    private static final PrintStream OUT = System.err;

    private Timings() {
    }

    /** Runs {@code phase} and, when timings are on, prints how long it took. */
    public static <T> T time(String what, Supplier<T> phase) {
        if (!ON) {
            return phase.get();
        }
        long start = System.nanoTime();
        try {
            return phase.get();
        } finally {
            print(what, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** {@link #time(String, Supplier)} for a phase without a result. */
    public static void time(String what, Runnable phase) {
        time(what, () -> {
            phase.run();
            return null;
        });
    }

    /** Marks a point (e.g. the end of the run) with the process's wall and CPU time so far. */
    public static void mark(String what) {
        if (ON) {
            print(what, -1);
        }
    }

    private static synchronized void print(String what, long ms) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        long sinceStart = info.startInstant().map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        OUT.println(String.format(Locale.ROOT, "timing %-28s %6s ms   (process: %6d ms wall, %6d ms CPU, thread %s)", what,
                ms < 0 ? "" : Long.toString(ms), sinceStart, cpu, Thread.currentThread().getName()));
    }
}
