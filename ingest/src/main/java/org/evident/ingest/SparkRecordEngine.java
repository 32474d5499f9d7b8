package org.evident.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;


/**
 * Reads a records source on Spark: one task per file, CSV or Parquet, each read by the reader the
 * in-process engine uses and every row through {@link RecordFile#accept}, the same step; only the
 * small per-file results (counts, rejects, partial aggregates) come back to the driver.
 *
 * <p>Why not Spark's own Parquet reader: it was tried, with {@code _metadata.row_index} for row
 * numbers, and on 10M generated rows Spark on Parquet then took 25.5 s against 17.2 s on CSV,
 * because every value was turned into a Java object in a {@code Row} and then into text for the
 * rules. A file per task needs the files on a file system every executor sees (as the CSV path
 * always did) and does not split a single large file: national extracts come as many files (a
 * month or an area each), which is what the tasks are spread over.
 */
final class SparkRecordEngine implements RecordEngine {
    private final SparkSession spark;
    /** Whether this engine started the session (and so stops it); a session a notebook or test made is left running. */
    private final boolean owned;

    private SparkRecordEngine(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    static SparkRecordEngine start(String master) {
        SparkConf conf = new SparkConf(true);
        SparkSession.Builder builder = SparkSession.builder().appName("evident");
        if (master != null) {
            builder.master(master);
        } else if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        builder.config("spark.ui.showConsoleProgress", "false");
        // Executors need Evident's classes to run the rules. Under spark-submit the job jar is
        // already shipped; otherwise ship the jars (or class folders, jarred) this code came from.
        if (!conf.contains("spark.jars") && (master == null || !master.startsWith("local"))) {
            builder.config("spark.jars", String.join(",", ownJars()));
        }
        boolean existing = SparkSession.getDefaultSession().isDefined();
        return new SparkRecordEngine(builder.getOrCreate(), !existing);
    }

    @Override
    public String name() {
        return "spark";
    }

    /** The master this engine runs on, e.g. {@code spark://127.0.0.1:7077}. */
    String master() {
        return spark.sparkContext().master();
    }

    @Override
    public List<RecordFile> read(RecordRules rules, List<Path> files, List<String> displays,
                                 Map<String, List<String>> aliases, Consumer<String> progress) throws IOException {
        List<String[]> tasks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            tasks.add(new String[] {files.get(i).toAbsolutePath().toString(), displays.get(i)});
        }
        Map<String, List<String>> aliasCopy = new HashMap<>(aliases);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        progress.accept("spark (" + master() + "): reading " + files.size() + " files");
        // collect() keeps the order of the tasks, which is the order of the files.
        List<RecordFile> results = context.parallelize(tasks, tasks.size())
                .map(f -> RecordFile.readOrExplain(rules, Path.of(f[0]), f[1], aliasCopy)).collect();
        return results;
    }

    /** The jars holding Evident's rules and what they call, for the executors; class folders are jarred first. */
    private static List<String> ownJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(RecordRules.class, org.evident.toc.Period.class, de.siegmar.fastcsv.reader.CsvReader.class)) {
            try {
                Path location = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                jars.add((Files.isDirectory(location) ? jarOf(location) : location).toString());
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot find the jar of " + c.getName() + " to ship to Spark", e);
            }
        }
        return List.copyOf(jars);
    }

    private static Path jarOf(Path classes) throws IOException {
        Path jar = Files.createTempFile("evident-classes-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return jar;
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
