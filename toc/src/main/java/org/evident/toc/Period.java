package org.evident.toc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period with inclusive start and end dates: a UK financial-year quarter
 * ("2024-25 Q3", October to December 2024), a calendar quarter ("2024 Q3", July to September),
 * or a named phase such as a fieldwork phase.
 */
public record Period(String id, String label, Kind kind, LocalDate start, LocalDate end) {

    /** How the period was declared. */
    public enum Kind { FINANCIAL_QUARTER, CALENDAR_QUARTER, FINANCIAL_YEAR, PHASE }

    private static final Pattern FINANCIAL = Pattern.compile("(\\d{4})-(\\d{2}) ?Q([1-4])");
    private static final Pattern CALENDAR = Pattern.compile("(\\d{4}) ?Q([1-4])");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})[-/](\\d{2})");

    public Period {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period " + id + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Whether {@code date} falls within the period, both ends included. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /**
     * Whether the period had ended by {@code date} (its last day on or before it). A period that
     * has not is in progress: its figures are partial and are never judged.
     */
    public boolean endedBy(LocalDate date) {
        return !end.isAfter(date);
    }

    public boolean isQuarter() {
        return kind == Kind.FINANCIAL_QUARTER || kind == Kind.CALENDAR_QUARTER;
    }

    /** Quarters and years, the periods that returns are made for (as opposed to named phases). */
    public boolean isReportingPeriod() {
        return kind != Kind.PHASE;
    }

    /**
     * The UK financial year written as {@code 2016-17} (1 April 2016 to 31 March 2017).
     *
     * @throws IllegalArgumentException if the text is not of that form or the years are not consecutive
     */
    public static Period financialYear(String text) {
        Matcher m = FINANCIAL_YEAR.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year; expected e.g. 2016-17");
        }
        int year = Integer.parseInt(m.group(1));
        if ((year + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("'" + text + "': financial year " + year + "-" + m.group(2)
                    + " does not span consecutive years; expected " + year + "-" + String.format("%02d", (year + 1) % 100));
        }
        String id = year + "-" + m.group(2);
        return new Period(id, id, Kind.FINANCIAL_YEAR, LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31));
    }

    /** Every financial year from {@code first} to {@code last} inclusive. */
    public static List<Period> financialYears(Period first, Period last) {
        if (first.kind() != Kind.FINANCIAL_YEAR || last.kind() != Kind.FINANCIAL_YEAR || last.start().isBefore(first.start())) {
            throw new IllegalArgumentException("years must run forwards from one financial year to another: "
                    + first.id() + " to " + last.id());
        }
        List<Period> all = new ArrayList<>();
        for (int y = first.start().getYear(); y <= last.start().getYear(); y++) {
            all.add(financialYear(y + "-" + String.format("%02d", (y + 1) % 100)));
        }
        return all;
    }

    /**
     * The quarter written as {@code 2024-25 Q3} (UK financial year: Q1 is April to June) or
     * {@code 2024 Q3} (calendar year). Spaces before Q are optional; the id is normalised.
     *
     * @throws IllegalArgumentException if the text is neither form, or the two years of a
     *                                  financial year are not consecutive
     */
    public static Period quarter(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher fy = FINANCIAL.matcher(t);
        if (fy.matches()) {
            int year = Integer.parseInt(fy.group(1));
            int next = Integer.parseInt(fy.group(2));
            if ((year + 1) % 100 != next) {
                throw new IllegalArgumentException("'" + text + "': financial year " + year + "-" + fy.group(2)
                        + " does not span consecutive years; expected " + year + "-"
                        + String.format("%02d", (year + 1) % 100));
            }
            int q = Integer.parseInt(fy.group(3));
            LocalDate start = LocalDate.of(year, 4, 1).plusMonths(3L * (q - 1));
            String id = year + "-" + fy.group(2) + " Q" + q;
            return new Period(id, id, Kind.FINANCIAL_QUARTER, start, start.plusMonths(3).minusDays(1));
        }
        Matcher cal = CALENDAR.matcher(t);
        if (cal.matches()) {
            int year = Integer.parseInt(cal.group(1));
            int q = Integer.parseInt(cal.group(2));
            LocalDate start = LocalDate.of(year, 1, 1).plusMonths(3L * (q - 1));
            String id = year + " Q" + q;
            return new Period(id, id, Kind.CALENDAR_QUARTER, start, start.plusMonths(3).minusDays(1));
        }
        throw new IllegalArgumentException("'" + text + "' is not a quarter; expected e.g. 2024-25 Q3 (financial year) or 2024 Q3");
    }

    /** The quarter after this one, in the same style. */
    public Period nextQuarter() {
        if (!isQuarter()) {
            throw new IllegalStateException("phase " + id + " has no next quarter");
        }
        LocalDate nextStart = end.plusDays(1);
        if (kind == Kind.CALENDAR_QUARTER) {
            return quarter(nextStart.getYear() + " Q" + ((nextStart.getMonthValue() - 1) / 3 + 1));
        }
        int fyStart = nextStart.getMonthValue() >= 4 ? nextStart.getYear() : nextStart.getYear() - 1;
        int q = ((nextStart.getMonthValue() + 8) % 12) / 3 + 1;
        return quarter(fyStart + "-" + String.format("%02d", (fyStart + 1) % 100) + " Q" + q);
    }

    /** Every quarter from {@code first} to {@code last} inclusive; both must be in the same style. */
    public static List<Period> quarters(Period first, Period last) {
        if (first.kind() != last.kind() || !first.isQuarter()) {
            throw new IllegalArgumentException("quarters from " + first.id() + " to " + last.id()
                    + " mix financial-year and calendar quarters");
        }
        if (last.start().isBefore(first.start())) {
            throw new IllegalArgumentException("quarters run from " + first.id() + " to an earlier " + last.id());
        }
        List<Period> all = new ArrayList<>();
        for (Period p = first; !p.start().isAfter(last.start()); p = p.nextQuarter()) {
            all.add(p);
        }
        return all;
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
