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
        /** The cells of the current line that may be slash dates: looked at once the line is complete. */
        private int candidates;
        private int[] candidateColumn = new int[8];
        private int[] candidateFrom = new int[8];
        private int[] candidateTo = new int[8];

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
                    hashing.update(buffer, length, n);
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

        /**
         * Reads the complete lines of {@code buffer[0, length)} (all of it at the end); returns the
         * bytes consumed. One pass over each byte of a line: where its cells end, their hashes (for
         * {@link Strings}), whether the line is blank, and whether the file is still plain. A line
         * cut by the end of the block is left, and read whole from the next block.
         */
        private int lines(int length, boolean end) throws NotPlain {
            int start = 0;
            if (header == null) {
                int stop = start;
                while (stop < length && buffer[stop] != '\n') {
                    byte b = buffer[stop++];
                    if (b < 0 || b == 0 || b == '"' || (b == '\r' && (stop == length || buffer[stop] != '\n'))) {
                        if (b == '\r' && stop == length && !end) {
                            return 0;
                        }
                        throw new NotPlain();
                    }
                }
                if (stop == length && !end) {
                    return 0;
                }
                lineNumber++;
                header(start, stop > start && buffer[stop - 1] == '\r' ? stop - 1 : stop);
                start = Math.min(stop + 1, length);
            }
            byte delimiter = this.delimiter;
            while (start < length) {
                int i = start;
                int column = 0;
                int cellStart = i;
                int hash = 1;
                boolean blank = true;
                candidates = 0;
                while (true) {
                    if (i == length) {
                        if (!end) {
                            return start;
                        }
                        cell(column++, cellStart, i, hash);
                        row(column, blank);
                        return length;
                    }
                    byte b = buffer[i];
                    if (b > '"' && b != delimiter) {
                        hash = 31 * hash + b;
                        blank = false;
                    } else if (b == delimiter) {
                        cell(column++, cellStart, i, hash);
                        cellStart = i + 1;
                        hash = 1;
                    } else if (b == '\n' || b == '\r') {
                        if (b == '\r') {
                            if (i + 1 == length && !end) {
                                return start;
                            }
                            if (i + 1 == length || buffer[i + 1] != '\n') {
                                throw new NotPlain();   // a CR alone ends a line for FastCSV: its reader decides
                            }
                        }
                        cell(column++, cellStart, i, hash);
                        row(column, blank);
                        start = b == '\r' ? i + 2 : i + 1;
                        break;
                    } else if (b < 0 || b == 0 || b == '"') {
                        // A byte above 0x7F (negative here), NUL or a quote: for the full reader.
                        throw new NotPlain();
                    } else {
                        hash = 31 * hash + b;
                        blank &= SPACE[b];
                    }
                    i++;
                }
            }
            return start;
        }

        /** The line's cells are read: checks the row, after the month-first watch of its slash-date cells. */
        private void row(int columns, boolean blank) throws NotPlain {
            if (blank) {
                throw new NotPlain();   // a blank line or a row of empty cells: the full parser's "blank row"
            }
            lineNumber++;
            for (int k = 0; k < candidates; k++) {
                int c = candidateColumn[k];
                dates.look(lineNumber, c, wanted(c) ? cells.values[c] : ascii(candidateFrom[k], candidateTo[k]));
            }
            cells.size = columns;
            result.accept(rules, new Row(rules.source(), display, lineNumber, cells, map), false);
        }

        private boolean wanted(int column) {
            return column < wanted.length && wanted[column] != null;
        }

        private void cell(int column, int from, int to, int hash) {
            if (column >= cells.values.length) {
                cells.values = Arrays.copyOf(cells.values, column * 2);
            }
            Strings strings = column < wanted.length ? wanted[column] : null;
            cells.values[column] = strings == null ? null : strings.of(buffer, from, to, hash);
            int length = to - from;
            // The month-first watch of every column (CsvTableFile looks at all cells): only cells shaped like d/m/yyyy.
            if (length >= 8 && length <= 10 && (buffer[from + 1] == '/' || buffer[from + 2] == '/')) {
                if (candidates == candidateColumn.length) {
                    candidateColumn = Arrays.copyOf(candidateColumn, candidates * 2);
                    candidateFrom = Arrays.copyOf(candidateFrom, candidates * 2);
                    candidateTo = Arrays.copyOf(candidateTo, candidates * 2);
                }
                candidateColumn[candidates] = column;
                candidateFrom[candidates] = from;
                candidateTo[candidates++] = to;
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

        /** The string of {@code bytes[from, to)}, whose hash (31 * h + b from 1, over the bytes) the caller computed. */
        String of(byte[] bytes, int from, int to, int hash) {
            if (from == to) {
                return "";
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
