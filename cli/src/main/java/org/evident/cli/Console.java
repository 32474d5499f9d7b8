package org.evident.cli;

import java.io.PrintWriter;

/**
 * What a command prints on the error stream, at one of three levels: a summary (the default),
 * the summary with every file ({@code --verbose}), or errors only ({@code --quiet}). Errors do not
 * go through it: they are printed whatever the level.
 */
final class Console {
    /** How much a command prints. */
    enum Level { QUIET, NORMAL, VERBOSE }

    /** Progress lines reach the summary only once a read has lasted this long (ingest's heartbeat period). */
    private static final long PROGRESS_AFTER_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final Level level;
    private long readStart = System.nanoTime();

    Console(PrintWriter err, Level level) {
        this.err = err;
        this.level = level;
    }

    /** A line of the summary: printed unless quiet. */
    void say(String line) {
        if (level != Level.QUIET) {
            err.println(line);
        }
    }

    /** A line for --verbose only. */
    void detail(String line) {
        if (level == Level.VERBOSE) {
            err.println(line);
        }
    }

    /** Marks the start of a read, from which {@link #progress} counts. */
    synchronized void reading() {
        readStart = System.nanoTime();
    }

    /**
     * A progress line from a read: with --verbose always; in the summary only on a long read, so a
     * read of seconds prints the same lines every time and a read of minutes is not silent.
     */
    synchronized void progress(String line) {
        if (level == Level.VERBOSE || level == Level.NORMAL && System.nanoTime() - readStart >= PROGRESS_AFTER_NANOS) {
            err.println("      " + line);
            err.flush();
        }
    }
}
