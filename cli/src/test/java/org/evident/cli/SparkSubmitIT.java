package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar ({@code target/evident-job.jar}, built in the package phase, hence an integration
 * test run by failsafe) submitted with spark-submit to a standalone cluster, as on a real one.
 */
class SparkSubmitIT {
    @TempDir
    Path work;
    private static final Path BCF = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme");
    private static final Path JOB_JAR = Path.of(System.getProperty("user.dir"), "target", "evident-job.jar");
    private static final String VALID = "valid: Better Care Fund Support Programme 2023-25";

    @Test
    void sparkSubmitRunsTheJobJar() throws Exception {
        assertTrue(Files.isRegularFile(JOB_JAR), JOB_JAR + " is built by mvn package");
        Path project = EngineParity.copyProject(BCF, work.resolve("bcf"));
        try (SparkCluster cluster = SparkCluster.start(2)) {
            Process submit = cluster.launch("spark-submit", "1g", "org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.masterUrl(), "--class", "org.evident.cli.Evident",
                    JOB_JAR.toString(), "run", project.toString(), "--engine", "spark", "--verbose", "--out",
                    work.resolve("submitted").toString());
            boolean done = submit.waitFor(180, TimeUnit.SECONDS);
            String output = Files.readString(cluster.directory().resolve("spark-submit.log"), StandardCharsets.UTF_8);
            assertTrue(done, "spark-submit still running after 180 s:\n" + output);
            assertEquals(0, submit.exitValue(), "spark-submit failed:\n" + output + cluster.logs());
            // No --master for evident: under spark-submit the engine takes the master spark-submit was given.
            assertTrue(output.contains("spark (" + cluster.masterUrl() + "): reading 21 files"), output);
            assertTrue(Files.size(work.resolve("submitted/report.pdf")) > 0);
        }
        EngineParity.forgetStoredAggregates(project);
        EngineParity.run(project, work.resolve("in-process"));
        EngineParity.assertSameOutputs(work.resolve("in-process"), work.resolve("submitted"));
    }

    @Test
    void theJobJarHoldsEverythingButWhatSparkBrings() throws Exception {
        List<String> names;
        Manifest manifest;
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            names = jar.stream().map(entry -> entry.getName()).collect(Collectors.toList());
            manifest = jar.getManifest();
        }
        assertEquals("org.evident.cli.Evident", manifest.getMainAttributes().getValue("Main-Class"));
        assertNull(manifest.getMainAttributes().getValue("Class-Path"), "evident.jar's Class-Path to lib/ must not follow");
        for (String ours : List.of("org/evident/cli/Evident.class", "org/evident/toc/Period.class",
                "org/evident/ingest/", "org/evident/reports/", "org/yaml/snakeyaml/", "org/apache/poi/",
                "picocli/CommandLine.class", "META-INF/services/org.apache.poi.ss.usermodel.WorkbookProvider")) {
            assertTrue(names.stream().anyMatch(name -> name.startsWith(ours)), "missing " + ours);
        }
        for (String theirs : List.of("org/apache/spark/", "scala/", "org/slf4j/nop/", "org/apache/logging/slf4j/",
                "org/apache/hadoop/", "org/apache/parquet/")) {
            assertFalse(names.stream().anyMatch(name -> name.startsWith(theirs)), "should not hold " + theirs);
        }
        assertFalse(names.stream().anyMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")), "signature files");

        // Apart from Spark, the jar stands alone: validate runs from it with nothing else.
        Path log = Files.createTempFile(JOB_JAR.getParent(), "job-jar-alone", ".log");
        Process alone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JOB_JAR.toString(), "org.evident.cli.Evident", "validate", BCF.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(alone.waitFor(60, TimeUnit.SECONDS), "validate from the job jar alone still running");
        } finally {
            alone.destroyForcibly();
        }
        String output = readAndDelete(log);
        assertEquals(0, alone.exitValue(), output);
        assertTrue(output.contains(VALID), output);
    }

    private static String readAndDelete(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
        }
    }
}
