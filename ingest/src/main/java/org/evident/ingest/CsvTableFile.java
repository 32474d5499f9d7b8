package org.evident.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
 * A CSV file in UTF-8 (with or without a byte-order mark) or Windows-1252, separated by commas
 * or semicolons. The encoding is decided by a first pass over the bytes (any byte sequence that
 * is not UTF-8 means the file was saved by Excel as Windows-1252), the separator by which of the
 * two occurs more often outside quotes in the header line.
 */
final class CsvTableFile implements TableFile {
    private static final int BOM_LENGTH = 3;

    private final Path file;
    private final CsvReader<String[]> reader;
    private final CloseableIterator<String[]> records;
    private final Cells cells;
    private final List<String> header;
    /** Records read so far, the header included: the row numbers a spreadsheet shows. */
    private long recordNumber;

    private CsvTableFile(Path file, CsvReader<String[]> reader, Cells cells) {
        this.file = file;
        this.reader = reader;
        this.cells = cells;
        this.records = reader.iterator();
        if (!hasNext()) {
            throw new DataFileException(file, 0, "is empty; expected a header row and data rows");
        }
        this.header = List.of(next());
    }

    static CsvTableFile open(Path file) throws IOException {
        boolean bom = hasUtf8Bom(file);
        Charset charset = bom || isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        char delimiter = delimiter(file, charset, bom);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (bom) {
            in.skipNBytes(BOM_LENGTH);
        }
        Reader reader = new InputStreamReader(in, charset);
        Cells cells = new Cells();
        // RFC 4180 with either separator; rows of any length and blank rows are passed on, for the
        // checks to reject with their row number rather than lose.
        CsvReader<String[]> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(false)
                .allowExtraFields(true).allowMissingFields(true).build(cells, reader);
        try {
            return new CsvTableFile(file, csv, cells);
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

    /** Whether the whole file decodes as UTF-8; streams, so any size is fine. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(file)) {
            while (true) {
                int read = channel.read(bytes);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, read < 0);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
                if (read < 0) {
                    return !decoder.flush(chars).isError() && bytes.position() == 0;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static char delimiter(Path file, Charset charset, boolean bom) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (bom) {
                in.skipNBytes(BOM_LENGTH);
            }
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
            handler.row(recordNumber, Arrays.asList(record));
        }
        if (cells.lastCellQuoted && !endsWithQuote()) {
            throw new DataFileException(file, recordNumber, "has a quoted cell that is never closed: the quote opened in row "
                    + recordNumber + " runs to the end of the file");
        }
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
            long at = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (at > 0) {
                one.clear();
                channel.position(--at).read(one);
                byte b = one.get(0);
                if (b != '\n' && b != '\r') {
                    return b == '"';
                }
            }
            return false;
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
