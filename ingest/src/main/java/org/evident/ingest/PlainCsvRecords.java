package org.evident.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The fast path for the common record-level CSV file: plain ASCII, no quotes, lines ending in LF or
 * CRLF, no blank lines. It reads the bytes once, in blocks, and in that one pass checks that the
 * file is plain, hashes it for the store ({@link RecordStore.Fingerprint}) and splits it into
 * cells, making a string only for the cells the rules read (one string per distinct value of a
 * column, kept: codes, regions, dates and small numbers repeat). Rows go through the same checks
 * ({@link RecordFile#accept}) as {@link CsvTableFile}'s, with the same row numbers, so the rejects
 * and messages are the same.
 *
 * <p>Anything else (a byte above 0x7F, a quote, a NUL, a lone CR, a blank line, a header that does
 * not resolve, no data rows) makes {@link #read} give up and return null, and the file is read
 * again by {@link CsvTableFile}, whose encoding detection, quoting and messages then decide: for
 * plain files the two read the same cells (measured: the FastCSV path costs about twice the CPU
 * per row, and its encoding check and the store's hash read each file twice more).
 */
final class PlainCsvRecords {
    private static final int BLOCK = 1 << 20;
    /** The header line is looked at within the first 64 KiB, as {@link CsvTableFile} decides the separator. */
    private static final int HEADER_LIMIT = 1 << 16;
    /** Character.isWhitespace for the ASCII bytes, as String.strip and isBlank use it. */
    private static final boolean[] SPACE = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            SPACE[c] = Character.isWhitespace(c);
        }
    }

    private PlainCsvRecords() {
    }

    /** Signals a byte or line this path does not read; the caller falls back to {@link CsvTableFile}. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    /** The file's records, read, checked and hashed; null when the file is not plain (read it with {@link CsvTableFile}). */
    static RecordFile read(RecordRules rules, Path path, String display, Map<String, List<String>> aliases)
            throws IOException {
        try (FileChannel channel = FileChannel.open(path)) {
            return new Reader(rules, path, display, aliases, channel).read();
        } catch (NotPlain | DataFileException e) {
            return null;
        }
    }

    private static final class Reader {
        private final RecordRules rules;
        private final Path path;
        private final String display;
        private final Map<String, List<String>> aliases;
        private final FileChannel channel;
        private final RecordStore.Hashing hashing;
        private final DateOrder dates = new DateOrder();
        private byte[] buffer = new byte[BLOCK];
        private byte delimiter;
        private long lineNumber;
        private List<String> header;
        private ColumnMap map;
        private RecordFile result;
        /** Per column of the file: the cache of the strings of a column the rules read, null for the others. */
        private Strings[] wanted;
        private final Cells cells = new Cells();

        Reader(RecordRules rules, Path path, String display, Map<String, List<String>> aliases, FileChannel channel)
                throws IOException {
            this.rules = rules;
            this.path = path;
            this.display = display;
            this.aliases = aliases;
            this.channel = channel;
            this.hashing = RecordStore.Fingerprint.hashing(path);
        }

        RecordFile read() throws IOException, NotPlain {
            int length = 0;
            boolean end = false;
            while (!end) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);   // a line longer than a block
                }
                int n = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
                if (n < 0) {
                    end = true;
                } else {
                    hashing.digest().update(buffer, length, n);
                    length += n;
                }
                int consumed = lines(length, end);
                System.arraycopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
            if (result == null || result.read == 0) {
                throw new NotPlain();   // empty, or a header and no rows: CsvTableFile says which
            }
            result.warnings.addAll(map.warnings());
            result.warnings.addAll(dates.warnings(header));
            result.fingerprint = hashing.done();
            return result;
        }

        /** Reads the complete lines of {@code buffer[0, length)} (all of it at the end); returns the bytes consumed. */
        private int lines(int length, boolean end) throws NotPlain {
            int start = 0;
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    int stop = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    line(start, stop);
                    start = i + 1;
                } else if (b < 0x20 || b == '"') {
                    // Bytes above 0x7F are negative; NUL, a quote and a CR not before LF are for the full parser.
                    if (b < 0 || b == 0 || b == '"' || (b == '\r' && i + 1 < length && buffer[i + 1] != '\n')
                            || (b == '\r' && i + 1 == length && end)) {
                        throw new NotPlain();
                    }
                }
            }
            if (end && start < length) {
                line(start, length);
                return length;
            }
            return start;
        }

        private void line(int from, int to) throws NotPlain {
            lineNumber++;
            if (header == null) {
                header(from, to);
                return;
            }
            int column = 0;
            int cellStart = from;
            boolean blank = true;
            for (int i = from; i <= to; i++) {
                if (i == to || buffer[i] == delimiter) {
                    cell(column++, cellStart, i);
                    cellStart = i + 1;
                } else if (blank && !SPACE[buffer[i]]) {
                    blank = false;
                }
            }
            if (blank) {
                throw new NotPlain();   // a blank line or a row of empty cells: the full parser's "blank row"
            }
            cells.size = column;
            result.accept(rules, new Row(rules.source(), display, lineNumber, cells, map), false);
        }

        private void cell(int column, int from, int to) {
            if (column >= cells.values.length) {
                cells.values = Arrays.copyOf(cells.values, column * 2);
            }
            Strings strings = column < wanted.length ? wanted[column] : null;
            cells.values[column] = strings == null ? null : strings.of(buffer, from, to);
            int length = to - from;
            // The month-first watch of every column (CsvTableFile looks at all cells): only cells shaped like d/m/yyyy.
            if (length >= 8 && length <= 10 && (buffer[from + 1] == '/' || buffer[from + 2] == '/')) {
                dates.look(lineNumber, column, strings == null ? ascii(from, to) : cells.values[column]);
            }
        }

        private void header(int from, int to) throws NotPlain {
            if (to - from >= HEADER_LIMIT) {
                throw new NotPlain();
            }
            int commas = 0;
            int semicolons = 0;
            for (int i = from; i < to; i++) {
                commas += buffer[i] == ',' ? 1 : 0;
                semicolons += buffer[i] == ';' ? 1 : 0;
            }
            delimiter = (byte) (semicolons > commas ? ';' : ',');
            List<String> names = new ArrayList<>();
            int cellStart = from;
            for (int i = from; i <= to; i++) {
                if (i == to || buffer[i] == delimiter) {
                    names.add(ascii(cellStart, i));
                    cellStart = i + 1;
                }
            }
            if (names.size() == 1 && names.get(0).isEmpty()) {
                throw new NotPlain();
            }
            header = List.copyOf(names);
            map = ColumnMap.resolve(path, 1, header, rules.columns(), aliases);
            wanted = new Strings[header.size()];
            for (String column : rules.columns().keySet()) {
                int at = map.position(column);
                if (at >= 0 && wanted[at] == null) {
                    wanted[at] = new Strings();
                }
            }
            result = new RecordFile(display, rules.newAggregates());
        }

        private String ascii(int from, int to) {
            return from == to ? "" : new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    /** One row's cells: a view of the reader's array, reused from row to row (a row is checked before the next is read). */
    private static final class Cells extends AbstractList<String> {
        String[] values = new String[16];
        int size;

        @Override
        public String get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * The strings of one column, one per distinct value, found by their bytes: the same code or date
     * then comes back as the same String, whose hash the rules' lookups compute once. Holds up to
     * {@link #LIMIT} values; past that, a column of mostly distinct values (ids) gets new strings.
     */
    static final class Strings {
        private static final int SLOTS = 4096;
        private static final int LIMIT = SLOTS / 2;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] values = new String[SLOTS];
        private int count;

        String of(byte[] bytes, int from, int to) {
            if (from == to) {
                return "";
            }
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + bytes[i];
            }
            int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
            while (true) {
                byte[] key = keys[slot];
                if (key == null) {
                    String value = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                    if (count < LIMIT) {
                        keys[slot] = Arrays.copyOfRange(bytes, from, to);
                        values[slot] = value;
                        count++;
                    }
                    return value;
                }
                if (same(key, bytes, from, to)) {
                    return values[slot];
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
        }

        /** Arrays.equals, by hand: its vectorised mismatch costs more to set up than these few bytes take to compare. */
        private static boolean same(byte[] key, byte[] bytes, int from, int to) {
            if (key.length != to - from) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] != bytes[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
