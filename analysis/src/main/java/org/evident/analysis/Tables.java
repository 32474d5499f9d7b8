package org.evident.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.evident.analysis.PublishedTable.Cell;
import org.evident.analysis.PublishedTable.Column;
import org.evident.analysis.PublishedTable.Format;
import org.evident.analysis.PublishedTable.GradeCell;
import org.evident.analysis.PublishedTable.Missing;
import org.evident.analysis.PublishedTable.Type;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.evident.toc.Indicator;
import org.evident.toc.Period;

/**
 * Every table Evident publishes, defined once: its columns (CSV name, heading, type), how each
 * cell is made from the analysis' values, and its rows in their fixed order. The CSV files, the
 * workbook and the report all render these; the README documents the CSV columns.
 */
final class Tables {
    private Tables() {
    }

    static List<PublishedTable> of(AnalysisResult r) {
        EvaluationProject project = r.project();
        Delivery d = r.delivery();
        SuppressionRule rule = r.organisationSuppression();
        Delivery.Published published = rule == SuppressionRule.NONE ? null : d.published(rule);
        String interval = intervalHeading(project.evaluation().settings().confidenceLevel());
        Map<String, Format> kpiFormats = new LinkedHashMap<>();
        for (Indicator i : project.theoryOfChange().indicators()) {
            kpiFormats.put(i.id(), switch (i.unit()) {
                case "share" -> Format.SHARE;
                case "count" -> Format.WHOLE;
                case "days" -> Format.DAYS;
                default -> Format.DECIMAL;
            });
        }
        return List.of(
                byRegion(d, published),
                counts("universal_by_stage", "Universal support products by stage", "stage", "Stage", "projects", "Projects",
                        d.universalByStage(), published == null ? null : published.universalByStage()),
                table("completions_by_month", "Local support projects completed by month", d.completionsByMonth().size(),
                        column("month", "Month", Type.TEXT, i -> new PublishedTable.Month(d.completionsByMonth().get(i).month())),
                        published("completed", "Completed", i -> d.completionsByMonth().get(i).completed(),
                                published == null ? null : published.completed()),
                        published == null
                                ? column("cumulative", "Cumulative", Type.COUNT,
                                        i -> new PublishedTable.Count(d.completionsByMonth().get(i).cumulative()))
                                : column("cumulative", "Cumulative", Type.COUNT, i -> shown(published.cumulative().get(i))),
                        published == null ? null : marks("completed", published.completed())),
                table("referral_routes", "Referral routes of completed local projects", d.referralRoutes().size(),
                        column("direction", "Direction", Type.TEXT, i -> Cell.text(d.referralRoutes().get(i).direction())),
                        column("referral_route", "Referral route", Type.TEXT, i -> Cell.text(d.referralRoutes().get(i).route())),
                        published("projects", "Projects", i -> d.referralRoutes().get(i).projects(),
                                published == null ? null : published.referralRoutes()),
                        published == null ? null : marks("projects", published.referralRoutes())),
                counts("support_types", "Support types of completed local projects", "support_type", "Support type", "projects",
                        "Projects", d.supportTypes(), published == null ? null : published.supportTypes()),
                counts("closed_offers", "Potential offers closed down, by reason", "closure_reason", "Closure reason", "offers",
                        "Offers", d.closedOffers(), published == null ? null : published.closedOffers()),
                rows("regions_reached", "Regions reached by the end of each quarter", d.regionsReached(),
                        text("quarter", "Quarter", Delivery.QuarterReach::quarter),
                        // The quarter in progress on the reporting date counts the regions reached so far.
                        text("status", "Status", q -> project.evaluation().period(q.quarter())
                                .filter(p -> !p.endedBy(project.evaluation().reportingDate()))
                                .map(p -> KpiRow.IN_PROGRESS + ": regions reached by the reporting date").orElse("")),
                        count("regions_reached", "Regions reached", q -> OptionalLong.of(q.regions().size())),
                        text("regions", "Regions", q -> String.join("; ", q.regions()))),
                rows("survey_items", "Survey answers by wave, group, item and answer", r.surveyItems(),
                        text("wave", "Wave", SurveyRow::wave), text("period", "Period", SurveyRow::period),
                        text("group", "Group", SurveyRow::group), text("item", "Item", SurveyRow::item),
                        text("option", "Answer", SurveyRow::option),
                        text("row", "Row", s -> s.positive() ? "positive" : "category"),
                        count("n", "Base", SurveyRow::base),
                        new RowColumn<>(new Column("count", "Count", Type.COUNT), s -> s.count().isPresent()
                                ? new PublishedTable.Count(s.count().getAsLong()) : new Missing(s.suppressed())),
                        text("suppressed", "Suppressed", SurveyRow::suppressed),
                        number("share", "Share", Format.SHARE, SurveyRow::share),
                        number("ci_low", interval + ", low", Format.SHARE, s -> Interval.lowOf(s.interval())),
                        number("ci_high", interval + ", high", Format.SHARE, s -> Interval.highOf(s.interval())),
                        number("threshold", "Threshold", Format.SHARE, SurveyRow::threshold),
                        text("verdict", "Verdict", s -> Verdict.labelOf(s.verdict())),
                        number("net_agreement", "Net agreement", Format.SHARE, SurveyRow::netAgreement),
                        number("p_exact", "p (exact)", Format.DECIMAL, SurveyRow::pExact),
                        text("interval", "Interval method", SurveyRow::method)),
                SurveyComparisonTables.changes(r.surveyChanges(), interval),
                SurveyComparisonTables.groupDifferences(r.surveyGroupDifferences(), interval),
                kpis(r.kpis(), kpiFormats, interval),
                runCharts(r.kpiCharts(), kpiFormats),
                funnel(r.funnels()),
                beforeAfter(r.kpiCharts(), kpiFormats),
                rows("evidence", "Evidence grades by outcome, impact and period, with the items behind them", r.evidence(),
                        text("node", "Node", Assessment::node), text("label", "Outcome or impact", Assessment::label),
                        text("stage", "Stage", a -> a.stage().yamlName()), text("period", "Period", Assessment::period),
                        text("status", "Status", Assessment::status),
                        new RowColumn<>(new Column("grade", "Grade", Type.TEXT), a -> new GradeCell(a.grade(), a.explain().strip())),
                        text("rule", "Rule", a -> a.rule().id()),
                        number("supporting", "Supporting (weighted)", Format.DECIMAL, a -> OptionalDouble.of(a.supporting())),
                        number("contradicting", "Contradicting (weighted)", Format.DECIMAL, a -> OptionalDouble.of(a.contradicting())),
                        count("supporting_methods", "Supporting methods", a -> OptionalLong.of(a.supportingMethods())),
                        text("methods", "Methods", Assessment::methods),
                        text("items", "Items", a -> a.items().stream().map(EvidenceItem::summary).collect(Collectors.joining("; "))),
                        number("posterior", "Posterior", Format.DECIMAL, Assessment::posterior)),
                byPeriod(project, r.evidence()),
                judgements(r.judgements()),
                rows("evidence_changes", "What changed between periods and since the last assessment", r.evidenceChanges(),
                        text("node", "Node", EvidenceChange::node), text("label", "Outcome", EvidenceChange::label),
                        text("from", "From", EvidenceChange::from), text("to", "To", EvidenceChange::to),
                        text("change", "Change", EvidenceChange::change), text("before", "Before", EvidenceChange::before),
                        text("after", "After", EvidenceChange::after), text("detail", "Detail", EvidenceChange::detail)),
                rows("pathways", "Causal pathways to each outcome and impact", r.pathways(),
                        text("node", "Node", p -> p.pathway().node()), text("label", "Outcome or impact", PathwayRow::label),
                        text("stage", "Stage", p -> p.stage().yamlName()),
                        count("paths", "Paths", p -> OptionalLong.of(p.pathway().paths())),
                        new RowColumn<>(new Column("strongest_path", "Strongest path", Type.TEXT), p -> p.pathway().strongestPath()
                                .<Cell>map(g -> new GradeCell(g, p.summary())).orElse(new Missing(
                                        p.summary().startsWith(Pathway.NO_EVIDENCE_YET) ? Pathway.NO_EVIDENCE_YET : "ungraded"))),
                        text("best_path", "Best path", p -> p.pathway().bestPath().map(l -> String.join(" > ", l)).orElse("")),
                        text("missing_middle", "Missing middle", p -> p.pathway().missingMiddle().orElse("")),
                        text("weakest_link", "Weakest link", p -> p.pathway().weakestLink().orElse("")),
                        text("assumptions", "Assumptions and risks", p -> String.join(" | ", p.pathway().assumptions())),
                        text("summary", "Summary", PathwayRow::summary)),
                assumptions(r.assumptions()),
                themes(r.insights()),
                lessons(r.insights()),
                neighbours(r.neighbours()));
    }

