package org.evident.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evident.toc.Evaluation;
import org.evident.toc.Period;
import org.evident.toc.RecordCondition;
import org.evident.toc.RecordLayout;
import org.evident.toc.RecordMeasure;
import org.evident.toc.Source;

/**
 * The checks on one record of a record-level source, and what an accepted record adds to the
 * aggregates. Both engines call {@link #check}: the in-process engine on rows it reads itself,
 * Spark on its executors, so this class holds only JDK types and is serialised to them.
 */
final class RecordRules implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Means are summed in millionths, as whole numbers, so that any order of summing gives the same total. */
    static final double MICRO = 1_000_000.0;

    private final String source;
    private final String dateColumn;
    private final String areaColumn;
    private final String regionColumn;
    private final Set<String> regions;
    private final String regionsExpected;
    private final String[] periodIds;
    private final long firstDay;
    /** Index into {@link #periodIds} for each day from {@link #firstDay}; -1 where no period holds the day. */
    private final int[] periodOfDay;
    private final String periodsExpected;
    private final LocalDate reportingDate;
    private static final int AFTER_REPORTING_DATE = -2;
    private static final int MAX_DATES_REMEMBERED = 100_000;
    private final String[] measureIds;
    private final RecordMeasure.Kind[] kinds;
    /** The value columns the measures read, each checked once per record; text or numeric. */
    private final String[] valueColumns;
    private final boolean[] numericColumn;
    private final Condition[][] where;
    private final Condition[] condition;
    private final int[] meanColumn;
    private final java.util.EnumSet<RecordLayout.Level> levels;

    /** A {@link RecordCondition} over a column index of {@link #valueColumns}. */
    private record Condition(int column, Set<String> in, double atLeast, double atMost) implements Serializable {
        boolean test(String[] text, double[] number) {
            if (in != null) {
                return in.contains(text[column]);
            }
            return number[column] >= atLeast && number[column] <= atMost;
        }
    }

    RecordRules(Source source, Evaluation evaluation) {
        RecordLayout layout = source.records().orElseThrow();
        this.source = source.id();
        this.dateColumn = layout.date();
        this.areaColumn = layout.area();
        this.regionColumn = layout.region().orElse(null);
        this.levels = java.util.EnumSet.copyOf(layout.levels());
        this.regions = new HashSet<>(evaluation.settings().regions());
        this.regionsExpected = "one of " + String.join(", ", new java.util.TreeSet<>(regions));
        List<Period> periods = reportingPeriods(evaluation);
        this.periodIds = periods.stream().map(Period::id).toArray(String[]::new);
        this.periodsExpected = "a date within " + (periods.isEmpty() ? "a reporting period"
                : periods.get(0).start() + " to " + periods.get(periods.size() - 1).end()) + " (" + Values.DATE_FORMS + ")";
        LocalDate first = periods.stream().map(Period::start).min(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        LocalDate last = periods.stream().map(Period::end).max(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        this.firstDay = first.toEpochDay();
        this.periodOfDay = new int[periods.isEmpty() ? 0 : (int) (last.toEpochDay() - firstDay + 1)];
        java.util.Arrays.fill(periodOfDay, -1);
        for (int p = 0; p < periods.size(); p++) {
            for (long d = periods.get(p).start().toEpochDay(); d <= periods.get(p).end().toEpochDay(); d++) {
                periodOfDay[(int) (d - firstDay)] = p;
            }
        }
        // A record dated after the reporting date is an error in the extract, not part of a quarter
        // (it would make a quarter in progress look complete).
        this.reportingDate = evaluation.reportingDate();
        for (long d = reportingDate.toEpochDay() + 1; d - firstDay < periodOfDay.length; d++) {
            if (d >= firstDay) {
                periodOfDay[(int) (d - firstDay)] = AFTER_REPORTING_DATE;
            }
        }
        Map<String, Boolean> columns = new LinkedHashMap<>();
        for (RecordMeasure m : layout.measures()) {
            m.where().forEach(c -> columns.merge(c.column(), c.numeric(), Boolean::logicalOr));
            m.condition().ifPresent(c -> columns.merge(c.column(), c.numeric(), Boolean::logicalOr));
            m.column().ifPresent(c -> columns.merge(c, true, Boolean::logicalOr));
        }
        this.valueColumns = columns.keySet().toArray(String[]::new);
        this.numericColumn = new boolean[valueColumns.length];
        List<String> names = List.of(valueColumns);
        for (int i = 0; i < valueColumns.length; i++) {
            numericColumn[i] = columns.get(valueColumns[i]);
        }
        List<RecordMeasure> measures = layout.measures();
        this.measureIds = measures.stream().map(RecordMeasure::id).toArray(String[]::new);
        this.kinds = measures.stream().map(RecordMeasure::kind).toArray(RecordMeasure.Kind[]::new);
        this.where = new Condition[measures.size()][];
        this.condition = new Condition[measures.size()];
        this.meanColumn = new int[measures.size()];
        for (int m = 0; m < measures.size(); m++) {
            RecordMeasure measure = measures.get(m);
            where[m] = measure.where().stream().map(c -> condition(c, names)).toArray(Condition[]::new);
            condition[m] = measure.condition().map(c -> condition(c, names)).orElse(null);
            meanColumn[m] = measure.column().map(names::indexOf).orElse(-1);
        }
    }

    private static Condition condition(RecordCondition c, List<String> names) {
        return new Condition(names.indexOf(c.column()), c.numeric() ? null : new java.util.TreeSet<>(c.in()),
                c.atLeast().orElse(Double.NEGATIVE_INFINITY), c.atMost().orElse(Double.POSITIVE_INFINITY));
    }

    /**
     * The periods records are counted in: the quarters, or the years when there are no quarters. A
     * date belongs to the one that holds it.
     */
    static List<Period> reportingPeriods(Evaluation evaluation) {
        List<Period> quarters = evaluation.periods().stream().filter(Period::isQuarter).toList();
        return quarters.isEmpty() ? evaluation.periods().stream().filter(Period::isReportingPeriod).toList() : quarters;
    }

    /** Canonical column name to whether it is required: every column the layout reads is. */
    Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put(dateColumn, true);
        c.put(areaColumn, true);
        if (regionColumn != null) {
            c.put(regionColumn, true);
        }
        for (String v : valueColumns) {
            c.put(v, true);
        }
        return c;
    }

    String source() {
        return source;
    }

    /** Whether returns are made for this level; the aggregates are the same whatever the levels. */
    boolean returnsFor(RecordLayout.Level level) {
        return levels.contains(level);
    }

    /**
     * Everything that decides what an aggregate means: when it differs from the one stored with
     * earlier aggregates, those no longer count the same thing.
     */
    String fingerprint() {
        StringBuilder b = new StringBuilder("source ").append(source).append('\n');
        b.append("date ").append(dateColumn).append(", area ").append(areaColumn).append(", region ").append(regionColumn)
                .append('\n');
        b.append("periods ").append(String.join(", ", periodIds)).append(" from day ").append(firstDay).append(", reporting date ")
                .append(reportingDate).append('\n');
        b.append("regions: ").append(regionsExpected).append('\n');
        b.append("columns ").append(String.join(", ", valueColumns)).append('\n');
        for (int m = 0; m < measureIds.length; m++) {
            b.append("measure ").append(measureIds[m]).append(' ').append(kinds[m]).append(" where ")
                    .append(java.util.Arrays.toString(where[m])).append(" condition ").append(condition[m])
                    .append(" mean of ").append(meanColumn[m]).append('\n');
        }
        return b.toString();
    }

    List<String> measures() {
        return List.of(measureIds);
    }

    List<String> periods() {
        return List.of(periodIds);
    }

    RecordMeasure.Kind kind(int measure) {
        return kinds[measure];
    }

    /** A new, empty set of aggregates shaped for these rules. */
    RecordAggregates newAggregates() {
        return new RecordAggregates(measureIds.length, periodIds.length);
    }

    /**
     * Checks one record; when it is accepted, adds it to {@code into}. Problems are recorded on the row.
     * {@code periodOfDate} remembers the period of each date text accepted so far, for one reader
     * (a file, on one thread): a year of records holds only 365 distinct dates.
     *
     * @return whether the record was accepted
     */
    boolean check(Row row, RecordAggregates into, Map<String, Integer> periodOfDate) {
        int period = period(row, periodOfDate);
        String area = row.text(areaColumn);
        if (area.isEmpty()) {
            row.reject(areaColumn, "", "no area", "the area's code");
        }
        String region = "";
        if (regionColumn != null) {
            region = row.text(regionColumn);
            if (!regions.contains(region)) {
                row.reject(regionColumn, region, region.isEmpty() ? "no region" : "not a region of the evaluation",
                        regionsExpected);
            }
        }
        String[] text = new String[valueColumns.length];
        double[] number = new double[valueColumns.length];
        for (int i = 0; i < valueColumns.length; i++) {
            text[i] = row.text(valueColumns[i]);
            if (text[i].isEmpty()) {
                row.reject(valueColumns[i], "", "no " + valueColumns[i], numericColumn[i] ? "a number of 0 or more" : "a value");
            } else if (numericColumn[i]) {
                number[i] = number(row, valueColumns[i], text[i]);
            }
        }
        if (!row.accepted()) {
            return false;
        }
        long[] slot = into.slot(area, region);
        for (int m = 0; m < measureIds.length; m++) {
            boolean included = true;
            for (Condition w : where[m]) {
                included &= w.test(text, number);
            }
            if (!included) {
                continue;
            }
            boolean hit = condition[m] != null && condition[m].test(text, number);
            long micro = meanColumn[m] >= 0 ? Math.round(number[meanColumn[m]] * MICRO) : 0;
            into.add(slot, m, period, hit, micro);
        }
        return true;
    }

    /** A plain run of up to 15 digits as its value, or -1: the common case of counts and days, without Double.parseDouble. */
    private static long wholeNumber(String text) {
        return text.isEmpty() || text.length() > 15 ? -1 : Values.digits(text, 0, text.length());
    }

    private int period(Row row, Map<String, Integer> periodOfDate) {
        String text = row.text(dateColumn);
        Integer known = periodOfDate.get(text);
        if (known != null) {
            return known;
        }
        if (text.isEmpty()) {
            row.reject(dateColumn, "", "no date", periodsExpected);
            return -1;
        }
        LocalDate date;
        try {
            date = Values.date(text).orElseThrow();
        } catch (IllegalArgumentException e) {
            row.reject(dateColumn, text, "not a date", periodsExpected);
            return -1;
        }
        long day = date.toEpochDay() - firstDay;
        int period = day < 0 || day >= periodOfDay.length ? -1 : periodOfDay[(int) day];
        if (period == AFTER_REPORTING_DATE) {
            row.reject(dateColumn, text, "after the reporting date (" + reportingDate + ")",
                    "a date on or before the reporting date");
        } else if (period < 0) {
            row.reject(dateColumn, text, "outside the evaluation's reporting periods", periodsExpected);
        } else if (periodOfDate.size() < MAX_DATES_REMEMBERED) {
            periodOfDate.put(text, period);
        }
        return period;
    }

    private static double number(Row row, String column, String text) {
        long whole = wholeNumber(text);
        if (whole >= 0) {
            return whole;
        }
        try {
            double value = Values.number(text).orElseThrow();
            if (value < 0) {
                row.reject(column, text, "negative number", "a number of 0 or more");
            }
            return value;
        } catch (NumberFormatException e) {
            row.reject(column, text, Values.reason(e, "not a number"), "a number of 0 or more");
            return Double.NaN;
        }
    }
}
