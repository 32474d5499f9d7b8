package org.evident.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the records of record-level sources are read, checked and aggregated: in this process
 * (the default), or on Apache Spark, locally or on a cluster. Both run the same {@link RecordRules}
 * through the same per-row step and give identical results; only the distribution of the work differs.
 */
public interface RecordEngine extends AutoCloseable {

    /** "local" or "spark", for messages. */
    String name();

    /**
     * Reads every file (CSV or Parquet), returning one result per file in the order given.
     *
     * @param displays the files' names as shown to the user, in the same order
     */
    List<RecordFile> read(RecordRules rules, List<Path> files, List<String> displays, Map<String, List<String>> aliases,
                          Consumer<String> progress) throws IOException;

    @Override
    void close();

    /** The in-process engine: files read in parallel on this machine's cores. */
    static RecordEngine inProcess() {
        return new LocalRecordEngine();
    }

    /**
     * The Spark engine. Spark must be on the class path (the {@code evident} launcher adds it for
     * {@code --engine spark}; {@code spark-submit} provides it).
     *
     * @param master {@code local[*]}, {@code spark://host:port}, or null to take {@code spark.master}
     *               from the environment, as under spark-submit
     * @throws IllegalStateException if Spark is not on the class path
     */
    static RecordEngine spark(String master) {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, RecordEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the Spark engine needs Apache Spark on the class path: run through the"
                    + " evident launcher (it adds cli/target/spark-lib for --engine spark) or spark-submit", e);
        }
        return SparkRecordEngine.start(master);
    }
}