    /** Items coded by people and proposed by keywords, and quotes shown, per theme and source, then per theme. */
    private static PublishedTable themes(Insights insights) {
        return rows("themes", "Themes: items coded by people, proposed by keyword rules, and quoted, by source", insights.counts(),
                text("theme", "Theme code", Insights.ThemeCount::theme), text("label", "Theme", Insights.ThemeCount::label),
                text("parent", "Under", Insights.ThemeCount::parent), text("source", "Source", Insights.ThemeCount::source),
                count("coded", "Coded by people", t -> OptionalLong.of(t.coded())),
                count("proposed", "Proposed by keywords", t -> OptionalLong.of(t.proposed())),
                count("quoted", "Quoted in the report", t -> OptionalLong.of(t.quoted())));
    }

    /** The lessons and recommendations, numbered, with the evidence each rests on. */
    private static PublishedTable lessons(Insights insights) {
        return rows("lessons", "Lessons and recommendations, with the evidence each rests on", insights.lessons(),
                count("lesson_number", "Lesson", l -> OptionalLong.of(l.number())),
                text("theme", "Theme code", Insights.LessonRow::theme), text("theme_label", "Theme", Insights.LessonRow::themeLabel),
                text("parent", "Under", Insights.LessonRow::parent), text("lesson", "What we learned", l -> l.lesson().lesson()),
                text("recommendation", "Recommendation", l -> l.lesson().recommendation()),
                text("owner", "Owner", l -> l.lesson().owner()),
                text("findings", "Findings", l -> String.join("; ", l.findings())),
                text("documents", "Document references", l -> String.join("; ", l.documents())),
                text("evidence", "Evidence", Insights.LessonRow::evidenceSummary));
    }

