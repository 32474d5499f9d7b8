package org.evident.analysis;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.evident.toc.Grade;

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
        TablesawClassPath.ready();
        Delivery d = r.delivery();
        SuppressionRule rule = r.organisationSuppression();
        List<Table> tables = List.of(
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
                        text("wave", SurveyRow::wave), text("period", SurveyRow::period), text("group", SurveyRow::group),
                        text("item", SurveyRow::item),
                        text("option", SurveyRow::option), text("row", s -> s.positive() ? "positive" : "category"),
                        maybeCount("n", SurveyRow::base), maybeCount("count", SurveyRow::count),
                        text("suppressed", SurveyRow::suppressed), number("share", SurveyRow::share),
                        number("ci_low", s -> Interval.lowOf(s.interval())), number("ci_high", s -> Interval.highOf(s.interval())),
                        number("threshold", SurveyRow::threshold), text("verdict", s -> Verdict.labelOf(s.verdict())),
                        number("net_agreement", SurveyRow::netAgreement), number("p_exact", SurveyRow::pExact),
                        text("interval", SurveyRow::method)),
                table("kpis", r.kpis(),
                        text("kpi", KpiRow::indicator), text("measure", KpiRow::measure), text("unit", KpiRow::unit),
                        text("period", KpiRow::period), maybeCount("numerator", KpiRow::numerator),
                        maybeCount("denominator", KpiRow::denominator), number("value", KpiRow::value),
                        number("target", KpiRow::target), number("ci_low", k -> Interval.lowOf(k.interval())),
                        number("ci_high", k -> Interval.highOf(k.interval())), text("verdict", k -> Verdict.labelOf(k.verdict())),
                        number("change", KpiRow::change), text("signal", KpiRow::signal),
                        text("assurance", KpiRow::assurance)),
                table("evidence", r.evidence(),
                        text("node", Assessment::node), text("label", Assessment::label), text("stage", a -> a.stage().yamlName()),
                        text("period", Assessment::period), text("grade", a -> a.grade().label()),
                        text("rule", a -> a.rule().id()), count("supporting", Assessment::supporting),
                        count("contradicting", Assessment::contradicting), count("supporting_methods", Assessment::supportingMethods),
                        text("methods", Assessment::methods),
                        text("items", a -> a.items().stream().map(EvidenceItem::summary).collect(java.util.stream.Collectors.joining("; "))),
                        number("posterior", Assessment::posterior)),
                byPeriod(r.evidence()),
                table("evidence_changes", r.evidenceChanges(),
                        text("node", EvidenceChange::node), text("label", EvidenceChange::label), text("from", EvidenceChange::from),
                        text("to", EvidenceChange::to), text("change", EvidenceChange::change),
                        text("before", EvidenceChange::before), text("after", EvidenceChange::after),
                        text("detail", EvidenceChange::detail)),
                table("pathways", r.pathways(),
                        text("node", p -> p.pathway().node()), text("label", PathwayRow::label), text("stage", p -> p.stage().yamlName()),
                        count("paths", p -> p.pathway().paths()),
                        text("strongest_path", p -> p.pathway().strongestPath().map(Grade::label).orElse("")),
                        text("best_path", p -> p.pathway().bestPath().map(l -> String.join(" > ", l)).orElse("")),
                        text("missing_middle", p -> p.pathway().missingMiddle().orElse("")),
                        text("weakest_link", p -> p.pathway().weakestLink().orElse("")),
                        text("assumptions", p -> String.join(" | ", p.pathway().assumptions())),
                        text("summary", PathwayRow::summary)));
        if (rule != SuppressionRule.NONE) {
            Delivery.Published published = d.published(rule);
            byRegion(tables.get(0), published.byRegion());
            publish(tables.get(1), "projects", published.universalByStage());
            publish(tables.get(2), "completed", published.completed());
            show(tables.get(2).longColumn("cumulative"), published.cumulative());
            publish(tables.get(3), "projects", published.referralRoutes());
            publish(tables.get(4), "projects", published.supportTypes());
            publish(tables.get(5), "offers", published.closedOffers());
        }
        return tables;
    }

    /** Projects by region as published; a {@code suppressed} column names each row's hidden stages. */
    private static void byRegion(Table table, List<List<String>> published) {
        List<String> stages = List.of("completed", "active", "pipeline");
        StringColumn marks = StringColumn.create("suppressed");
        for (int row = 0; row < table.rowCount(); row++) {
            List<String> shown = published.get(row);
            List<String> hidden = new java.util.ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                if (Suppressed.number(shown.get(i)).isEmpty()) {
                    hidden.add(stages.get(i));
                }
            }
            marks.append(String.join("; ", hidden));
        }
        for (int i = 0; i < stages.size(); i++) {
            int stage = i;
            show(table.longColumn(stages.get(i)), published.stream().map(r -> r.get(stage)).toList());
        }
        show(table.longColumn("total"), published.stream().map(r -> r.get(stages.size())).toList());
        table.addColumns(marks);
    }

    /** One count column as published, with a {@code suppressed_<column>} column holding each mark shown. */
    private static void publish(Table table, String column, List<String> shown) {
        show(table.longColumn(column), shown);
        table.addColumns(StringColumn.create("suppressed_" + column,
                shown.stream().map(s -> Suppressed.number(s).isPresent() ? "" : s).toList()));
    }

    /** Published counts into a column: the number shown, or missing where the rule shows a mark. */
    private static void show(LongColumn column, List<String> shown) {
        for (int row = 0; row < shown.size(); row++) {
            java.util.OptionalLong n = Suppressed.number(shown.get(row));
            if (n.isPresent()) {
                column.set(row, n.getAsLong());
            } else {
                column.setMissing(row);
            }
        }
    }

    /** The grade table: one row per outcome, one column per assessment period, and the latest change. */
    private static Table byPeriod(List<Assessment> evidence) {
        java.util.Map<String, java.util.Map<String, Assessment>> byNode = new java.util.LinkedHashMap<>();
        java.util.Set<String> periods = new java.util.LinkedHashSet<>();
        for (Assessment a : evidence) {
            byNode.computeIfAbsent(a.node(), k -> new java.util.LinkedHashMap<>()).put(a.period(), a);
            periods.add(a.period());
        }
        Table table = Table.create("evidence_by_period");
        StringColumn node = StringColumn.create("node");
        StringColumn label = StringColumn.create("label");
        StringColumn stage = StringColumn.create("stage");
        java.util.List<StringColumn> columns = periods.stream().map(StringColumn::create).toList();
        StringColumn change = StringColumn.create("change");
        for (java.util.Map<String, Assessment> row : byNode.values()) {
            Assessment first = row.values().iterator().next();
            node.append(first.node());
            label.append(first.label());
            stage.append(first.stage().yamlName());
            int i = 0;
            Grade previous = null;
            Grade last = null;
            for (String period : periods) {
                Assessment a = row.get(period);
                columns.get(i++).append(a == null ? "" : a.grade().label());
                if (a != null) {
                    previous = last;
                    last = a.grade();
                }
            }
            change.append(previous == null || last == previous ? (previous == null ? "" : "same")
                    : last.compareTo(previous) > 0 ? "up" : "down");
        }
        table.addColumns(node, label, stage);
        columns.forEach(table::addColumns);
        table.addColumns(change);
        return table;
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
