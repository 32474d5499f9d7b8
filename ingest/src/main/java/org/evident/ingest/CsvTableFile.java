package org.evident.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

/**
 * A CSV file in UTF-8 (with or without a byte-order mark), UTF-16 (with its byte-order mark) or
 * Windows-1252, separated by commas or semicolons. Without a byte-order mark the encoding is
 * decided by a first pass over the bytes (see {@link Encoding#charset}); the separator by which of
 * the two occurs more often outside quotes in the header line.
 */
final class CsvTableFile implements TableFile {
    private static final int BOM_LENGTH = 3;

    private final Path file;
    private final CsvReader<String[]> reader;
    private final CloseableIterator<String[]> records;
    private final Cells cells;
    private final List<String> header;
    private final Charset charset;
    /** Length of the byte-order mark the text starts after (0 without one). */
    private final int bom;
    private final DateOrder dates = new DateOrder();
    /** Records read so far, the header included: the row numbers a spreadsheet shows. */
    private long recordNumber;

    private CsvTableFile(Path file, CsvReader<String[]> reader, Cells cells, Charset charset, int bom) {
        this.file = file;
        this.charset = charset;
        this.bom = bom;
        this.reader = reader;
        this.cells = cells;
        this.records = reader.iterator();
        if (!hasNext()) {
            throw new DataFileException(file, 0, "is empty; expected a header row and data rows");
        }
        this.header = List.of(next());
    }

    static CsvTableFile open(Path file) throws IOException {
        int bom = BOM_LENGTH;
        Charset charset;
        if (hasUtf8Bom(file)) {
            charset = StandardCharsets.UTF_8;
        } else if ((charset = utf16ByteOrderMark(file)) != null) {
            bom = 2;
        } else {
            bom = 0;
            charset = Encoding.of(file).charset(file);
        }
        char delimiter = delimiter(file, charset, bom);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.skipNBytes(bom);
        Reader reader = new InputStreamReader(in, charset);
        Cells cells = new Cells();
        // RFC 4180 with either separator; rows of any length and blank rows are passed on, for the
        // checks to reject with their row number rather than lose.
        CsvReader<String[]> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(false)
                .allowExtraFields(true).allowMissingFields(true).build(cells, reader);
        try {
            return new CsvTableFile(file, csv, cells, charset, bom);
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(BOM_LENGTH);
            return start.length == BOM_LENGTH && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                    && (start[2] & 0xFF) == 0xBF;
        }
    }

