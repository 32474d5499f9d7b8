package org.evident.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.evident.toc.Decimal;

/** Parsing of cell values shared by every source, so that each rule is written once. */
final class Values {
    static final String DATE_FORMS = "a date as 2024-03-31 or 31/03/2024";
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(ResolverStyle.STRICT);

    private Values() {
    }

    /** An ISO date, a UK day-first date, or an ISO date-time at midnight (as some exports write dates). */
    static Optional<LocalDate> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            // The ISO form, parsed by hand: record-level sources have one per row, and
            // LocalDate.parse is several times slower. LocalDate.of still checks the day exists.
            int year = (int) digits(text, 0, 4);
            int month = (int) digits(text, 5, 7);
            int day = (int) digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return Optional.of(LocalDate.of(year, month, day));
                } catch (java.time.DateTimeException e) {
                    throw new IllegalArgumentException(text, e);
                }
            }
        }
        try {
            if (text.contains("/")) {
                return Optional.of(LocalDate.parse(text, UK));
            }
            String day = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')
                    && text.substring(11).matches("00:00(:00(\\.0+)?)?") ? text.substring(0, 10) : text;
            return Optional.of(LocalDate.parse(day));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /**
     * A typed value from a Parquet file as the text a CSV file would hold, so that the same rules
     * check both: whole numbers without ".0", dates as ISO, null as empty.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return value.toString();
    }

    /** The digits {@code text[from, to)} as a number, or -1 if any is not a digit. */
    static long digits(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A number; a trailing % divides by 100. Grouping commas are refused rather than guessed. */
    static OptionalDouble number(String text) {
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        boolean percent = text.endsWith("%");
        String digits = percent ? text.substring(0, text.length() - 1).strip() : text;
        double value = Decimal.parse(digits);
        return OptionalDouble.of(percent ? value / 100.0 : value);
    }

    /** A whole count; "12.0" is accepted as 12 (spreadsheets write counts as decimals). */
    static OptionalLong count(String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        double value = Decimal.parse(text);
        if (value != Math.rint(value)) {
            throw new NumberFormatException(text);
        }
        return OptionalLong.of((long) value);
    }

    /** Why {@code text} was refused as a number, for a reject: out of range, or {@code otherwise}. */
    static String reason(NumberFormatException e, String otherwise) {
        return e instanceof Decimal.OutOfRange ? "a number out of range (beyond 10^15)" : otherwise;
    }

    /** Case-, space- and apostrophe-insensitive form of a label, so "Don’t know" matches "Don't know". */
    static String labelKey(String label) {
        StringBuilder key = new StringBuilder(label.length());
        boolean space = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isWhitespace(c)) {
                space = key.length() > 0;
                continue;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(c == '\u2019' || c == '\u2018' ? '\'' : Character.toLowerCase(c));
        }
        return key.toString();
    }
}
