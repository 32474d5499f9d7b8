package org.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.evident.toc.EvaluationProject;

/**
 * {@code evident run --watch}: runs the evaluation, then again each time a file of the project
 * changes, in the same JVM, so that a re-run finds the classes loaded and the code compiled. Each
 * run's time is printed; a run that fails (an invalid {@code evaluation.yaml}, a data file that
 * cannot be read) prints its error as a single run would, and the watch goes on. Ctrl-C (or any
 * end of the JVM) stops the watch; a run then in progress is abandoned, and the output folder
 * keeps the outputs of the last complete run (it is only ever replaced whole).
 */
final class WatchedRuns {
    private WatchedRuns() {
    }

    static int loop(RunCommand run) {
        PrintWriter err = run.spec.commandLine().getErr();
        PrintWriter out = run.spec.commandLine().getOut();
        boolean stacktrace = run.spec.root().userObject() instanceof Evident e && e.stacktrace;
        Path folder = run.project.folder.toAbsolutePath().normalize();
        AtomicBoolean running = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        try (ProjectWatch watch = new ProjectWatch()) {
            Thread stop = new Thread(() -> {
                watch.close();
                out.println("evident: stopped watching after " + Evident.plural(runs.get(), "run")
                        + (running.get() ? "; the run in progress was abandoned, and " + run.out
                                + " keeps the outputs of the last complete run" : ""));
                out.flush();
            }, "evident-watch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            List<Path> changed = List.of();
            while (true) {
                Optional<EvaluationProject> project = opened(run);
                watch.ignore(ownOutputs(run, folder, project));
                // Watched before the run, not after: a file saved while a run is in progress (or the
                // moment it ends) sets off the next one instead of being lost.
                watch.watch(folder);
                dataFolders(project).forEach(watch::watch);
                running.set(true);
                long start = System.nanoTime();
                long cpuStart = cpuMillis();
                int code;
                try {
                    code = run.runOnce();
                } catch (RuntimeException e) {
                    code = Evident.handle(e, err, stacktrace);
                }
                running.set(false);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (cpuMillis() - cpuStart) / 1e3;
                out.println(String.format(Locale.ROOT, "run %d: %.2f s (CPU %.2f s), exit code %d%s", runs.incrementAndGet(), seconds,
                        cpu, code,
                        changed.isEmpty() ? "" : " (changed: " + names(folder, changed) + ")"));
                err.flush();
                out.println("watching " + folder + " for changes (Ctrl-C to stop)");
                out.flush();
                Optional<List<Path>> next = watch.awaitChange();
                if (next.isEmpty()) {
                    return Evident.OK;
                }
                changed = next.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Evident.OK;
        }
    }

    /**
     * What a run writes, which must not set off the next: the output folder, the history, and each
     * record store (by default aggregates/ in the project, or in --state).
     */
    private static List<Path> ownOutputs(RunCommand run, Path folder, Optional<EvaluationProject> project) {
        List<Path> own = new ArrayList<>(List.of(run.out, folder.resolve("aggregates"), folder.resolve("history")));
        if (run.history != null) {
            own.add(run.history);
        }
        if (run.state.folder != null) {
            own.add(run.state.folder);
        }
        project.ifPresent(p -> p.evaluation().sources().forEach(s -> s.records().ifPresent(r -> own.add(r.store()))));
        return own;
    }

    /** The folders of the data files, which may be outside the project (--allow-outside-project). */
    private static List<Path> dataFolders(Optional<EvaluationProject> project) {
        List<Path> folders = new ArrayList<>();
        project.ifPresent(p -> p.evaluation().sources().forEach(s -> {
            Path file = s.file().toAbsolutePath().normalize();
            folders.add(java.nio.file.Files.isDirectory(file) ? file : file.getParent());
        }));
        return folders;
    }

    /** The project as it is now, or empty while it does not open (the run has printed why). */
    private static Optional<EvaluationProject> opened(RunCommand run) {
        try {
            return Optional.of(run.state.apply(run.project.open()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The CPU time of every thread of the process so far: on a busy machine, a run's wall time says little. */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    private static String names(Path folder, List<Path> changed) {
        List<String> names = changed.stream().map(p -> p.startsWith(folder) ? folder.relativize(p).toString() : p.toString())
                .toList();
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " and "
                + (names.size() - 3) + " more";
    }
}
