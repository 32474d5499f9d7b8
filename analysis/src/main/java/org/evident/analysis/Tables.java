package org.evident.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The analysis results as Tablesaw tables; column names are the CSV headers documented in the README. */
final class Tables {
    private Tables() {
    }

    static List<Table> of(AnalysisResult r) {
        Delivery d = r.delivery();
        return List.of(
                table("delivery_by_region", d.byRegion(),
                        text("region", Delivery.RegionRow::region), count("completed", Delivery.RegionRow::completed),
                        count("active", Delivery.RegionRow::active), count("pipeline", Delivery.RegionRow::pipeline),
                        count("total", Delivery.RegionRow::total)),
                table("universal_by_stage", d.universalByStage(),
                        text("stage", Delivery.Count::category), count("projects", Delivery.Count::projects)),
                table("completions_by_month", d.completionsByMonth(),
                        text("month", m -> m.month().toString()), count("completed", Delivery.MonthRow::completed),
                        count("cumulative", Delivery.MonthRow::cumulative)),
                table("referral_routes", d.referralRoutes(),
                        text("direction", Delivery.RouteRow::direction), text("referral_route", Delivery.RouteRow::route),
                        count("projects", Delivery.RouteRow::projects)),
                table("support_types", d.supportTypes(),
                        text("support_type", Delivery.Count::category), count("projects", Delivery.Count::projects)),
                table("closed_offers", d.closedOffers(),
                        text("closure_reason", Delivery.Count::category), count("offers", Delivery.Count::projects)),
                table("regions_reached", d.regionsReached(),
                        text("quarter", Delivery.QuarterReach::quarter), count("regions_reached", q -> q.regions().size()),
                        text("regions", q -> String.join("; ", q.regions()))),
                table("survey_items", r.surveyItems(),
                        text("wave", SurveyRow::wave), text("period", SurveyRow::period), text("item", SurveyRow::item),
                        text("option", SurveyRow::option), text("row", s -> s.positive() ? "positive" : "category"),
                        maybeCount("n", SurveyRow::base), maybeCount("count", SurveyRow::count),
                        text("suppressed", SurveyRow::suppressed), number("share", SurveyRow::share),
                        number("ci_low", s -> low(s.interval())), number("ci_high", s -> high(s.interval())),
                        number("threshold", SurveyRow::threshold), text("verdict", s -> verdict(s.verdict())),
                        number("net_agreement", SurveyRow::netAgreement), number("p_exact", SurveyRow::pExact),
                        text("interval", SurveyRow::method)),
                table("kpis", r.kpis(),
                        text("kpi", KpiRow::indicator), text("measure", KpiRow::measure), text("unit", KpiRow::unit),
                        text("period", KpiRow::period), maybeCount("numerator", KpiRow::numerator),
                        maybeCount("denominator", KpiRow::denominator), number("value", KpiRow::value),
                        number("target", KpiRow::target), number("ci_low", k -> low(k.interval())),
                        number("ci_high", k -> high(k.interval())), text("verdict", k -> verdict(k.verdict())),
                        number("change", KpiRow::change), text("signal", KpiRow::signal),
                        text("assurance", KpiRow::assurance)));
    }

    private static OptionalDouble low(Optional<Interval> interval) {
        return interval.map(i -> OptionalDouble.of(i.low())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble high(Optional<Interval> interval) {
        return interval.map(i -> OptionalDouble.of(i.high())).orElse(OptionalDouble.empty());
    }

    private static String verdict(Optional<Verdict> verdict) {
        return verdict.map(Verdict::label).orElse("");
    }

    /** A column definition: builds the column from the rows. */
    private interface ColumnOf<T> extends Function<List<T>, Column<?>> {
    }

    @SafeVarargs
    private static <T> Table table(String name, List<T> rows, ColumnOf<T>... columns) {
        Table table = Table.create(name);
        for (ColumnOf<T> column : columns) {
            table.addColumns(column.apply(rows));
        }
        return table;
    }

    private static <T> ColumnOf<T> text(String name, Function<T, String> value) {
        return rows -> StringColumn.create(name, rows.stream().map(value).toList());
    }

    private static <T> ColumnOf<T> count(String name, ToLongFunction<T> value) {
        return rows -> LongColumn.create(name, rows.stream().mapToLong(value).toArray());
    }

    private static <T> ColumnOf<T> maybeCount(String name, Function<T, OptionalLong> value) {
        return rows -> {
            LongColumn column = LongColumn.create(name);
            rows.stream().map(value).forEach(v -> {
                if (v.isPresent()) {
                    column.append(v.getAsLong());
                } else {
                    column.appendMissing();
                }
            });
            return column;
        };
    }

    private static <T> ColumnOf<T> number(String name, Function<T, OptionalDouble> value) {
        return rows -> {
            DoubleColumn column = DoubleColumn.create(name);
            rows.stream().map(value).forEach(v -> {
                if (v.isPresent()) {
                    column.append(v.getAsDouble());
                } else {
                    column.appendMissing();
                }
            });
            return column;
        };
    }
}