    /** "95% interval", the heading of an interval at this confidence level. */
    static String intervalHeading(double confidenceLevel) {
        return new java.math.BigDecimal(Double.toString(confidenceLevel * 100)).stripTrailingZeros().toPlainString()
                + "% interval";
    }

    private static PublishedTable kpis(List<KpiRow> rows, Map<String, Format> formats, String interval) {
        Function<KpiRow, Format> format = k -> formats.getOrDefault(k.indicator(), Format.DECIMAL);
        return rows("kpis", "KPIs and tracker measures by period", rows,
                text("kpi", "KPI", KpiRow::indicator), text("measure", "Measure", KpiRow::measure),
                text("unit", "Region or system", KpiRow::unit), text("period", "Period", KpiRow::period),
                text("status", "Status", KpiRow::status),
                count("numerator", "Numerator", KpiRow::numerator), count("denominator", "Denominator", KpiRow::denominator),
                numberAs("value", "Value", format, KpiRow::value), numberAs("target", "Target", format, KpiRow::target),
                text("basis", "Basis", KpiRow::basis),
                numberAs("ci_low", interval + ", low", format, k -> Interval.lowOf(k.interval())),
                numberAs("ci_high", interval + ", high", format, k -> Interval.highOf(k.interval())),
                text("verdict", "Verdict", k -> Verdict.labelOf(k.verdict())),
                // A change in a count need not be whole (a median of days, a mean); a change in a share is in points.
                numberAs("change", "Change", k -> switch (format.apply(k)) {
                    case WHOLE -> Format.DECIMAL;
                    case SHARE -> Format.POINTS;
                    default -> format.apply(k);
                }, KpiRow::change),
                text("signal", "Signal", KpiRow::signal), text("assurance", "Assurance", KpiRow::assurance));
    }

