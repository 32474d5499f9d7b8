package org.evident.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of a Parquet file as text cells, reading only the columns wanted, so that the rules
 * that check CSV cells check them too. Row numbers count records from 1.
 */
final class ParquetRows implements AutoCloseable {
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final ColumnMap columns;

    private ParquetRows(ParquetFileReader reader, MessageType projection, ColumnMap columns) {
        this.reader = reader;
        this.projection = projection;
        this.columns = columns;
    }

    static ParquetRows open(Path file, Map<String, Boolean> wanted, Map<String, List<String>> aliases) throws IOException {
        ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file));
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
            return new ParquetRows(reader, projection, ColumnMap.resolve(file, 0, header, wanted, aliases));
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
            int width = projection.getFieldCount();
            long number = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    Group group = records.read();
                    List<String> cells = new ArrayList<>(width);
                    for (int f = 0; f < width; f++) {
                        cells.add(Values.text(value(group, f)));
                    }
                    handler.row(++number, cells);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object value(Group group, int field) {
        if (group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        PrimitiveType type = group.getType().getType(field).asPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? java.time.LocalDate.ofEpochDay(group.getInteger(field, 0)) : (Object) group.getInteger(field, 0);
            case INT64 -> group.getLong(field, 0);
            case DOUBLE -> group.getDouble(field, 0);
            case FLOAT -> group.getFloat(field, 0);
            case BOOLEAN -> group.getBoolean(field, 0);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getBinary(field, 0).toStringUsingUTF8();
            case INT96 -> throw new IllegalArgumentException("column " + type.getName()
                    + " is an INT96 timestamp; write dates as DATE or text");
        };
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