    /** UTF-16 (little- or big-endian, as Excel's "Unicode text" and some exports write it) when the file starts with its mark. */
    private static Charset utf16ByteOrderMark(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            if (start.length == 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (start.length == 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            return null;
        }
    }

    /**
     * What a first pass over the bytes of a file without a byte-order mark found: the UTF-8
     * multi-byte sequences, the bytes that cannot be UTF-8 (with the first few lines they are on),
     * and whether there is a NUL byte (UTF-16 without its mark, or not text at all).
     */
    record Encoding(long utf8Sequences, long invalidBytes, List<long[]> invalidAt, long nulLine) {
        /**
         * UTF-8 when every byte is; Windows-1252 (as Excel saves "CSV") when no byte sequence is
         * UTF-8 beyond ASCII, or fewer than the bytes that are not. A file that is mostly UTF-8 with
         * a few bytes that are not is an error naming their lines: decoding those bytes as
         * Windows-1252 would turn every other accented letter into mojibake ("CafÃ©"), and decoding
         * the rest as UTF-8 would guess what the stray bytes meant; the file needs fixing once.
         */
        Charset charset(Path file) {
            if (nulLine > 0) {
                throw new DataFileException(file, nulLine, "has a NUL byte in line " + nulLine + ": it is UTF-16 without"
                        + " a byte-order mark, or not a text file; save it as CSV UTF-8");
            }
            if (invalidBytes == 0) {
                return StandardCharsets.UTF_8;
            }
            if (utf8Sequences < invalidBytes) {
                return Charset.forName("windows-1252");
            }
            long[] first = invalidAt.get(0);
            StringBuilder lines = new StringBuilder();
            for (long[] at : invalidAt) {
                lines.append(lines.length() == 0 ? "" : ", ").append(at[0]).append(" (byte 0x")
                        .append(String.format("%02X", at[1])).append(')');
            }
            throw new DataFileException(file, first[0], "is UTF-8 (" + utf8Sequences + " accented or other non-ASCII"
                    + " characters) except for " + invalidBytes + (invalidBytes == 1 ? " byte that is" : " bytes that are")
                    + " not, in line " + lines + (invalidBytes > invalidAt.size() ? " and more" : "")
                    + "; probably typed or pasted in another program. Correct those characters and save the file as"
                    + " UTF-8 (no row is read until then: read either way, some of its text would be wrong)");
        }

        /** Scans {@code file}'s bytes once (streamed, any size). */
        static Encoding of(Path file) throws IOException {
            long sequences = 0;
            long invalid = 0;
            long nulLine = 0;
            List<long[]> at = new java.util.ArrayList<>();
            long line = 1;
            int expected = 0;
            int min = 0x80;
            int max = 0xBF;
            long leadLine = 0;
            int lead = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        int b = buffer[i] & 0xFF;
                        if (expected > 0) {
                            if (b >= min && b <= max) {
                                expected--;
                                min = 0x80;
                                max = 0xBF;
                                if (expected == 0) {
                                    sequences++;
                                }
                                continue;
                            }
                            // A sequence cut short: its lead byte was not UTF-8; look at this byte afresh.
                            invalid++;
                            if (at.size() < 5) {
                                at.add(new long[] {leadLine, lead});
                            }
                            expected = 0;
                            min = 0x80;
                            max = 0xBF;
                        }
                        if (b < 0x80) {
                            if (b == 0 && nulLine == 0) {
                                nulLine = line;
                            }
                            if (b == '\n') {
                                line++;
                            }
                        } else if (b >= 0xC2 && b <= 0xF4) {
                            expected = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
                            leadLine = line;
                            lead = b;
                            // The second byte's range leaves out overlong forms, surrogates and code points past U+10FFFF.
                            min = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
                            max = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
                        } else {
                            invalid++;
                            if (at.size() < 5) {
                                at.add(new long[] {line, b});
                            }
                        }
                    }
                }
            }
            if (expected > 0) {
                invalid++;
                if (at.size() < 5) {
                    at.add(new long[] {leadLine, lead});
                }
            }
            return new Encoding(sequences, invalid, at, nulLine);
        }
    }

    private static char delimiter(Path file, Charset charset, int bom) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bom);
            byte[] start = in.readNBytes(1 << 16);
            String text = new String(start, charset);
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerRow() {
        return 1;
    }

    @Override
    public void rows(RowHandler handler) throws IOException {
        while (hasNext()) {
            String[] record = next();
            dates.look(recordNumber, record);
            handler.row(recordNumber, Arrays.asList(record));
        }
        if (cells.lastCellQuoted && !endsWithQuote()) {
            throw new DataFileException(file, recordNumber, "has a quoted cell that is never closed: the quote opened in row "
                    + recordNumber + " runs to the end of the file");
        }
    }

    @Override
    public List<String> warnings() {
        return dates.warnings(header);
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (CsvParseException | UncheckedIOException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DataFileException(file, recordNumber + 1, "cannot be read as CSV after row " + recordNumber + ": "
                    + cause.getMessage());
        }
    }

    private String[] next() {
        recordNumber++;
        return records.next();
    }

    /**
     * Whether the file's last character, ignoring line ends, is a quote, as it is when the last cell
     * is quoted and closed. The parser takes a quote that is never closed to run to the end of the
     * file, which would lose every row after it into one cell.
     */
    private boolean endsWithQuote() throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            // The last 64 bytes, from an even offset after the mark (a UTF-16 character is two bytes), as text.
            long from = Math.max(bom, size - 64);
            from += (from - bom) % 2;
            ByteBuffer tail = ByteBuffer.allocate((int) (size - from));
            channel.position(from);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // read on
            }
            String text = new String(tail.array(), 0, tail.position(), charset).replaceAll("[\r\n]+$", "");
            return text.endsWith("\"");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * The cells of one record as strings. (Handing back the same String for a value seen before
     * in the column was tried, to save allocations: looking values up cost three times what
     * making short strings does.)
     */
    private static final class Cells extends AbstractBaseCsvCallbackHandler<String[]> {
        private String[] fields = new String[16];
        /** Cells read of the current record; FastCSV counts an empty line as one field that it never hands over. */
        private int count;
        /** Whether the last cell read was quoted. */
        boolean lastCellQuoted;

        @Override
        protected void handleBegin(long startingLineNumber) {
            count = 0;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (index >= fields.length) {
                fields = Arrays.copyOf(fields, index * 2);
            }
            fields[index] = length == 0 ? "" : new String(buffer, offset, length);
            count = index + 1;
            lastCellQuoted = quoted;
        }

        @Override
        protected String[] buildRecord() {
            return Arrays.copyOf(fields, count);
        }
    }
}
