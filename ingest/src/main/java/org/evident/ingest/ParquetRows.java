package org.evident.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.parquet.column.Dictionary;
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
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new LocalInputFile(file));
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
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection);
            TextCells cells = new TextCells(projection);
            long number = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<String[]> records = io.getRecordReader(pages, cells);
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    handler.row(++number, Arrays.asList(records.read()));
                }
            }
        } catch (IOException | org.apache.parquet.ParquetRuntimeException e) {
            throw corrupt(file, e);
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