    /** Every point of every run chart with its centre line and (clipped) limits: what the charts draw, as numbers. */
    private static PublishedTable runCharts(List<KpiChart> charts, Map<String, Format> formats) {
        record Point(KpiChart chart, int i) {
            RunChart run() {
                return chart.chart();
            }
        }
        List<Point> points = new ArrayList<>();
        for (KpiChart c : charts) {
            for (int i = 0; i < c.chart().values().size(); i++) {
                points.add(new Point(c, i));
            }
        }
        // A p chart's points are shares whatever the indicator's unit; a count's centre and limits need not be whole.
        Function<Point, Format> value = p -> p.run().type() == RunChart.Type.P || p.run().type() == RunChart.Type.P_PRIME
                ? Format.SHARE : formats.getOrDefault(p.chart().indicator(), Format.DECIMAL);
        Function<Point, Format> limit = p -> value.apply(p) == Format.WHOLE ? Format.DECIMAL : value.apply(p);
        return rows("run_charts", "Run charts: each point with its centre line and process limits", points,
                text("indicator", "Indicator", p -> p.chart().indicator()), text("unit", "Region or system", p -> p.chart().unit()),
                text("period", "Period", p -> p.run().periods().get(p.i())),
                numberAs("value", "Value", value, p -> OptionalDouble.of(p.run().values().get(p.i()))),
                numberAs("centre", "Centre line", limit, p -> OptionalDouble.of(p.run().centres().get(p.i()))),
                numberAs("lower", "Lower limit", limit, p -> OptionalDouble.of(p.run().lowerLimits().get(p.i()))),
                numberAs("upper", "Upper limit", limit, p -> OptionalDouble.of(p.run().upperLimits().get(p.i()))),
                text("chart", "Chart", p -> p.run().type().label() + (p.chart().ofIncrements() ? " of increments" : "")),
                text("signal", "Signal", p -> p.run().signal(p.i())));
    }

    /** Each KPI series either side of each declared change point ({@code rebase:}), and whether it has shifted since. */
    private static PublishedTable beforeAfter(List<KpiChart> charts, Map<String, Format> formats) {
        Function<BeforeAfter, Format> format = b -> formats.getOrDefault(b.indicator(), Format.DECIMAL) == Format.WHOLE
                ? Format.DECIMAL : formats.getOrDefault(b.indicator(), Format.DECIMAL);
        return rows("before_after", "KPIs before and after a declared change point", charts.stream()
                        .flatMap(c -> c.changes().stream()).toList(),
                text("kpi", "KPI", BeforeAfter::indicator), text("unit", "Region or system", BeforeAfter::unit),
                text("change_point", "Change point", BeforeAfter::changePoint),
                count("points_before", "Points before", b -> OptionalLong.of(b.pointsBefore())),
                numberAs("centre_before", "Centre before", format, b -> OptionalDouble.of(b.centreBefore())),
                count("points_after", "Points since", b -> OptionalLong.of(b.pointsAfter())),
                numberAs("centre_after", "Centre since", format, b -> OptionalDouble.of(b.centreAfter())),
                numberAs("difference", "Difference", format, b -> OptionalDouble.of(b.difference())),
                count("longest_run", "Longest run on one side", b -> OptionalLong.of(b.longestRun())),
                text("shift", "Sustained shift", b -> b.sustained() ? "yes, " + b.side() : "no"),
                text("reading", "Reading", BeforeAfter::reading));
    }

    /** Every unit of every funnel plot: its value against its denominator, the centre and the four limits. */
    private static PublishedTable funnel(List<Funnel> funnels) {
        record Unit(Funnel funnel, Funnel.FunnelRow row) {
            Format format() {
                return funnel.kind() == Funnel.Kind.PROPORTION ? Format.SHARE : Format.DECIMAL;
            }

            OptionalDouble limit(java.util.function.ToDoubleFunction<Funnel.Limits> which) {
                return row.limits().map(l -> OptionalDouble.of(which.applyAsDouble(l))).orElse(OptionalDouble.empty());
            }
        }
        List<Unit> units = funnels.stream().flatMap(f -> f.rows().stream().map(row -> new Unit(f, row))).toList();
        return rows("funnel", "Funnel plots: each unit against the centre and the 95% and 99.8% limits", units,
                text("indicator", "Indicator", u -> u.funnel().indicator()), text("period", "Period", u -> u.funnel().period()),
                text("unit", "Unit", u -> u.row().unit()),
                count("numerator", "Numerator", u -> u.row().numerator()),
                count("denominator", "Denominator", u -> u.row().denominator()),
                numberAs("value", "Value", Unit::format, u -> u.row().value()),
                numberAs("centre", "Centre", Unit::format, u -> OptionalDouble.of(u.funnel().centre())),
                numberAs("lower_95", "95% limit, low", Unit::format, u -> u.limit(Funnel.Limits::lower95)),
                numberAs("upper_95", "95% limit, high", Unit::format, u -> u.limit(Funnel.Limits::upper95)),
                numberAs("lower_998", "99.8% limit, low", Unit::format, u -> u.limit(Funnel.Limits::lower998)),
                numberAs("upper_998", "99.8% limit, high", Unit::format, u -> u.limit(Funnel.Limits::upper998)),
                text("position", "Position (99.8%)", u -> u.row().position().map(Funnel.Position::label).orElse("")),
                text("position_95", "Position (95%)", u -> u.row().position95().map(Funnel.Position::label).orElse("")),
                text("level", "Level", u -> u.funnel().level().label()),
                text("suppressed", "Suppressed", u -> u.row().suppressed()),
                text("limits", "Limits drawn", u -> u.funnel().method()));
    }

