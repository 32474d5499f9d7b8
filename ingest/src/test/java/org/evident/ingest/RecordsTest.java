package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.evident.toc.EvaluationProject;
import org.evident.toc.InvalidProjectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record-level sources: rules, aggregation to area, region and England, the partitioned store,
 * and the same answers from Spark ({@code local[2]}) as in process. Expected values are counted by
 * hand from the rows written here.
 */
class RecordsTest {
    static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: out, label: Discharge support, stage: output }
              - { id: im, label: People go home, stage: impact }
            links:
              - { from: in, to: out }
              - { from: out, to: im }
            methods:
              - { id: monitoring, label: National monitoring data }
            indicators:
              - { id: discharges, node: out, label: Discharges, source: kpi, measure: DISCH, unit: count }
              - { id: home-65, node: im, label: 65+ discharged home, source: kpi, measure: HOME65, target: 0.9, unit: share }
              - { id: los-21, node: im, label: Stays of 21 days or more, source: kpi, measure: LOS21, target: 0.1, direction: lower, unit: share }
              - { id: los-mean, node: im, label: Mean length of stay, source: kpi, measure: LOSMEAN, unit: ratio }
            """;
    static final String SOURCE = """
            - id: discharges
              type: records
              file: data/discharges
              date: discharge_date
              area: area_code
              region: region
              measures:
                - { id: DISCH, type: count }
                - id: HOME65
                  type: share
                  condition: { column: destination, in: [usual_residence] }
                  where: [ { column: age, at_least: 65 } ]
                - { id: LOS21, type: share, condition: { column: length_of_stay, at_least: 21 } }
                - { id: LOSMEAN, type: mean, column: length_of_stay }
            """;
    static final String A = """
            record_id,area_code,region,discharge_date,age,destination,length_of_stay
            1,E1,North East,2024-04-10,70,usual_residence,3
            2,E1,North East,2024-05-01,80,care_home,25
            3,E2,North East,2024-06-30,50,usual_residence,1
            4,E3,London,2024-07-01,66,usual_residence,21
            5,E3,London,2024-09-15,90,usual_residence,2.5
            """;
    static final String B = """
            record_id,area_code,region,discharge_date,age,destination,length_of_stay
            6,E1,North East,2024-10-02,65,usual_residence,0
            7,,North East,2024-10-03,70,usual_residence,1
            8,E2,Narnia,2024-10-04,70,usual_residence,1
            9,E2,North East,2023-12-31,70,usual_residence,1
            10,E2,North East,2024-11-05,abc,usual_residence,1
            11,E2,North East,2024-11-06,70,usual_residence,-2
            12,E2,North East,31/12/2024,64,,1
            13,E2,North East,15/12/2024,64,other,7
            14,E2,North East,2025-02-01,70,usual_residence,1
            """;

    private static RecordEngine spark;

    @TempDir
    Path dir;

    private static synchronized RecordEngine spark() {
        if (spark == null) {
            spark = RecordEngine.spark("local[2]");
        }
        return spark;
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    private TestProject project() {
        return new TestProject(dir).toc(TOC).evaluation(SOURCE);
    }

    private IngestResult ingest(RecordEngine engine) {
        return Ingest.read(EvaluationProject.open(dir), Pseudonymiser.withKey(TestProject.KEY), line -> { }, engine);
    }

    private static KpiReturn find(IngestResult r, String kpi, String period, Optional<String> region, Optional<String> area) {
        return r.kpiReturns().stream().filter(k -> k.kpi().equals(kpi) && k.period().equals(period)
                && k.region().equals(region) && k.system().equals(area)).findFirst()
                .orElseThrow(() -> new AssertionError("no return for " + kpi + " " + period + " " + region + " " + area));
    }

    private static KpiReturn england(IngestResult r, String kpi, String period) {
        return find(r, kpi, period, Optional.empty(), Optional.empty());
    }

    @Test
    void csvRecords_areCheckedAndAggregated_toAreaRegionAndEngland() {
        project().write("data/discharges/a.csv", A).write("data/discharges/b.csv", B);
        IngestResult r = Ingest.read(EvaluationProject.open(dir), Pseudonymiser.withKey(TestProject.KEY), line -> { });
        // 2024-25 Q1 (April to June 2024): records 1, 2, 3.
        assertEquals(3, england(r, "DISCH", "2024-25 Q1").value());
        // Aged 65 or over: records 1 (home) and 2 (care home): 1 of 2.
        assertEquals(1, england(r, "HOME65", "2024-25 Q1").numerator().getAsLong());
        assertEquals(2, england(r, "HOME65", "2024-25 Q1").denominator().getAsLong());
        // 21 days or more: record 2 (25 days) of 3.
        assertEquals(1.0 / 3, england(r, "LOS21", "2024-25 Q1").value(), 1e-12);
        // Mean stay (3 + 25 + 1) / 3.
        assertEquals(29.0 / 3, england(r, "LOSMEAN", "2024-25 Q1").value(), 1e-12);
        // Area E1 in Q1: records 1 and 2; area E2: record 3, aged 50, so no 65+ return at all.
        assertEquals(14.0, find(r, "LOSMEAN", "2024-25 Q1", Optional.empty(), Optional.of("E1")).value(), 1e-12);
        assertTrue(r.kpiReturns().stream().noneMatch(k -> k.kpi().equals("HOME65") && k.system().equals(Optional.of("E2"))
                && k.period().equals("2024-25 Q1")));
        // Q2 (July to September): records 4 and 5, London: 21 days counts as 21 or more; mean (21 + 2.5) / 2.
        assertEquals(0.5, find(r, "LOS21", "2024-25 Q2", Optional.of("London"), Optional.empty()).value(), 1e-12);
        assertEquals(11.75, england(r, "LOSMEAN", "2024-25 Q2").value(), 1e-12);
        // Q3: record 6 (65, home, 0 days) and 13 (64, UK-style date 15/12/2024, 7 days).
        assertEquals(2, england(r, "DISCH", "2024-25 Q3").value());
        assertEquals(1.0, england(r, "HOME65", "2024-25 Q3").value());
        assertEquals(3.5, england(r, "LOSMEAN", "2024-25 Q3").value(), 1e-12);
        // Region North East in Q1 is all of England in Q1.
        assertEquals(england(r, "LOSMEAN", "2024-25 Q1").value(),
                find(r, "LOSMEAN", "2024-25 Q1", Optional.of("North East"), Optional.empty()).value());
        assertEquals(List.of(
                "data/discharges/b.csv:3 [area_code]: no area; expected the area's code",
                "data/discharges/b.csv:4 [region]: not a region of the evaluation ('Narnia'); expected one of East Midlands,"
                        + " East of England, London, North East, North West, South East, South West, West Midlands,"
                        + " Yorkshire and Humber",
                "data/discharges/b.csv:5 [discharge_date]: outside the evaluation's reporting periods ('2023-12-31');"
                        + " expected a date within 2024-04-01 to 2025-03-31 (a date as 2024-03-31 or 31/03/2024)",
                "data/discharges/b.csv:6 [age]: not a number ('abc'); expected a number of 0 or more",
                "data/discharges/b.csv:7 [length_of_stay]: negative number ('-2'); expected a number of 0 or more",
                "data/discharges/b.csv:8 [destination]: no destination; expected a value",
                "data/discharges/b.csv:10 [discharge_date]: after the reporting date (2025-01-13) ('2025-02-01');"
                        + " expected a date on or before the reporting date"),
                r.rejects().stream().map(Reject::toString).toList());
        assertEquals(List.of("data/discharges/a.csv: 5 rows read = 5 accepted + 0 rejected",
                "data/discharges/b.csv: 9 rows read = 2 accepted + 7 rejected"),
                r.reconciliations().stream().map(Reconciliation::toString).toList());
        assertTrue(r.indicatorData().stream().anyMatch(d -> d.indicator().equals("home-65") && d.unit().isEmpty()
                && d.evidence().equals("data/discharges: 2 records")), "evidence names the source and the records behind it");
    }

    @Test
    void levels_chooseTheUnitsReturnedFor_withoutChangingTheCounts() {
        new TestProject(dir).toc(TOC).evaluation(SOURCE.replace("  region: region\n", "  region: region\n  levels: [england]\n"))
                .write("data/discharges/a.csv", A);
        IngestResult r = ingest(RecordEngine.inProcess());
        assertTrue(r.kpiReturns().stream().allMatch(k -> k.region().isEmpty() && k.system().isEmpty()), r.kpiReturns()::toString);
        // Q1 and Q2 for DISCH, LOS21, LOSMEAN; HOME65 too (someone aged 65+ in each quarter): 8 returns.
        assertEquals(8, r.kpiReturns().size());
        assertEquals(3, england(r, "DISCH", "2024-25 Q1").value());
    }

    @Test
    void unknownLevel_andShareWithoutCondition_areErrorsWithTheirPlace() {
        new TestProject(dir).toc(TOC).evaluation(SOURCE.replace("  region: region\n", "  region: region\n  levels: [county]\n")
                .replace("condition: { column: length_of_stay, at_least: 21 }", "column: length_of_stay"));
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(dir));
        assertTrue(e.getMessage().contains("source discharges levels: 'county' is not one of england | region | area"),
                e.getMessage());
        assertTrue(e.getMessage().contains("source discharges measure LOS21: a share needs 'condition'"), e.getMessage());
    }

    @Test
    void aMeasureNoIndicatorNames_isAWarning() {
        new TestProject(dir).toc(TOC).evaluation(SOURCE.replace("- { id: DISCH, type: count }", "- { id: DISCHARGE, type: count }"));
        List<String> warnings = EvaluationProject.open(dir).warnings().stream().map(Object::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("warning: source discharges measure DISCHARGE is the measure of"
                + " no 'source: kpi' indicator in toc.yaml (those are DISCH, HOME65, LOS21, LOSMEAN); it is computed but"
                + " nothing uses it")), warnings::toString);
    }

    @Test
    void parquetRecords_typedColumns_giveTheSameAnswersAsTheCsv() throws IOException {
        project().write("data/discharges/a.csv", A);
        IngestResult fromCsv = ingest(RecordEngine.inProcess());
        Files.delete(dir.resolve("data/discharges/a.csv"));
        deleteTree(dir.resolve("aggregates"));
        writeParquet(dir.resolve("data/discharges/a.parquet"));
        IngestResult fromParquet = ingest(RecordEngine.inProcess());
        assertEquals(fromCsv.kpiReturns().stream().map(RecordsTest::withoutSource).toList(),
                fromParquet.kpiReturns().stream().map(RecordsTest::withoutSource).toList());
        assertEquals("data/discharges/a.parquet: 5 rows read = 5 accepted + 0 rejected",
                fromParquet.reconciliations().get(0).toString());
    }

    @Test
    void spark_givesTheSameReturnsRejectsAndReconciliation_forCsvAndParquet() throws IOException {
        project().write("data/discharges/a.csv", A).write("data/discharges/b.csv", B);
        writeParquet(dir.resolve("data/discharges/c.parquet"));
        IngestResult local = ingest(RecordEngine.inProcess());
        deleteTree(dir.resolve("aggregates"));
        IngestResult onSpark = ingest(spark());
        assertEquals(local.kpiReturns(), onSpark.kpiReturns());
        assertEquals(local.rejects(), onSpark.rejects());
        assertEquals(local.reconciliations(), onSpark.reconciliations());
        assertEquals(3, local.reconciliations().size());
    }

    @Test
    void store_newQuarterAddsAPartition_rerunReplacesOnlyItsOwn() throws IOException {
        project().write("data/discharges/a.csv", A);
        ingest(RecordEngine.inProcess());
        Path store = dir.resolve("aggregates/discharges");
        assertEquals(List.of("period=2024-25 Q1", "period=2024-25 Q2"), partitions(store));
        Path q1 = store.resolve("period=2024-25 Q1/part-00000.parquet");
        FileTime q1Written = Files.getLastModifiedTime(q1);
        // The next quarter arrives as a new file: Q1 and Q2, from unchanged files, are not rewritten.
        project().write("data/discharges/q3.csv", "record_id,area_code,region,discharge_date,age,destination,length_of_stay\n"
                + "20,E9,London,2024-10-20,70,usual_residence,4\n");
        IngestResult r = ingest(RecordEngine.inProcess());
        assertEquals(List.of("period=2024-25 Q1", "period=2024-25 Q2", "period=2024-25 Q3"), partitions(store));
        assertEquals(q1Written, Files.getLastModifiedTime(q1), "Q1's partition is not rewritten");
        assertEquals(3, england(r, "DISCH", "2024-25 Q1").value());
        assertEquals(1, england(r, "DISCH", "2024-25 Q3").value());
        // A corrected Q3 file: only Q3's partition is replaced.
        project().write("data/discharges/q3.csv", "record_id,area_code,region,discharge_date,age,destination,length_of_stay\n"
                + "20,E9,London,2024-10-20,70,usual_residence,4\n21,E9,London,2024-10-21,70,care_home,4\n");
        List<String> progress = new java.util.ArrayList<>();
        r = Ingest.read(EvaluationProject.open(dir), Pseudonymiser.withKey(TestProject.KEY), progress::add,
                RecordEngine.inProcess());
        assertEquals(q1Written, Files.getLastModifiedTime(q1));
        assertEquals(2, england(r, "DISCH", "2024-25 Q3").value());
        assertEquals(0.5, england(r, "HOME65", "2024-25 Q3").value());
        assertTrue(progress.stream().anyMatch(l -> l.endsWith("1 period partitions written, 2 unchanged (the same files);"
                + " recomputed, as their files changed: 2024-25 Q3")), progress.toString());
    }

    @Test
    void store_deletedRecordFile_changesTheNumbers_andItsPartitionGoes() throws IOException {
        project().write("data/discharges/a.csv", A).write("data/discharges/q3.csv",
                "record_id,area_code,region,discharge_date,age,destination,length_of_stay\n"
                        + "20,E9,London,2024-10-20,70,usual_residence,4\n");
        IngestResult before = ingest(RecordEngine.inProcess());
        assertEquals(3, england(before, "DISCH", "2024-25 Q1").value());
        Files.delete(dir.resolve("data/discharges/a.csv"));
        List<String> progress = new java.util.ArrayList<>();
        IngestResult after = Ingest.read(EvaluationProject.open(dir), Pseudonymiser.withKey(TestProject.KEY), progress::add,
                RecordEngine.inProcess());
        assertFalse(after.kpiReturns().stream().anyMatch(k -> k.period().equals("2024-25 Q1")
                || k.period().equals("2024-25 Q2")), "the deleted file's quarters are no longer counted");
        assertEquals(1, england(after, "DISCH", "2024-25 Q3").value());
        assertEquals(List.of("period=2024-25 Q3"), partitions(dir.resolve("aggregates/discharges")));
        assertTrue(progress.stream().anyMatch(l -> l.contains("removed, as no file has records in them any more:"
                + " 2024-25 Q1, 2024-25 Q2")), progress.toString());
    }

    @Test
    void store_fileChangedWithTheSameSizeAndTime_isRecomputed_fromItsContentHash() throws IOException {
        project().write("data/discharges/a.csv", A);
        ingest(RecordEngine.inProcess());
        Path a = dir.resolve("data/discharges/a.csv");
        FileTime modified = Files.getLastModifiedTime(a);
        // Same length, same time: record 3 moves from E2 to E4.
        Files.writeString(a, A.replace("3,E2,", "3,E4,"));
        Files.setLastModifiedTime(a, modified);
        List<String> progress = new java.util.ArrayList<>();
        IngestResult r = Ingest.read(EvaluationProject.open(dir), Pseudonymiser.withKey(TestProject.KEY), progress::add,
                RecordEngine.inProcess());
        assertEquals(1, find(r, "DISCH", "2024-25 Q1", Optional.empty(), Optional.of("E4")).value());
        assertTrue(progress.stream().anyMatch(l -> l.endsWith("2 period partitions written;"
                + " recomputed, as their files changed: 2024-25 Q1, 2024-25 Q2")), progress.toString());
    }

    @Test
    void store_copiedFromAnotherProject_countsOnlyThisProjectsFiles() throws IOException {
        project().write("data/discharges/a.csv", A);
        ingest(RecordEngine.inProcess());
        Path copy = dir.resolve("copy");
        new TestProject(copy).toc(TOC).evaluation(SOURCE).write("data/discharges/q3.csv",
                "record_id,area_code,region,discharge_date,age,destination,length_of_stay\n"
                        + "20,E9,London,2024-10-20,70,usual_residence,4\n");
        try (Stream<Path> walk = Files.walk(dir.resolve("aggregates"))) {
            for (Path p : walk.toList()) {
                Files.copy(p, copy.resolve(dir.relativize(p)));
            }
        }
        IngestResult r = Ingest.read(EvaluationProject.open(copy), Pseudonymiser.withKey(TestProject.KEY), line -> { },
                RecordEngine.inProcess());
        assertFalse(r.kpiReturns().stream().anyMatch(k -> k.period().equals("2024-25 Q1")), "Q1 came from the other project");
        assertEquals(1, england(r, "DISCH", "2024-25 Q3").value());
    }

    @Test
    void store_twoRunsAtOnce_takeTurns_andBothGetTheSameNumbers() throws Exception {
        project().write("data/discharges/a.csv", A).write("data/discharges/b.csv", B);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> ingest(RecordEngine.inProcess()));
            var second = pool.submit(() -> ingest(RecordEngine.inProcess()));
            assertEquals(first.get().kpiReturns(), second.get().kpiReturns());
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("period=2024-25 Q1", "period=2024-25 Q2", "period=2024-25 Q3"),
                partitions(dir.resolve("aggregates/discharges")));
    }

    @Test
    void recordsFolder_filesThatAreNotRead_areWarningsNamingEachFile() throws IOException {
        project().write("data/discharges/a.csv", A).write("data/discharges/b.csv.gz", "not unpacked")
                .write("data/discharges/README.txt", "about the extract").write("data/discharges/2023/c.csv", B);
        List<String> warnings = EvaluationProject.open(dir).warnings().stream().map(Object::toString)
                .filter(w -> w.contains("not read")).toList();
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("warning: source discharges: data/discharges/2023/ is a folder and is not read:"
                + " only the .csv and .parquet files directly in data/discharges are"), warnings.get(0));
        assertTrue(warnings.get(1).contains("data/discharges/README.txt is not read: only .csv and .parquet files are"),
                warnings.get(1));
        assertTrue(warnings.get(2).contains("data/discharges/b.csv.gz is not read"), warnings.get(2));
        assertTrue(warnings.get(0).startsWith(dir.resolve("evaluation.yaml") + ":"), "at the source's file: line");
    }

    @Test
    void changedMeasures_clearTheStore() throws IOException {
        project().write("data/discharges/a.csv", A);
        ingest(RecordEngine.inProcess());
        Files.delete(dir.resolve("data/discharges/a.csv"));
        new TestProject(dir).evaluation(SOURCE.replace("at_least: 65", "at_least: 75"))
                .write("data/discharges/q3.csv", "record_id,area_code,region,discharge_date,age,destination,length_of_stay\n"
                        + "20,E9,London,2024-10-20,80,usual_residence,4\n");
        List<String> progress = new java.util.ArrayList<>();
        IngestResult r = Ingest.read(EvaluationProject.open(dir), Pseudonymiser.withKey(TestProject.KEY), progress::add,
                RecordEngine.inProcess());
        assertEquals(List.of("period=2024-25 Q3"), partitions(dir.resolve("aggregates/discharges")));
        assertFalse(r.kpiReturns().stream().anyMatch(k -> k.period().equals("2024-25 Q1")));
        assertTrue(progress.stream().anyMatch(l -> l.contains("earlier partitions removed")), progress.toString());
    }

    @Test
    void missingColumn_andEmptyFolder_areFileErrors() throws IOException {
        project().write("data/discharges/a.csv", "record_id,area_code,discharge_date,age,destination,length_of_stay\n"
                + "1,E1,2024-04-10,70,usual_residence,3\n");
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> ingest(RecordEngine.inProcess()));
        assertTrue(e.getMessage().contains("data/discharges/a.csv:1:0: error: has no column 'region'"), e.getMessage());
        Files.delete(dir.resolve("data/discharges/a.csv"));
        e = assertThrows(InvalidProjectException.class, () -> ingest(RecordEngine.inProcess()));
        assertTrue(e.getMessage().contains("data/discharges: error: has no .csv or .parquet files"), e.getMessage());
    }

    @Test
    void corruptOrTruncatedParquetFile_isAnErrorNamingTheFile() throws IOException {
        project().write("data/discharges/a.csv", A);
        writeParquet(dir.resolve("data/discharges/b.parquet"));
        byte[] whole = Files.readAllBytes(dir.resolve("data/discharges/b.parquet"));
        Files.write(dir.resolve("data/discharges/b.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(dir.resolve("data/discharges/c.parquet"), "not parquet at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> ingest(RecordEngine.inProcess()));
        assertTrue(e.getMessage().contains("data/discharges/b.parquet: error: is not a readable Parquet file ("), e.getMessage());
        assertTrue(e.getMessage().contains("data/discharges/c.parquet: error: is not a readable Parquet file ("), e.getMessage());
    }

    /** The five rows of {@link #A}, typed: dates as DATE, ages as INT32, stays as DOUBLE. */
    private static void writeParquet(Path file) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message discharge {
                  required binary record_id (STRING);
                  required binary area_code (STRING);
                  required binary region (STRING);
                  required int32 discharge_date (DATE);
                  required int32 age;
                  required binary destination (STRING);
                  required double length_of_stay;
                }""");
        Files.createDirectories(file.getParent());
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema).build()) {
            for (String line : A.lines().skip(1).toList()) {
                String[] c = line.split(",");
                writer.write(groups.newGroup().append("record_id", c[0]).append("area_code", c[1]).append("region", c[2])
                        .append("discharge_date", (int) LocalDate.parse(c[3]).toEpochDay())
                        .append("age", Integer.parseInt(c[4])).append("destination", c[5])
                        .append("length_of_stay", Double.parseDouble(c[6])));
            }
        }
    }

    private static KpiReturn withoutSource(KpiReturn k) {
        return new KpiReturn(k.kpi(), k.period(), k.region(), k.system(), k.value(), k.numerator(), k.denominator(),
                k.target(), "", 0);
    }

    private static List<String> partitions(Path store) throws IOException {
        try (Stream<Path> children = Files.list(store)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
