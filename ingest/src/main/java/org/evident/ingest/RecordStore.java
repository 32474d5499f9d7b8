package org.evident.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

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
 *
 * <p>The store never outlives its data: each partition keeps the fingerprints (size, modified
 * time, SHA-256) of the files its records came from ({@code _files.txt}). A partition whose files
 * are all unchanged is left as it is; one whose files changed, appeared or disappeared is
 * recomputed from the files there now, and removed when none of them has records in its period.
 * A run holds a lock on the store ({@code .lock}) while it writes and reads it, so two runs of one
 * project take turns.
 */
final class RecordStore implements AutoCloseable {
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
    /** In each partition: the fingerprints of the files its records came from. */
    static final String FILES = "_files.txt";
    private static final String LOCK_FILE = ".lock";
    /** Runs in this JVM (tests) take turns here: a file lock is held per process, not per thread. */
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path dir;
    private final RecordRules rules;
    private final ReentrantLock threadLock;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RecordStore(Path dir, RecordRules rules, ReentrantLock threadLock, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.rules = rules;
        this.threadLock = threadLock;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens the store in {@code dir}, waiting (and saying so through {@code progress}) while another
     * run holds it; {@link #close} lets the next one in.
     */
    static RecordStore open(Path dir, RecordRules rules, Consumer<String> progress) throws IOException {
        Files.createDirectories(dir);
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            progress.accept(dir + ": waiting for another run that is using this store");
            threadLock.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                progress.accept(dir + ": waiting for another run that is using this store");
                lock = channel.lock();
            }
            return new RecordStore(dir, rules, threadLock, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            lockChannel.close();
        } finally {
            threadLock.unlock();
        }
    }

    /**
     * One file a partition's records came from, as it was when they were read. The checksum is
     * what tells a changed file from an unchanged one when its size and modified time say nothing
     * (a copy that keeps the time, an edit within the clock's resolution); readers that go through
     * every byte compute it from the bytes they parse ({@link #hashing}), others read the file once
     * more ({@link #of}).
     *
     * <p>The checksum is CRC-32C and CRC-32 of the bytes (64 bits): it guards against accidents, not
     * against someone forging a file of the same size and time, which only changes a cache. Both
     * are intrinsics of every JIT tier (several GB/s): SHA-256, used before, ran at about 150 MB/s
     * under the C1 compiler the launcher picks for small projects, and was a third of the time of
     * reading 1M records.
     */
    record Fingerprint(String name, long size, long modified, String checksum) implements java.io.Serializable {
        static Fingerprint of(Path file) throws IOException {
            Hashing hashing = hashing(file);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    hashing.update(buffer, 0, n);
                }
            }
            return hashing.done();
        }

        /**
         * Starts the fingerprint of {@code file}, its size and time taken now, before its bytes are
         * read: a file changed while it is read then shows a newer time than the one kept, and the
         * next run reads it again.
         */
        static Hashing hashing(Path file) throws IOException {
            return new Hashing(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }

        String line() {
            return size + "\t" + modified + "\t" + checksum + "\t" + name;
        }
    }

    /** A fingerprint being made: every byte of the file goes through {@link #update}, in order, before {@link #done}. */
    static final class Hashing {
        private final String name;
        private final long size;
        private final long modified;
        private final CRC32C crc32c = new CRC32C();
        private final CRC32 crc32 = new CRC32();

        Hashing(String name, long size, long modified) {
            this.name = name;
            this.size = size;
            this.modified = modified;
        }

        void update(byte[] bytes, int offset, int length) {
            crc32c.update(bytes, offset, length);
            crc32.update(bytes, offset, length);
        }

        Fingerprint done() {
            return new Fingerprint(name, size, modified, String.format(java.util.Locale.ROOT, "%08x%08x", crc32c.getValue(), crc32.getValue()));
        }
    }

