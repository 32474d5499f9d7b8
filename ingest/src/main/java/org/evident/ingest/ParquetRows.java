package org.evident.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of a Parquet file as text cells, reading only the columns wanted, so that the rules
 * that check CSV cells check them too. Row numbers count records from 1.
 */
final class ParquetRows implements AutoCloseable {
    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final ColumnMap columns;

    private ParquetRows(Path file, ParquetFileReader reader, MessageType projection, ColumnMap columns) {
        this.file = file;
        this.reader = reader;
        this.projection = projection;
        this.columns = columns;
    }

    static ParquetRows open(Path file, Map<String, Boolean> wanted, Map<String, List<String>> aliases) throws IOException {
        return open(file, new LocalInputFile(file), wanted, aliases);
    }

    /** The rows of {@code file}, whose bytes {@code input} gives (the file, or a copy in memory). */
    static ParquetRows open(Path file, org.apache.parquet.io.InputFile input, Map<String, Boolean> wanted,
                            Map<String, List<String>> aliases) throws IOException {
        ParquetFileReader reader;
        try {
            // Parquet's own configuration, not Hadoop's, which reads its XML defaults for every file (as RecordStore writes).
            reader = ParquetFileReader.open(input, org.apache.parquet.ParquetReadOptions.builder(
                    new org.apache.parquet.conf.PlainParquetConfiguration()).build());
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Nothing of Evident's runs here: a truncated or corrupt file (its footer unreadable): named, as any other unreadable data file.
            throw corrupt(file, e);
        }
        try {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> names = schema.getFields().stream().map(Type::getName).toList();
            ColumnMap all = ColumnMap.resolve(file, 0, names, wanted, aliases);
            List<Type> fields = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (String canonical : wanted.keySet()) {
                if (all.has(canonical)) {
                    String actual = all.header(canonical);
                    if (!header.contains(actual)) {
                        header.add(actual);
                        fields.add(schema.getType(actual));
                    }
                }
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            return new ParquetRows(file, reader, projection, ColumnMap.resolve(file, 0, header, wanted, aliases));
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    ColumnMap columns() {
        return columns;
    }

    void forEach(TableFile.RowHandler handler) {
        try {
            TextCells cells = new TextCells(projection);
            boolean flat = projection.getColumns().size() == projection.getFieldCount()
                    && projection.getFields().stream().allMatch(f -> f.isPrimitive() && !f.isRepetition(Type.Repetition.REPEATED));
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection);
            long number = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                if (flat) {
                    number = columns(pages, cells, createdBy, number, handler);
                    continue;
                }
                RecordReader<String[]> records = io.getRecordReader(pages, cells);
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    handler.row(++number, Arrays.asList(records.read()));
                }
            }
        } catch (IOException | org.apache.parquet.ParquetRuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /** Rows read at a time from each column, then handed over one by one. */
    private static final int BATCH = 4096;

    /**
     * A row group of flat columns read column by column (parquet-java's column readers, no record
     * assembly): a batch of each column's cells, then the batch's rows. Returns the last row number.
     */
    private long columns(PageReadStore pages, TextCells cells, String createdBy, long number, TableFile.RowHandler handler) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, cells.getRootConverter(), projection, createdBy);
        List<ColumnDescriptor> descriptors = projection.getColumns();
        int width = descriptors.size();
        ColumnReader[] readers = new ColumnReader[width];
        int[] defined = new int[width];
        for (int f = 0; f < width; f++) {
            readers[f] = store.getColumnReader(descriptors.get(f));
            defined[f] = descriptors.get(f).getMaxDefinitionLevel();
        }
        String[][] batch = new String[width][BATCH];
        String[] row = new String[width];
        List<String> rowView = Arrays.asList(row);
        for (long done = 0, n = pages.getRowCount(); done < n; ) {
            int size = (int) Math.min(BATCH, n - done);
            for (int f = 0; f < width; f++) {
                ColumnReader column = readers[f];
                String[] values = batch[f];
                for (int i = 0; i < size; i++) {
                    if (column.getCurrentDefinitionLevel() == defined[f]) {
                        column.writeCurrentValueToConverter();
                        values[i] = cells.cells[f];
                    } else {
                        values[i] = "";
                    }
                    column.consume();
                }
            }
            for (int i = 0; i < size; i++) {
                for (int f = 0; f < width; f++) {
                    row[f] = batch[f][i];
                }
                // The same list each row: a handler checks a row before the next (RecordFile, RecordStore).
                handler.row(++number, rowView);
            }
            done += size;
        }
        return number;
    }

