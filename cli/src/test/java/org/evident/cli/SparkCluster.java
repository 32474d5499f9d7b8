package org.evident.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.SparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and workers, each a JVM of its own,
 * started from the Maven jars on the test class path (nothing installed). Surefire and failsafe
 * set {@code java.class.path} to the test class path; its jars from the local Maven repository
 * become the cluster's Spark installation ({@code SPARK_HOME/jars}, without our SLF4J no-op
 * binding and with Spark's Log4j binding, so the daemons' logs say something), and its entries
 * from this repository (module classes, test classes, module jars) become the application jars
 * a driver ships to the executors with {@code spark.jars}.
 *
 * <p>Every process started here, and every descendant seen (the executors a Worker starts), is
 * stopped by {@link #close()} or, if the test JVM ends first, by a shutdown hook. Logs are under
 * {@code target/spark-cluster/}.
 */
final class SparkCluster implements AutoCloseable {
    private static final String SCALA_VERSION = "2.13";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String DAEMON_HEAP = "256m";
    /**
     * For every JVM of the cluster (daemons and executors): C1 only and the serial collector, fewer
     * threads competing for a 2-core machine.
     */
    private static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final int workers;
    private final Path dir;
    private final Path sparkHome;
    private final List<String> applicationJars;
    private final String masterUrl;
    private final int masterUiPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final Set<Long> pids = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::stop, "spark-cluster-shutdown");
    private boolean closed;

    private SparkCluster(int workers) throws IOException {
        this.workers = workers;
        Path target = Path.of(System.getProperty("user.dir"), "target", "spark-cluster");
        Files.createDirectories(target);
        dir = Files.createTempDirectory(target, "cluster-");
        Path repository = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .collect(Collectors.toList());
        List<Path> ours = classPath.stream().filter(entry -> entry.startsWith(repository)).collect(Collectors.toList());
        List<Path> installed = classPath.stream()
                .filter(entry -> !entry.startsWith(repository) && entry.toString().endsWith(".jar"))
                .filter(jar -> !jar.getFileName().toString().startsWith("slf4j-nop-")
                        && !jar.getFileName().toString().startsWith("log4j-to-slf4j-"))
                .collect(Collectors.toCollection(ArrayList::new));
        if (installed.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("spark-core_"))) {
            throw new IllegalStateException("no Spark jars on java.class.path (run through Maven): " + classPath);
        }
        String log4jBinding = System.getProperty("evident.spark.log4j");
        if (log4jBinding != null && !log4jBinding.isBlank()) {
            installed.add(Path.of(log4jBinding));
        }
        sparkHome = dir.resolve("spark-home");
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : installed) {
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        applicationJars = new ArrayList<>();
        applicationJars.add(jarOfDirectories(ours.stream().filter(Files::isDirectory).collect(Collectors.toList()),
                dir.resolve("evident-classes.jar")).toString());
        ours.stream().filter(entry -> entry.toString().endsWith(".jar")).forEach(jar -> applicationJars.add(jar.toString()));
        int masterPort = freePort();
        masterUiPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
    }

    /**
     * Starts a Master and {@code workers} Workers (one core and 1 GB for executors each) and
     * returns once the Master counts every worker alive.
     */
    static SparkCluster start(int workers) throws IOException, InterruptedException {
        long started = System.nanoTime();
        SparkCluster cluster = new SparkCluster(workers);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.launch("master", DAEMON_HEAP, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", cluster.masterUrl.substring(cluster.masterUrl.lastIndexOf(':') + 1),
                    "--webui-port", String.valueOf(cluster.masterUiPort));
            // A Worker that registers too early is answered only at its first retry, 5 to 15 s later.
            cluster.await("the Master to answer", () -> cluster.aliveWorkers() >= 0);
            for (int i = 1; i <= workers; i++) {
                cluster.launch("worker-" + i, DAEMON_HEAP, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--webui-port", "0", "--cores", "1", "--memory", "1g",
                        "--work-dir", cluster.dir.resolve("work-" + i).toString(), cluster.masterUrl);
            }
            cluster.await("the Master to count " + workers + " alive workers", () -> cluster.aliveWorkers() == workers);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        System.out.printf("spark cluster: master and %d workers up in %d ms (%s, logs in %s)%n", workers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cluster.masterUrl, cluster.dir);
        return cluster;
    }

    String masterUrl() {
        return masterUrl;
    }

    /** The value for {@code spark.jars}: our classes (packed into one jar) and our module jars. */
    String applicationJars() {
        return String.join(",", applicationJars);
    }

    /** The folder of this cluster's logs and work folders. */
    Path directory() {
        return dir;
    }

    /**
     * A session whose driver runs in this JVM, returned once an executor runs on every worker.
     * The caller stops it before closing the cluster.
     */
    SparkSession session(String appName) throws InterruptedException {
        long started = System.nanoTime();
        SparkSession session = SparkSession.builder()
                .appName(appName)
                .master(masterUrl)
                .config("spark.jars", applicationJars())
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.executor.memory", "1g")
                .config("spark.executor.cores", "1")
                .config("spark.executor.extraJavaOptions", String.join(" ", LEAN_JVM))
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        SparkContext context = session.sparkContext();
        // The driver counts as one "executor" in the status tracker.
        await(workers + " executors to register with the driver",
                () -> context.statusTracker().getExecutorInfos().length >= workers + 1);
        recordDescendants();
        System.out.printf("spark cluster: session with %d executors in %d ms%n", workers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return session;
    }

    /**
     * Starts a JVM with the cluster's Spark jars as class path, the JVM options Spark needs and at
     * most {@code heap} of heap (e.g. {@code 512m}), its output in {@code name.log}; it is stopped
     * with the cluster.
     */
    Process launch(String name, String heap, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(LEAN_JVM);
        // No REST submission server: it takes the fixed port 6066.
        command.add("-Dspark.master.rest.enabled=false");
        // The Master's ports are chosen here: if one has been taken meanwhile, exit (and the start
        // fails with the logs) rather than bind the next port, which no Worker would look for.
        command.add("-Dspark.port.maxRetries=0");
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A Worker builds its executors' class path from SPARK_HOME/jars, which needs the Scala version.
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", SCALA_VERSION);
        builder.environment().remove("SPARK_CONF_DIR");
        // Otherwise Spark warns that the host name resolves to a loopback address and picks another.
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the cluster is closed");
            }
            Process process = builder.start();
            processes.add(process);
            logs.add(log);
            pids.add(process.pid());
            return process;
        }
    }

    /** Every process id started here or seen as a descendant of one (executors). */
    Set<Long> pids() {
        recordDescendants();
        return Set.copyOf(pids);
    }

    /** The last lines of every log: the daemons' and the executors' (for failure messages). */
    String logs() {
        List<Path> files = new ArrayList<>(logs);
        try (Stream<Path> work = Files.walk(dir)) {
            work.filter(file -> file.getFileName().toString().equals("stderr")).sorted().forEach(files::add);
        } catch (IOException e) {
            // the daemons' logs are enough
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(System.lineSeparator()).append("==> ").append(file).append(" <==").append(System.lineSeparator());
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> text.append(line).append(System.lineSeparator()));
            } catch (IOException | UncheckedIOException e) {
                text.append("(unreadable: ").append(e.getMessage()).append(')').append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    /** Stops every process (workers and their executors first, then the Master). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        stop();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        // Descendants first: once a Worker is gone its executors are no longer its descendants.
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            ProcessHandle handle = processes.get(i).toHandle();
            handle.descendants().forEach(all::add);
            all.add(handle);
        }
        all.forEach(handle -> pids.add(handle.pid()));
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : all) {
            waitForExit(handle, deadline);
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                waitForExit(handle, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
        System.out.printf("spark cluster: %d processes stopped in %d ms%n", all.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void waitForExit(ProcessHandle handle, long deadline) {
        try {
            handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still alive: forced below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordDescendants() {
        synchronized (this) {
            for (Process process : processes) {
                // Only JVMs (the executors): a worker also runs short-lived helper commands, which a
                // test must not count as a process that should still be running.
                process.toHandle().descendants()
                        .filter(handle -> handle.info().command().map(c -> c.endsWith("/java")).orElse(false))
                        .forEach(handle -> pids.add(handle.pid()));
            }
        }
    }

    /** The Master's count of alive workers, or -1 while it does not answer. */
    private int aliveWorkers() {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ALIVE_WORKERS.matcher(response.body());
            return response.statusCode() == 200 && matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            List<Process> died;
            synchronized (this) {
                died = processes.stream().filter(process -> !process.isAlive()).collect(Collectors.toList());
            }
            if (!died.isEmpty()) {
                throw new IllegalStateException("spark cluster: a daemon exited (code " + died.get(0).exitValue()
                        + ") while waiting for " + what + logs());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("spark cluster: timed out after " + START_TIMEOUT.toSeconds()
                        + " s waiting for " + what + logs());
            }
            Thread.sleep(200);
        }
    }

    /** One jar of every file under the given folders (the first folder holding a name wins). */
    private static Path jarOfDirectories(List<Path> folders, Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path folder : folders) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(folder)) {
                    files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path path : files) {
                    String name = folder.relativize(path).toString().replace(File.separatorChar, '/');
                    if (name.equals("META-INF/MANIFEST.MF") || !names.add(name)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = Files.newInputStream(path)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
