package org.evident.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The intermediate aggregates of a records source, kept between runs as Parquet partitioned by
 * period ({@code period=2024-25 Q3/part-00000.parquet}, as Spark and Hive lay partitions out). A
 * run replaces the partitions of the periods its records fall in and leaves the others, so a new
 * quarter's file adds a partition and a re-run of one quarter rewrites only that one. The layout
 * (measures, columns, periods, regions) is fingerprinted: when it changes, old partitions no
 * longer mean the same thing and are removed.
 */
final class RecordStore {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message aggregate {
              required binary measure (STRING);
              required binary area (STRING);
              required binary region (STRING);
              required int64 records;
              required int64 hits;
              required int64 sum_micro;
            }""");
    private static final String LAYOUT_FILE = "_layout.txt";
    private static final String PART = "part-00000.parquet";

    private final Path dir;
    private final RecordRules rules;

    RecordStore(Path dir, RecordRules rules) {
        this.dir = dir;
        this.rules = rules;
    }

    /**
     * Replaces the partitions of the periods that {@code aggregates} has records in.
     *
     * @return a line for the progress display
     */
    String write(RecordAggregates aggregates) throws IOException {
        Files.createDirectories(dir);
        Path layout = dir.resolve(LAYOUT_FILE);
        String note = "";
        String fingerprint = rules.fingerprint();
        if (!Files.isRegularFile(layout) || !Files.readString(layout, StandardCharsets.UTF_8).equals(fingerprint)) {
            if (!partitions().isEmpty()) {
                note = " (the measures or periods changed: earlier partitions removed)";
            }
            for (Path partition : partitions()) {
                deleteTree(partition);
            }
            Files.writeString(layout, fingerprint, StandardCharsets.UTF_8);
        }
        // Sorted, so that the same aggregates always give the same files.
        Map<Integer, List<RecordAggregates.Cell>> byPeriod = aggregates.cells().stream()
                .sorted(Comparator.comparingInt(RecordAggregates.Cell::measure).thenComparing(RecordAggregates.Cell::area)
                        .thenComparing(RecordAggregates.Cell::region))
                .collect(Collectors.groupingBy(RecordAggregates.Cell::period, TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<RecordAggregates.Cell>> period : byPeriod.entrySet()) {
            writePartition(rules.periods().get(period.getKey()), period.getValue());
        }
        return dir + ": " + byPeriod.size() + " period partitions written" + note;
    }

    private void writePartition(String period, List<RecordAggregates.Cell> cells) throws IOException {
        Path target = dir.resolve(partitionName(period));
        Path temporary = dir.resolve("." + partitionName(period) + ".tmp");
        deleteTree(temporary);
        Files.createDirectories(temporary);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(temporary.resolve(PART)))
                // Parquet's own configuration, not Hadoop's: a Hadoop Configuration reads its XML
                // defaults and loads hundreds of classes, a second or so on every run.
                .withConf(new PlainParquetConfiguration())
                // Uncompressed: a partition holds aggregates (a row per measure, area and region,
                // some kilobytes), and a codec is made through Hadoop's Configuration all the same
                // (its XML defaults read) and Snappy's native library unpacked: about 0.2 s of CPU
                // of the worked example's run, for files a few percent smaller.
                .withType(SCHEMA).withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (RecordAggregates.Cell c : cells) {
                writer.write(groups.newGroup().append("measure", rules.measures().get(c.measure())).append("area", c.area())
                        .append("region", c.region()).append("records", c.count()).append("hits", c.hits())
                        .append("sum_micro", c.sumMicro()));
            }
        }
        Path old = dir.resolve("." + partitionName(period) + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /**
     * Every aggregate in the store: {@code written} (what this run wrote) and the partitions earlier
     * runs left for other periods. When there are none of those, {@code written} is the whole store
     * and nothing is read back (reading Parquet costs a cold JVM about half a second).
     */
    RecordAggregates readAll(RecordAggregates written) throws IOException {
        BitSet fresh = written.periodsPresent();
        List<String> periods = rules.periods();
        boolean othersKept = partitions().stream().anyMatch(p -> {
            int period = periods.indexOf(periodOf(p));
            return period >= 0 && !fresh.get(period);
        });
        return othersKept ? readAll() : written;
    }

    /** Every aggregate in the store, read back from its partitions. */
    RecordAggregates readAll() throws IOException {
        RecordAggregates all = rules.newAggregates();
        List<String> periods = rules.periods();
        List<String> measures = rules.measures();
        for (Path partition : partitions()) {
            int period = periods.indexOf(periodOf(partition));
            if (period < 0) {
                continue;
            }
            try (Stream<Path> files = Files.list(partition)) {
                for (Path file : files.filter(RecordFile::isParquet).sorted().toList()) {
                    try (ParquetRows rows = ParquetRows.open(file, columns(), Map.of())) {
                        rows.forEach((number, cells) -> {
                            int measure = measures.indexOf(cells.get(0));
                            if (measure >= 0) {
                                all.add(new RecordAggregates.Cell(cells.get(1), cells.get(2), measure, period,
                                        Long.parseLong(cells.get(3)), Long.parseLong(cells.get(4)), Long.parseLong(cells.get(5))));
                            }
                        });
                    }
                }
            }
        }
        return all;
    }

    /** The schema's columns, all required, in its order. */
    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        SCHEMA.getFields().forEach(field -> c.put(field.getName(), true));
        return c;
    }

    private List<Path> partitions() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("period="))
                    .sorted().toList();
        }
    }

    /** Hive-style escaping of the characters a partition folder name cannot hold as they are. */
    static String partitionName(String period) {
        StringBuilder b = new StringBuilder("period=");
        for (char c : period.toCharArray()) {
            if (c < 0x20 || "\"#%'*/:=?\\\u007f{[]^".indexOf(c) >= 0) {
                b.append('%').append(String.format("%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String periodOf(Path partition) {
        String name = partition.getFileName().toString().substring("period=".length());
        return java.net.URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