    /**
     * Brings the store up to date with the files read this run: {@code files[i]} gave
     * {@code perFile[i]}, and {@code aggregates} is their sum. Each period with records gets a
     * partition, rewritten unless it came from exactly these files, unchanged; a partition of a
     * period none of them has records in is removed. {@code aliases} (the source's column names)
     * are kept with the fingerprints, as they decide what the files' columns mean. {@code read}
     * holds the fingerprint each file's reader made from the bytes it read, or null where it made
     * none (that file is hashed here).
     *
     * @return a line for the progress display
     */
    String write(RecordAggregates aggregates, List<Path> files, List<RecordAggregates> perFile,
                 List<Fingerprint> read, Map<String, List<String>> aliases)
            throws IOException {
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
        List<Fingerprint> prints = fingerprints(files, read);
        List<BitSet> periodsOfFile = perFile.stream().map(RecordAggregates::periodsPresent).toList();
        // Sorted, so that the same aggregates always give the same files.
        Map<Integer, List<RecordAggregates.Cell>> byPeriod = aggregates.cells().stream()
                .sorted(Comparator.comparingInt(RecordAggregates.Cell::measure).thenComparing(RecordAggregates.Cell::area)
                        .thenComparing(RecordAggregates.Cell::region))
                .collect(Collectors.groupingBy(RecordAggregates.Cell::period, TreeMap::new, Collectors.toList()));
        List<String> recomputed = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<Integer, List<RecordAggregates.Cell>> period : byPeriod.entrySet()) {
            StringBuilder sources = new StringBuilder("# the files this partition's records came from: size, modified"
                    + " (ms since 1970), CRC-32C and CRC-32, name; column names " + aliases + "\n");
            for (int f = 0; f < files.size(); f++) {
                if (periodsOfFile.get(f).get(period.getKey())) {
                    sources.append(prints.get(f).line()).append('\n');
                }
            }
            String name = rules.periods().get(period.getKey());
            Path stored = dir.resolve(partitionName(name)).resolve(FILES);
            boolean existed = Files.isDirectory(stored.getParent());
            if (Files.isRegularFile(stored) && Files.readString(stored, StandardCharsets.UTF_8).contentEquals(sources)
                    && Files.isRegularFile(stored.resolveSibling(PART))) {
                unchanged++;
                continue;
            }
            writePartition(name, period.getValue(), sources.toString());
            if (existed) {
                recomputed.add(name);
            }
        }
        List<String> removed = new ArrayList<>();
        for (Path partition : partitions()) {
            int period = rules.periods().indexOf(periodOf(partition));
            if (period < 0 || !byPeriod.containsKey(period)) {
                removed.add(periodOf(partition));
                deleteTree(partition);
            }
        }
        int written = byPeriod.size() - unchanged;
        return dir + ": " + (written == 0 && unchanged > 0 ? unchanged + " period partitions unchanged (the same files)"
                : written + " period partitions written" + (unchanged == 0 ? "" : ", " + unchanged + " unchanged (the same files)"))
                + note
                + (recomputed.isEmpty() ? "" : "; recomputed, as their files changed: " + String.join(", ", recomputed))
                + (removed.isEmpty() ? "" : "; removed, as no file has records in them any more: " + String.join(", ", removed));
    }

    /** The files' fingerprints, in their order: the readers', and the others hashed in parallel (each file read once more). */
    private static List<Fingerprint> fingerprints(List<Path> files, List<Fingerprint> read) throws IOException {
        try {
            return java.util.stream.IntStream.range(0, files.size()).parallel().mapToObj(i -> {
                try {
                    return read.get(i) != null ? read.get(i) : Fingerprint.of(files.get(i));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writePartition(String period, List<RecordAggregates.Cell> cells, String sources) throws IOException {
        Path target = dir.resolve(partitionName(period));
        Path temporary = dir.resolve("." + partitionName(period) + ".tmp");
        deleteTree(temporary);
        Files.createDirectories(temporary);
        Files.writeString(temporary.resolve(FILES), sources, StandardCharsets.UTF_8);
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
