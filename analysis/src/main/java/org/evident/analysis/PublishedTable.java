package org.evident.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.evident.toc.Grade;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One table as Evident publishes it: its name (the CSV file's, without ".csv"), its title, its
 * columns with their types and headings, and its rows in their fixed order, each cell typed.
 * The CSV file, the workbook's sheet and the report's table are all drawn from this one value,
 * so they cannot disagree; {@link #toTablesaw()} gives it to notebooks as a Tablesaw table.
 */
public record PublishedTable(String name, String title, List<Column> columns, List<List<Cell>> rows) {

    /** Decimal places a number keeps in CSV: enough for a share to 0.0001% and for a small p-value. */
    public static final int CSV_DECIMALS = 6;

    public PublishedTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ", row " + (r + 1) + ": " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                if (!columns.get(c).type().holds(row.get(c))) {
                    throw new IllegalArgumentException("table " + name + ", row " + (r + 1) + ", column "
                            + columns.get(c).name() + ": a " + columns.get(c).type() + " column cannot hold " + row.get(c));
                }
            }
        }
    }

    /** The column's position, or -1. */
    public int columnIndex(String column) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return c;
            }
        }
        return -1;
    }

    /** The column names, as the CSV header row gives them. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The table as Tablesaw holds it (text, long and double columns; a blank cell is missing), for notebooks. */
    public Table toTablesaw() {
        TablesawClassPath.ready();
        Table table = Table.create(name);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            switch (column.type()) {
                case TEXT -> {
                    StringColumn values = StringColumn.create(column.name());
                    for (List<Cell> row : rows) {
                        values.append(row.get(c).csv());
                    }
                    table.addColumns(values);
                }
                case COUNT -> {
                    LongColumn values = LongColumn.create(column.name());
                    for (List<Cell> row : rows) {
                        if (row.get(c) instanceof Count n) {
                            values.append(n.value());
                        } else {
                            values.appendMissing();
                        }
                    }
                    table.addColumns(values);
                }
                case NUMBER -> {
                    DoubleColumn values = DoubleColumn.create(column.name());
                    for (List<Cell> row : rows) {
                        if (row.get(c) instanceof Number n) {
                            values.append(n.value());
                        } else {
                            values.appendMissing();
                        }
                    }
                    table.addColumns(values);
                }
                default -> throw new IllegalStateException(column.type().toString());
            }
        }
        return table;
    }

    /**
     * One column.
     *
     * @param name     the CSV header, lower case with underscores, as the README documents it
     * @param heading  the header the workbook and the report show
     */
    public record Column(String name, String heading, Type type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(type, "type");
        }
    }

    /** What a column holds: in CSV and Tablesaw, text, whole numbers or numbers. */
    public enum Type {
        TEXT, COUNT, NUMBER;

        boolean holds(Cell cell) {
            return cell instanceof Missing || switch (this) {
                case TEXT -> cell instanceof Text || cell instanceof Month || cell instanceof GradeCell;
                case COUNT -> cell instanceof Count;
                case NUMBER -> cell instanceof Number;
            };
        }
    }

    /** How a number is shown where a format can be chosen (the workbook, the report); CSV writes them all alike. */
    public enum Format {
        /** A fraction shown as a percentage (0.789 is 78.9%). */
        SHARE,
        /** A number that is usually whole, such as a count returned as a KPI value. */
        WHOLE,
        /** Any other number, to three decimal places. */
        DECIMAL,
        /** A difference between two shares, in percentage points (0.05 is 5.0 points, not 5%). */
        POINTS,
        /** A number of days (a median or mean need not be whole), shown to the whole day. */
        DAYS
    }

    /** One cell of a published table. */
    public sealed interface Cell permits Text, Count, Number, Month, GradeCell, Missing {
        /** The cell as CSV holds it: plain numbers rounded to {@value #CSV_DECIMALS} places, blank when missing. */
        String csv();

        static Cell text(String value) {
            return value == null || value.isEmpty() ? Missing.BLANK : new Text(value);
        }

        static Cell count(java.util.OptionalLong value) {
            return value.isPresent() ? new Count(value.getAsLong()) : Missing.BLANK;
        }

        /** A number, or blank when absent or not a finite number. */
        static Cell number(java.util.OptionalDouble value, Format format) {
            return value.isPresent() && Double.isFinite(value.getAsDouble()) ? new Number(value.getAsDouble(), format)
                    : Missing.BLANK;
        }
    }

    /** Text, always published as text (a value such as {@code =1+2} never becomes a formula). */
    public record Text(String value) implements Cell {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String csv() {
            return value;
        }
    }

    public record Count(long value) implements Cell {
        @Override
        public String csv() {
            return Long.toString(value);
        }
    }

    public record Number(double value, Format format) implements Cell {
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a published number must be finite, got " + value);
            }
            Objects.requireNonNull(format, "format");
        }

        /** Plain notation, never the locale's format or scientific notation; whole values without decimals. */
        @Override
        public String csv() {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            String text = new BigDecimal(Double.toString(value)).setScale(CSV_DECIMALS, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
            return text.equals("-0") ? "0" : text;
        }
    }

    /** A calendar month, published as YYYY-MM. */
    public record Month(YearMonth value) implements Cell {
        public Month {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String csv() {
            return value.toString();
        }
    }

    /**
     * An evidence grade, published as its label, with the explanation the workbook shows as a comment; an empty
     * grade is an outcome not yet assessed, published as "Not yet assessed".
     */
    public record GradeCell(java.util.Optional<Grade> grade, String explanation) implements Cell {
        public GradeCell {
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(explanation, "explanation");
        }

        public GradeCell(Grade grade, String explanation) {
            this(java.util.Optional.of(grade), explanation);
        }

        @Override
        public String csv() {
            return Grade.labelOf(grade);
        }
    }

    /**
     * No value: blank in CSV. The mark, if any, is what the workbook and the report show in its
     * place: a suppression rule's mark for a hidden count (CSV gives it in a column of its own),
     * or a word such as "ungraded".
     */
    public record Missing(String mark) implements Cell {
        public static final Missing BLANK = new Missing("");

        public Missing {
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public String csv() {
            return "";
        }
    }

    /** The named table among {@code tables}. */
    public static Optional<PublishedTable> named(List<PublishedTable> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
