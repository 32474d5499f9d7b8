package org.evident.ingest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.evident.toc.Evaluation;
import org.evident.toc.Period;

/** The checks on one KPI return row; pure, so that either engine can call them. */
final class KpiRules {
    static final Map<String, Boolean> COLUMNS = columns();

    private KpiRules() {
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("kpi", true);
        c.put("period", true);
        c.put("region", false);
        c.put("system", false);
        c.put("value", false);
        c.put("numerator", false);
        c.put("denominator", false);
        c.put("target", false);
        return c;
    }

    /**
     * @param shares the KPI codes whose indicators are shares (values must lie in 0 to 1, or 0% to 100%)
     * @param perOfRate the KPI codes whose indicators are rates, events (numerator) per exposure
     *               (denominator), with the exposure each value is per (1000: per 1,000 bed days)
     */
    static Optional<KpiReturn> check(Row row, String file, Set<String> kpis, Set<String> shares, Map<String, Double> perOfRate,
                                     Evaluation evaluation) {
        String kpi = row.text("kpi");
        if (kpi.isEmpty()) {
            row.reject("kpi", "", "no KPI code", "one of " + String.join(", ", kpis));
        } else if (!kpis.contains(kpi)) {
            row.reject("kpi", kpi, "KPI not defined in the theory of change",
                    "one of " + String.join(", ", kpis) + " (the measures of toc.yaml's kpi indicators)");
        }
        Optional<Period> period = period(row, evaluation);
        OptionalLong numerator = count(row, "numerator");
        OptionalLong denominator = count(row, "denominator");
        OptionalDouble value = OptionalDouble.empty();
        String valueText = row.text("value");
        try {
            value = Values.number(valueText);
        } catch (NumberFormatException e) {
            row.reject("value", valueText, Values.reason(e, "not a number"), "a number such as 0.789 or 78.9%");
        }
        OptionalDouble target = OptionalDouble.empty();
        String targetText = row.text("target");
        try {
            target = Values.number(targetText);
        } catch (NumberFormatException e) {
            row.reject("target", targetText, Values.reason(e, "not a number"), "a number such as 0.8 or 80%");
        }
        if (numerator.isPresent() && denominator.isPresent()) {
            if (numerator.getAsLong() > denominator.getAsLong() && !perOfRate.containsKey(kpi)) {
                row.reject("numerator", Long.toString(numerator.getAsLong()), "numerator greater than denominator ("
                        + denominator.getAsLong() + ")", "a numerator at most the denominator");
            } else if (denominator.getAsLong() == 0) {
                row.reject("denominator", "0", "denominator is zero", "a positive count");
            }
        } else if (row.text("numerator").isEmpty() != row.text("denominator").isEmpty()) {
            String missing = row.text("numerator").isEmpty() ? "numerator" : "denominator";
            row.reject(missing, "", "numerator and denominator come in pairs; " + missing + " is missing",
                    "both or neither");
        }
        if (valueText.isEmpty() && (row.text("numerator").isEmpty() || row.text("denominator").isEmpty())
                && row.accepted()) {
            row.reject("value", "", "no value and no numerator and denominator", "a value, or a numerator and denominator");
        }
        // A rate's events may outnumber its exposure (admissions per person-year); its value is per `per` of exposure.
        double resolved = value.isPresent() ? value.getAsDouble()
                : numerator.isPresent() && denominator.isPresent() && denominator.getAsLong() > 0
                ? (double) numerator.getAsLong() / denominator.getAsLong() * perOfRate.getOrDefault(kpi, 1.0) : Double.NaN;
        if (shares.contains(kpi) && value.isPresent() && (resolved < 0 || resolved > 1)) {
            row.reject("value", valueText, "a share outside 0 to 100%", "a share between 0 and 1, or 0% and 100%");
        }
        double per = perOfRate.getOrDefault(kpi, 1.0);
        if (value.isPresent() && numerator.isPresent() && denominator.isPresent() && denominator.getAsLong() > 0
                && !agrees(valueText, value.getAsDouble(), (double) numerator.getAsLong() / denominator.getAsLong() * per)) {
            row.reject("value", valueText, "contradicts its numerator and denominator (" + numerator.getAsLong() + " / "
                    + denominator.getAsLong() + (per == 1.0 ? "" : " x " + java.math.BigDecimal.valueOf(per).stripTrailingZeros().toPlainString()) + " = "
                    + (double) numerator.getAsLong() / denominator.getAsLong() * per + ")",
                    "the numerator over the denominator" + (per == 1.0 ? "" : " times its per")
                            + ", rounded to the places written, or no value");
        }
        // A share's target written as a percentage without its % (80 for 0.8) would make every
        // value "not met": refused, as a share value of 80 is, rather than read as 8000%.
        if (shares.contains(kpi) && target.isPresent() && (target.getAsDouble() < 0 || target.getAsDouble() > 1)) {
            row.reject("target", targetText, "a share's target outside 0 to 100%",
                    "a share between 0 and 1, or 0% and 100% (80% or 0.8, not 80)");
        }
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new KpiReturn(kpi, period.get().id(), TrackerRules.optional(row.text("region")),
                TrackerRules.optional(row.text("system")), resolved, numerator, denominator, target, file, row.number()));
    }

    /**
     * Whether a written value is its quotient (numerator over denominator, a rate's times its
     * {@code per}), to the places it is written with: 0.79 and 78.9% agree with 15 / 19, 0.8 does
     * too (one place), 80% does not.
     */
    private static boolean agrees(String written, double value, double quotient) {
        String digits = written.endsWith("%") ? written.substring(0, written.length() - 1).strip() : written;
        int places = new java.math.BigDecimal(digits).scale() + (written.endsWith("%") ? 2 : 0);
        double halfUnit = 0.5 * Math.pow(10, -Math.max(0, places));
        return Math.abs(value - quotient) <= halfUnit + 1e-12;
    }

    private static OptionalLong count(Row row, String column) {
        String text = row.text(column);
        try {
            OptionalLong count = Values.count(text);
            if (count.isPresent() && count.getAsLong() < 0) {
                row.reject(column, text, "negative count", "a count of 0 or more");
                return OptionalLong.empty();
            }
            return count;
        } catch (NumberFormatException e) {
            row.reject(column, text, Values.reason(e, "not a whole number"), "a count of 0 or more");
            return OptionalLong.empty();
        }
    }

    private static Optional<Period> quarterOrYear(String text) {
        try {
            return Optional.of(Period.quarter(text));
        } catch (IllegalArgumentException notAQuarter) {
            try {
                return Optional.of(Period.financialYear(text));
            } catch (IllegalArgumentException notAYear) {
                return Optional.empty();
            }
        }
    }

    /** A period written as a quarter or financial year, or a date inside one of the evaluation's periods. */
    private static Optional<Period> period(Row row, Evaluation evaluation) {
        String text = row.text("period");
        String expected = "a quarter of evaluation.yaml (e.g. "
                + evaluation.periods().stream().filter(Period::isReportingPeriod).findFirst().map(Period::id)
                .orElse("2024-25 Q1") + ") or a date within one";
        if (text.isEmpty()) {
            row.reject("period", "", "no period", expected);
            return Optional.empty();
        }
        Optional<Period> found;
        Optional<Period> written = quarterOrYear(text);
        if (written.isPresent()) {
            found = evaluation.periods().stream().filter(Period::isReportingPeriod)
                    .filter(p -> p.start().equals(written.get().start()) && p.end().equals(written.get().end())).findFirst();
        } else {
            try {
                Optional<LocalDate> date = Values.date(text);
                // A date falls in the shortest reporting period that holds it: its quarter before its year.
                found = evaluation.periods().stream().filter(Period::isReportingPeriod)
                        .filter(p -> date.isPresent() && p.contains(date.get()))
                        .min(java.util.Comparator.comparing(p -> p.end().toEpochDay() - p.start().toEpochDay()));
            } catch (IllegalArgumentException notADate) {
                row.reject("period", text, "not a quarter, a financial year or a date", expected);
                return Optional.empty();
            }
        }
        if (found.isEmpty()) {
            row.reject("period", text, "outside the evaluation's reporting periods", expected);
        } else if (found.get().start().isAfter(evaluation.reportingDate())) {
            row.reject("period", text, "a return for " + found.get().id() + ", which starts after the reporting date "
                    + evaluation.reportingDate(), "a period begun by the reporting date");
            return Optional.empty();
        }
        return found;
    }
}
