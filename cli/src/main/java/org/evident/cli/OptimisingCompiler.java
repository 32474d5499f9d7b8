package org.evident.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Stops HotSpot's optimising compiler (C2) from compiling anything new, for the rest of the run.
 *
 * <p>A project with record-level data keeps C2 (see the launcher, {@code evident}): its reading
 * loops run millions of times and C2 makes them about twice as fast as C1 does. Everything after
 * the reading (analysis, charts, PDF, Word, workbook) runs once, but long enough for C2 to compile
 * some 880 of its methods, on one of the machine's two cores, for code that has finished by the
 * time it is compiled. Once the data is read, a compiler directive (what
 * {@code jcmd PID Compiler.directives_add FILE} adds, through the same DiagnosticCommand MBean)
 * excludes every method from C2: methods already compiled keep their code, and a method that would
 * have gone to C2 is compiled by C1 without profiling instead. Measured on 10M records (2 cores):
 * the report stage went from 4.9 to 3.8 s, and its CPU from 9.4 to 6.6 s.
 */
final class OptimisingCompiler {
    /** The system property, set by the launcher for a project it gives C2, that asks for {@link #stop} after the reading. */
    static final String STOP_AFTER_READING = "evident.jit.c1AfterReading";

    private static final String EXCLUDE_ALL = "[ { match: \"*.*\", c2: { Exclude: true } } ]";

    private OptimisingCompiler() {
    }

    /**
     * Adds the directive. A JVM without the DiagnosticCommand MBean (not HotSpot) or that refuses
     * the directive runs on as it was: this only saves time.
     */
    static void stop() {
        Path directive = null;
        try {
            directive = Files.createTempFile("evident-jit", ".json");
            Files.writeString(directive, EXCLUDE_ALL, StandardCharsets.UTF_8);
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {directive.toString()}},
                    new String[] {String[].class.getName()});
        } catch (IOException | JMException | RuntimeException e) {
            // Only slower: the run goes on with C2.
        } finally {
            if (directive != null) {
                try {
                    Files.deleteIfExists(directive);
                } catch (IOException e) {
                    // A temporary file of 50 bytes left behind.
                }
            }
        }
    }
}