    /** Local projects by region and stage; with a suppression rule, a {@code suppressed} column names each row's hidden stages. */
    private static PublishedTable byRegion(Delivery d, Delivery.Published published) {
        List<Delivery.RegionRow> rows = d.byRegion();
        List<String> stages = List.of("completed", "active", "pipeline");
        List<IntFunction<Long>> values = List.of(i -> rows.get(i).completed(), i -> rows.get(i).active(),
                i -> rows.get(i).pipeline(), i -> rows.get(i).total());
        List<IndexColumn> columns = new ArrayList<>();
        columns.add(column("region", "Region", Type.TEXT, i -> Cell.text(rows.get(i).region())));
        List<String> names = List.of("completed", "active", "pipeline", "total");
        for (int s = 0; s < names.size(); s++) {
            int stage = s;
            String name = names.get(s);
            String heading = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            columns.add(published == null
                    ? column(name, heading, Type.COUNT, i -> new PublishedTable.Count(values.get(stage).apply(i)))
                    : column(name, heading, Type.COUNT, i -> shown(published.byRegion().get(i).get(stage))));
        }
        if (published != null) {
            columns.add(column("suppressed", "Suppressed", Type.TEXT, i -> Cell.text(IntStream.range(0, stages.size())
                    .filter(s -> Suppressed.number(published.byRegion().get(i).get(s)).isEmpty())
                    .mapToObj(stages::get).collect(Collectors.joining("; ")))));
        }
        return table("delivery_by_region", "Local support projects by region and stage", rows.size(),
                columns.toArray(IndexColumn[]::new));
    }

    /** A two-column table of a category and its count, as published. */
    private static PublishedTable counts(String name, String title, String category, String categoryHeading, String count,
                                         String countHeading, List<Delivery.Count> rows, List<String> published) {
        return table(name, title, rows.size(),
                column(category, categoryHeading, Type.TEXT, i -> Cell.text(rows.get(i).category())),
                published(count, countHeading, i -> rows.get(i).projects(), published),
                published == null ? null : marks(count, published));
    }

    /** A count column: the count itself without a suppression rule, else the count as the rule publishes it. */
    private static IndexColumn published(String name, String heading, IntFunction<Long> count, List<String> published) {
        return column(name, heading, Type.COUNT, i -> published == null ? new PublishedTable.Count(count.apply(i))
                : shown(published.get(i)));
    }

    /** The column of marks beside a suppressed count column: {@code suppressed_<column>}, the mark shown or blank. */
    private static IndexColumn marks(String column, List<String> published) {
        return column("suppressed_" + column, "Suppressed", Type.TEXT,
                i -> Cell.text(Suppressed.number(published.get(i)).isPresent() ? "" : published.get(i)));
    }

    /** A published count: the number shown, or missing with the rule's mark. */
    private static Cell shown(String shown) {
        OptionalLong n = Suppressed.number(shown);
        return n.isPresent() ? new PublishedTable.Count(n.getAsLong()) : new Missing(shown);
    }

