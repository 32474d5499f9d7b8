package org.evident.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import scala.Tuple2;

/**
 * Reads a records source on Spark. CSV files go one per task, read by the same reader as in
 * process (so row numbers in rejects are the file's own); Parquet files go through Spark's reader,
 * which splits them and reads only the columns wanted, with {@code _metadata.row_index} as the
 * row number. Every row goes through {@link RecordFile#accept}, the step the in-process engine
 * runs; the small per-file results are merged on the driver.
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
        builder.config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.ui.showConsoleProgress", "false");
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
        Map<String, String> displayOf = new HashMap<>();
        List<String[]> csv = new ArrayList<>();
        List<String> parquet = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i).toAbsolutePath();
            displayOf.put(file.getFileName().toString(), displays.get(i));
            if (RecordFile.isParquet(file)) {
                parquet.add(file.toString());
            } else {
                csv.add(new String[] {file.toString(), displays.get(i)});
            }
        }
        Map<String, List<String>> aliasCopy = new HashMap<>(aliases);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaRDD<RecordFile>> parts = new ArrayList<>();
        if (!csv.isEmpty()) {
            parts.add(context.parallelize(csv, csv.size())
                    .map(f -> RecordFile.readOrExplain(rules, Path.of(f[0]), f[1], aliasCopy)));
        }
        if (!parquet.isEmpty()) {
            parts.add(parquet(rules, parquet, displayOf, aliasCopy));
        }
        progress.accept("spark (" + master() + "): reading " + files.size() + " files");
        List<RecordFile> results = new ArrayList<>();
        for (JavaRDD<RecordFile> part : parts) {
            results.addAll(part.mapToPair(f -> new Tuple2<>(f.file, f)).reduceByKey(RecordFile::merge).values().collect());
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < displays.size(); i++) {
            order.put(displays.get(i), i);
        }
        results.sort(Comparator.comparing(f -> order.get(f.file)));
        for (RecordFile f : results) {
            // Parts of one file arrive in any order; a stable sort by row restores the file's order.
            f.rejects.sort(Comparator.comparingLong(Reject::row));
        }
        return results;
    }

    private JavaRDD<RecordFile> parquet(RecordRules rules, List<String> paths, Map<String, String> displayOf,
                                        Map<String, List<String>> aliases) {
        Dataset<org.apache.spark.sql.Row> all = spark.read().parquet(paths.toArray(String[]::new));
        Map<String, Boolean> wanted = rules.columns();
        ColumnMap resolved = ColumnMap.resolve(Path.of(paths.get(0)), 0, List.of(all.schema().fieldNames()), wanted, aliases);
        List<String> header = new ArrayList<>();
        for (String canonical : wanted.keySet()) {
            String actual = resolved.header(canonical);
            if (!header.contains(actual)) {
                header.add(actual);
            }
        }
        List<Column> columns = new ArrayList<>();
        header.forEach(h -> columns.add(functions.col("`" + h + "`")));
        columns.add(functions.col("_metadata.file_path"));
        columns.add(functions.col("_metadata.row_index"));
        int width = header.size();
        return all.select(columns.toArray(Column[]::new)).javaRDD().mapPartitions(rows -> {
            ColumnMap map = ColumnMap.resolve(Path.of("records"), 0, header, wanted, aliases);
            Map<String, RecordFile> byFile = new HashMap<>();
            while (rows.hasNext()) {
                org.apache.spark.sql.Row row = rows.next();
                String display = displayOf.get(fileName(row.getString(width)));
                RecordFile file = byFile.computeIfAbsent(display, d -> new RecordFile(d, rules.newAggregates()));
                List<String> cells = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    cells.add(Values.text(row.get(i)));
                }
                file.accept(rules, map, row.getLong(width + 1) + 1, cells);
            }
            Iterator<RecordFile> it = byFile.values().iterator();
            return it;
        });
    }

    private static String fileName(String uri) throws URISyntaxException {
        String path = new URI(uri).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The jars holding Evident's rules and what they call, for the executors; class folders are jarred first. */
    private static List<String> ownJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(RecordRules.class, org.evident.toc.Period.class, org.apache.commons.csv.CSVFormat.class)) {
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
