package org.evident.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in UTF-8 (with or without a byte-order mark) or Windows-1252, separated by commas
 * or semicolons. The encoding is decided by a first pass over the bytes (any byte sequence that
 * is not UTF-8 means the file was saved by Excel as Windows-1252), the separator by which of the
 * two occurs more often outside quotes in the header line.
 */
final class CsvTableFile implements TableFile {
    private static final int BOM_LENGTH = 3;

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    private CsvTableFile(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        if (!records.hasNext()) {
            throw new DataFileException(file, 0, "is empty; expected a header row and data rows");
        }
        this.header = records.next().toList();
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
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try {
            return new CsvTableFile(file, CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (RuntimeException e) {
            reader.close();
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
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // Record numbers count records from 1 (the header); a quoted cell holding a line
                // break makes lines and records differ, and records are what a spreadsheet shows.
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                handler.row(record.getRecordNumber(), cells);
            }
        } catch (java.io.UncheckedIOException e) {
            throw new DataFileException(file, parser.getRecordNumber() + 1, "cannot be read as CSV after row "
                    + parser.getRecordNumber() + ": " + e.getCause().getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