    /** The grade table: one row per outcome, one column per assessment period, and the latest change. */
    private static PublishedTable byPeriod(EvaluationProject project, List<Assessment> evidence) {
        Map<String, Map<String, Assessment>> byNode = new LinkedHashMap<>();
        Set<String> periods = new LinkedHashSet<>();
        for (Assessment a : evidence) {
            byNode.computeIfAbsent(a.node(), k -> new LinkedHashMap<>()).put(a.period(), a);
            periods.add(a.period());
        }
        List<Map<String, Assessment>> rows = List.copyOf(byNode.values());
        List<RowColumn<Map<String, Assessment>>> columns = new ArrayList<>();
        columns.add(text("node", "Node", row -> first(row).node()));
        columns.add(text("label", "Outcome or impact", row -> first(row).label()));
        columns.add(text("stage", "Stage", row -> first(row).stage().yamlName()));
        for (String period : periods) {
            String heading = project.evaluation().period(period).map(Period::label).orElse(period);
            columns.add(new RowColumn<>(new Column(period, heading, Type.TEXT), row -> {
                Assessment a = row.get(period);
                return a == null ? Missing.BLANK : new GradeCell(a.grade(), a.explain().strip());
            }));
        }
        // From the previous period: a first grade after "not yet assessed" is not a move up.
        columns.add(text("change", "Change", row -> {
            List<Assessment> series = periods.stream().map(row::get).filter(java.util.Objects::nonNull).toList();
            if (series.size() < 2) {
                return "";
            }
            java.util.Optional<Grade> previous = series.get(series.size() - 2).grade();
            java.util.Optional<Grade> last = series.get(series.size() - 1).grade();
            if (previous.equals(last)) {
                return "same";
            }
            return previous.isEmpty() ? EvidenceChanges.FIRST_ASSESSED : last.isEmpty() ? "no longer assessed"
                    : last.get().compareTo(previous.get()) > 0 ? "up" : "down";
        }));
        return rows("evidence_by_period", "Evidence grades by assessment period", rows, columns);
    }

    /** The evaluation team's judgements beside the rule's grades: one row per outcome and period judged. */
    private static PublishedTable judgements(List<JudgementRow> rows) {
        return rows("judgements", "The evaluation team's judgements beside the rule's grades", rows,
                text("node", "Node", j -> j.assessment().node()), text("label", "Outcome", j -> j.assessment().label()),
                text("period", "Period", j -> j.assessment().period()),
                new RowColumn<>(new Column("rule_grade", "Rule's grade", Type.TEXT),
                        j -> new GradeCell(j.assessment().grade(), j.assessment().explain().strip())),
                new RowColumn<>(new Column("judged_grade", "Judged grade", Type.TEXT),
                        j -> new GradeCell(j.judgement().grade(), j.judgement().reason())),
                text("agree", "Agree", j -> j.agree() ? "yes" : "no"),
                text("rule", "Rule", j -> j.assessment().rule().id()),
                text("rule_reason", "Rule's reason", j -> JudgementRow.ruleReason(j.assessment())),
                text("judgement_reason", "Judgement's reason", j -> j.judgement().reason()),
                text("rests_on", "Rests on (leave one out)", j -> j.assessment().restsOnText()));
    }

    /** Each area's value of each KPI beside its comparable areas' (statistical neighbours) and England's; header only without them. */
    private static PublishedTable neighbours(List<NeighbourRow> rows) {
        Function<NeighbourRow, Format> format = n -> n.share() ? Format.SHARE : Format.DECIMAL;
        return rows("neighbours", "Each area against its comparable areas (statistical neighbours) and England", rows,
                text("area", "Area code", NeighbourRow::area), text("area_name", "Area", NeighbourRow::areaName),
                text("indicator", "Indicator", NeighbourRow::indicator), text("label", "Measure", NeighbourRow::label),
                text("period", "Period", NeighbourRow::period),
                new RowColumn<>(new Column("value", "Value", Type.NUMBER), n -> n.value().isPresent()
                        ? Cell.number(n.value(), format.apply(n)) : new Missing(n.hidden())),
                text("better", "Better", n -> n.better().yamlName()),
                count("neighbours", "Comparable areas listed", n -> OptionalLong.of(n.listed())),
                count("compared", "Compared (with a figure)", n -> OptionalLong.of(n.compared())),
                numberAs("lower_quartile", "Neighbours' lower quartile", format, NeighbourRow::lowerQuartile),
                numberAs("median", "Neighbours' median", format, NeighbourRow::median),
                numberAs("upper_quartile", "Neighbours' upper quartile", format, NeighbourRow::upperQuartile),
                count("rank", "Rank", n -> n.rank().isPresent() ? OptionalLong.of(n.rank().getAsInt()) : OptionalLong.empty()),
                count("of", "Of", n -> n.rank().isPresent() ? OptionalLong.of(n.compared() + 1L) : OptionalLong.empty()),
                text("rank_1_is", "Rank 1 is", NeighbourRow::rankOneIs),
                text("quarter", "Quarter", n -> n.quarterLabel().orElse("")),
                numberAs("england", "England", format, NeighbourRow::england),
                text("against_england", "Against England", n -> n.againstEngland().orElse("")),
                text("summary", "Summary", NeighbourRow::summary));
    }

