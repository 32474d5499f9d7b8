package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.evident.fixtures.NationalDischarges;
import org.evident.toc.Period;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A real standalone cluster (a Master and two Workers, separate JVMs) runs our code on its executors. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {
    private static SparkCluster cluster;
    private static SparkSession session;
    @TempDir
    static Path work;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SparkCluster.start(2);
        session = cluster.session("SparkClusterTest");
    }

    @AfterAll
    static void stopCluster() {
        if (session != null) {
            session.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void executorsLoadOurClassesFromSparkJars() {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
        List<String> quarters = List.of("2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4",
                "2023 Q1", "2023 Q4", "2025-26 Q1", "2019-20 Q4");
        // Period (module toc) is not in the cluster's jars: executors load it from spark.jars.
        List<String> results;
        try {
            results = spark.parallelize(quarters, 4)
                    .map(quarter -> quarter + "=" + Period.quarter(quarter).start() + "@" + SparkEnv.get().executorId()
                            + "/" + ProcessHandle.current().pid())
                    .collect();
        } catch (RuntimeException e) {
            throw new AssertionError("the job failed; cluster logs:" + cluster.logs(), e);
        }
        Map<String, String> starts = new TreeMap<>();
        results.forEach(result -> starts.put(result.substring(0, result.indexOf('=')),
                result.substring(result.indexOf('=') + 1, result.indexOf('@'))));
        // UK financial year: Q1 starts on 1 April; calendar quarters on 1 January, April, July, October.
        assertEquals(new TreeMap<>(Map.of(
                "2024-25 Q1", "2024-04-01", "2024-25 Q2", "2024-07-01", "2024-25 Q3", "2024-10-01",
                "2024-25 Q4", "2025-01-01", "2023 Q1", "2023-01-01", "2023 Q4", "2023-10-01",
                "2025-26 Q1", "2025-04-01", "2019-20 Q4", "2020-01-01")), starts);

        Set<String> executors = results.stream().map(result -> result.substring(result.indexOf('@') + 1, result.indexOf('/')))
                .collect(Collectors.toSet());
        assertEquals(2, executors.size(), "executors that did work: " + executors);
        assertTrue(executors.stream().noneMatch("driver"::equals), executors::toString);
        assertEquals(3, session.sparkContext().statusTracker().getExecutorInfos().length, "driver and two executors");

        Set<Long> executorPids = results.stream().map(result -> Long.parseLong(result.substring(result.indexOf('/') + 1)))
                .collect(Collectors.toSet());
        assertEquals(2, executorPids.size());
        assertTrue(cluster.pids().containsAll(executorPids),
                "executor processes " + executorPids + " are descendants of the workers: " + cluster.pids());
    }

    /**
     * The worked example end to end, once in process and once with its record-level source on the
     * cluster: every table, the rejects and the data gaps are the same bytes.
     */
    @Test
    @Order(2)
    void workedExample_sameTablesInProcessAndOnTheCluster() throws IOException {
        // Not a static field: executors initialise this class to run the lambdas above, without the property.
        Path workedExample = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme");
        Path project = EngineParity.copyProject(workedExample, work.resolve("bcf"));
        // --verbose: the engine's own line ("spark (master): reading 21 files") is a detail, not in the summary.
        String local = EngineParity.run(project, work.resolve("bcf-local"), "--verbose");
        EngineParity.forgetStoredAggregates(project);
        String onCluster = EngineParity.run(project, work.resolve("bcf-spark"), "--engine", "spark", "--master",
                cluster.masterUrl(), "--verbose");
        assertTrue(onCluster.contains("spark (" + cluster.masterUrl() + "): reading 21 files"), onCluster);
        assertFalse(local.contains("spark ("), local);
        EngineParity.assertSameOutputs(work.resolve("bcf-local"), work.resolve("bcf-spark"));
    }

    /**
     * A million generated discharges (CSV, then the same rows as Parquet), in process and on the
     * cluster: identical analysis tables, rejects and reconciliation.
     */
    @Test
    @Order(3)
    void millionRecords_sameTablesInProcessAndOnTheCluster_csvAndParquet() throws IOException {
        Path project = work.resolve("national");
        NationalDischarges.Summary written = NationalDischarges.writeProject(project, 1_000_000, 20_251_123,
                NationalDischarges.Format.BOTH);
        for (String format : List.of("csv", "parquet")) {
            if (format.equals("parquet")) {
                EngineParity.readRecordsFrom(project, "data/discharges-parquet");
            }
            EngineParity.Tables local = EngineParity.tables(project, org.evident.ingest.RecordEngine.inProcess(),
                    work.resolve("national-local-" + format));
            EngineParity.forgetStoredAggregates(project);
            EngineParity.Tables onCluster;
            try (org.evident.ingest.RecordEngine spark = org.evident.ingest.RecordEngine.spark(cluster.masterUrl())) {
                onCluster = EngineParity.tables(project, spark, work.resolve("national-spark-" + format));
            }
            EngineParity.forgetStoredAggregates(project);
            // Every planted error is one rejected row (a row may have more than one reason).
            assertEquals(written.planted().values().stream().mapToLong(Long::longValue).sum(), local.rejectedRows(), format);
            assertEquals(written.rows(), local.rowsRead(), format);
            assertEquals(local.rejects(), onCluster.rejects(), format);
            assertEquals(local.reconciliations(), onCluster.reconciliations(), format);
            EngineParity.assertSameOutputs(local.folder(), onCluster.folder());
        }
    }

    @Test
    @Order(4)
    void closeStopsEveryProcess() {
        Set<Long> pids = cluster.pids();
        assertTrue(pids.size() >= 5, "master, two workers, at least two executors: " + pids);
        assertTrue(pids.stream().allMatch(SparkClusterTest::alive), "all running before close");
        session.stop();
        session = null;
        cluster.close();
        List<Long> alive = pids.stream().filter(SparkClusterTest::alive).collect(Collectors.toList());
        assertEquals(List.of(), alive, "processes still alive after close()");
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