    /** A file's bytes in memory, as Parquet reads a file: read once, and hashed for the store from the same bytes. */
    static final class InMemory implements org.apache.parquet.io.InputFile {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public org.apache.parquet.io.SeekableInputStream newStream() {
            Positioned in = new Positioned(bytes);
            return new org.apache.parquet.io.DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long position) {
                    in.seek(position);
                }
            };
        }

        private static final class Positioned extends java.io.ByteArrayInputStream {
            Positioned(byte[] bytes) {
                super(bytes);
            }

            long position() {
                return pos;
            }

            void seek(long position) {
                pos = (int) Math.min(position, count);
            }
        }
    }

    private static DataFileException corrupt(Path file, Exception e) {
        return new DataFileException(file, 0, "is not a readable Parquet file (" + e.getMessage() + ")");
    }

    /**
     * Parquet's record assembly, handing over each record's columns as the text a CSV file would
     * hold ({@link Values#text}): whole numbers without ".0", dates as ISO, null as empty. A
     * dictionary-encoded column (codes, dates, categories: most columns of record-level data) has
     * each dictionary entry turned into text once, not once per row.
     */
    private static final class TextCells extends RecordMaterializer<String[]> {
        private final String[] cells;
        private final GroupConverter root;

        TextCells(MessageType projection) {
            cells = new String[projection.getFieldCount()];
            PrimitiveConverter[] columns = new PrimitiveConverter[cells.length];
            for (int f = 0; f < cells.length; f++) {
                columns[f] = new TextConverter(projection.getType(f).asPrimitiveType(), f);
            }
            root = new GroupConverter() {
                @Override
                public Converter getConverter(int field) {
                    return columns[field];
                }

                @Override
                public void start() {
                    Arrays.fill(cells, "");
                }

                @Override
                public void end() {
                }
            };
        }

        @Override
        public String[] getCurrentRecord() {
            return cells.clone();
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        private final class TextConverter extends PrimitiveConverter {
            private final PrimitiveType type;
            private final boolean date;
            private final int field;
            private String[] dictionary;

            TextConverter(PrimitiveType type, int field) {
                if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                    throw new IllegalArgumentException("column " + type.getName()
                            + " is an INT96 timestamp; write dates as DATE or text");
                }
                this.type = type;
                this.date = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
                this.field = field;
            }

            @Override
            public boolean hasDictionarySupport() {
                return true;
            }

            @Override
            public void setDictionary(Dictionary values) {
                dictionary = new String[values.getMaxId() + 1];
                for (int id = 0; id < dictionary.length; id++) {
                    dictionary[id] = switch (type.getPrimitiveTypeName()) {
                        case INT32 -> intText(values.decodeToInt(id));
                        case INT64 -> Long.toString(values.decodeToLong(id));
                        case DOUBLE -> Values.text(values.decodeToDouble(id));
                        case FLOAT -> Values.text(values.decodeToFloat(id));
                        case BOOLEAN -> Boolean.toString(values.decodeToBoolean(id));
                        default -> values.decodeToBinary(id).toStringUsingUTF8();
                    };
                }
            }

            @Override
            public void addValueFromDictionary(int id) {
                cells[field] = dictionary[id];
            }

            private String intText(int value) {
                return date ? java.time.LocalDate.ofEpochDay(value).toString() : Integer.toString(value);
            }

            @Override
            public void addInt(int value) {
                cells[field] = intText(value);
            }

            @Override
            public void addLong(long value) {
                cells[field] = Long.toString(value);
            }

            @Override
            public void addDouble(double value) {
                cells[field] = Values.text(value);
            }

            @Override
            public void addFloat(float value) {
                cells[field] = Values.text(value);
            }

            @Override
            public void addBoolean(boolean value) {
                cells[field] = Boolean.toString(value);
            }

            @Override
            public void addBinary(Binary value) {
                cells[field] = value.toStringUsingUTF8();
            }
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