    /** Each assumption key at each assessment period: holds, challenged or untested, with the findings behind it. */
    private static PublishedTable assumptions(List<AssumptionStatus> rows) {
        return rows("assumptions", "Assumptions and risks (keys of the theory of change) by period", rows,
                text("key", "Key", a -> a.key().key()), text("period", "Period", AssumptionStatus::period),
                text("status", "Status", a -> a.state().label()),
                number("supporting", "Holds (weighted)", Format.DECIMAL, a -> OptionalDouble.of(a.supporting())),
                number("contradicting", "Challenged (weighted)", Format.DECIMAL, a -> OptionalDouble.of(a.contradicting())),
                text("items", "Evidence", a -> a.items().stream().map(i -> i.summary() + (i.detail().isEmpty() ? "" : ": " + i.detail()))
                        .collect(Collectors.joining("; "))),
                count("links", "Links carrying it", a -> OptionalLong.of(a.links())),
                text("assumptions", "Assumptions", a -> String.join(" | ", a.key().assumptions())),
                text("risks", "Risks", a -> String.join(" | ", a.key().risks())));
    }

    private static Assessment first(Map<String, Assessment> row) {
        return row.values().iterator().next();
    }

    /** A column made from each row value. */
    record RowColumn<T>(Column column, Function<T, Cell> cell) {
    }

    /** A column made from each row's position, for tables whose rows come from parallel lists. */
    private record IndexColumn(Column column, IntFunction<Cell> cell) {
    }

    @SafeVarargs
    static <T> PublishedTable rows(String name, String title, List<T> rows, RowColumn<T>... columns) {
        return rows(name, title, rows, List.of(columns));
    }

    private static <T> PublishedTable rows(String name, String title, List<T> rows, List<RowColumn<T>> columns) {
        return new PublishedTable(name, title, columns.stream().map(RowColumn::column).toList(),
                rows.stream().map(row -> columns.stream().map(c -> c.cell().apply(row)).toList()).toList());
    }

    /** A table of {@code size} rows; a null column is left out (a column only some settings publish). */
    private static PublishedTable table(String name, String title, int size, IndexColumn... columns) {
        List<IndexColumn> present = java.util.Arrays.stream(columns).filter(java.util.Objects::nonNull).toList();
        return new PublishedTable(name, title, present.stream().map(IndexColumn::column).toList(),
                IntStream.range(0, size).mapToObj(i -> present.stream().map(c -> c.cell().apply(i)).toList()).toList());
    }

    private static IndexColumn column(String name, String heading, Type type, IntFunction<Cell> cell) {
        return new IndexColumn(new Column(name, heading, type), cell);
    }

    static <T> RowColumn<T> text(String name, String heading, Function<T, String> value) {
        return new RowColumn<>(new Column(name, heading, Type.TEXT), row -> Cell.text(value.apply(row)));
    }

    static <T> RowColumn<T> count(String name, String heading, Function<T, OptionalLong> value) {
        return new RowColumn<>(new Column(name, heading, Type.COUNT), row -> Cell.count(value.apply(row)));
    }

    static <T> RowColumn<T> number(String name, String heading, Format format, Function<T, OptionalDouble> value) {
        return numberAs(name, heading, row -> format, value);
    }

    private static <T> RowColumn<T> numberAs(String name, String heading, Function<T, Format> format,
                                             Function<T, OptionalDouble> value) {
        return new RowColumn<>(new Column(name, heading, Type.NUMBER),
                row -> Cell.number(value.apply(row), format.apply(row)));
    }
}
