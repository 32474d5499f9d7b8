package org.evident.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.evident.ingest.Finding;
import org.evident.toc.EvaluationProject;
import org.evident.toc.EvidenceCounts;
import org.evident.toc.EvidenceDirection;
import org.evident.toc.EvidenceKind;
import org.evident.toc.Grade;
import org.evident.toc.Indicator;
import org.evident.toc.Node;
import org.evident.toc.Period;
import org.evident.toc.Rubric;

/**
 * Applies the rubric to every short- and medium-term outcome and every impact at every assessment period. The
 * evidence is cumulative: a finding counts at a period when it was collected by that period's end (without a
 * date collected, when its own period ended by then), and an indicator counts by its figure to date at the
 * period's end, so a grade reflects all the evidence gathered so far.
 */
final class EvidenceGrading {
    private final EvaluationProject project;
    private final Map<String, Period> periods;

    EvidenceGrading(EvaluationProject project) {
        this.project = project;
        this.periods = project.evaluation().periods().stream().collect(Collectors.toMap(Period::id, Function.identity()));
    }

    /**
     * The periods graded: the fieldwork phases when the project has any (findings come in
     * phases), else the reporting periods that started by the reporting date.
     */
    List<Period> assessmentPeriods() {
        return project.evaluation().assessmentPeriods();
    }

    List<Assessment> grade(List<Finding> findings, KpiResults kpis, List<SurveyRow> survey,
                           Function<List<Finding>, Optional<ContributionTracing.Result>> tracing) {
        Rubric rubric = project.evaluation().rubric();
        List<Assessment> out = new ArrayList<>();
        for (Node node : project.theoryOfChange().nodes()) {
            if (!node.stage().isGraded()) {
                continue;
            }
            for (Period period : assessmentPeriods()) {
                List<Finding> found = findings.stream().filter(f -> f.node().equals(node.id()) && countsBy(f, period)).toList();
                List<EvidenceItem> indicators = indicatorItems(node.id(), period, kpis, survey);
                List<EvidenceItem> items = new ArrayList<>();
                found.forEach(f -> items.add(findingItem(f, rubric, indicators)));
                items.addAll(indicators);
                out.add(assess(node, period, items, tracing.apply(found)));
            }
        }
        return out;
    }

    /**
     * Every assumption key at every assessment period: its findings (those naming the key in {@code assumption}),
     * weighed and counted as an outcome's are, and the state they give.
     */
    List<AssumptionStatus> assumptions(List<Finding> findings) {
        Rubric rubric = project.evaluation().rubric();
        List<AssumptionStatus> out = new ArrayList<>();
        for (org.evident.toc.AssumptionKey key : project.theoryOfChange().assumptionKeys()) {
            int links = (int) project.theoryOfChange().links().stream().filter(l -> l.keys().contains(key.key())).count();
            for (Period period : assessmentPeriods()) {
                List<EvidenceItem> items = findings.stream()
                        .filter(f -> f.assumption().filter(key.key()::equals).isPresent() && countsBy(f, period))
                        .map(f -> findingItem(f, rubric, List.of())).toList();
                EvidenceCounts counts = counts(items, rubric.weights());
                out.add(new AssumptionStatus(key, period.id(), AssumptionStatus.state(counts.supporting(), counts.contradicting()),
                        counts.supporting(), counts.contradicting(), items, links));
            }
        }
        return out;
    }

    /** Whether a finding is evidence by the end of a period: collected by then, else written up in a period ended by then. */
    boolean countsBy(Finding f, Period period) {
        return f.collected().map(d -> !d.isAfter(period.end())).orElseGet(() -> endedBy(f.period(), period));
    }

    /**
     * A finding as an item, weighed by the rubric from its appraisal and cases. A finding that restates an indicator
     * counted beside it weighs nothing: the indicator's verdict already stands for the same data.
     */
    EvidenceItem findingItem(Finding f, Rubric rubric, List<EvidenceItem> indicators) {
        String detail = (f.sourceRef() == null ? "" : f.sourceRef())
                + f.collected().map(d -> (f.sourceRef() == null || f.sourceRef().isEmpty() ? "" : "; ") + "collected " + d)
                        .orElse("");
        String period = f.collected().flatMap(this::assessmentPeriodOf).orElse(f.period());
        if (f.restates().isPresent() && indicators.stream().anyMatch(i -> i.id().equals(f.restates().get()))) {
            return new EvidenceItem(f.id(), EvidenceKind.FINDING, f.method(), f.direction(), period, detail, 0,
                    "restates " + f.restates().get() + ", counted once, as that indicator");
        }
        return new EvidenceItem(f.id(), EvidenceKind.FINDING, f.method(), f.direction(), period, detail,
                rubric.weights().of(f.concerns(), f.cases()), rubric.weights().describe(f.concerns(), f.cases()));
    }

    private Optional<String> assessmentPeriodOf(LocalDate date) {
        return assessmentPeriods().stream().filter(p -> p.contains(date)).map(Period::id).findFirst();
    }

    private Assessment assess(Node node, Period period, List<EvidenceItem> items, Optional<ContributionTracing.Result> tracing) {
        Rubric rubric = project.evaluation().rubric();
        String status = status(period);
        if (items.isEmpty()) {
            return new Assessment(node.id(), node.label(), node.stage(), period.id(), status, Optional.empty(),
                    Assessment.NOT_ASSESSED, 0, 0, 0, items, tracing, List.of());
        }
        EvidenceCounts counts = counts(items, rubric.weights());
        Rubric.Rule rule = rule(rubric, counts);
        return new Assessment(node.id(), node.label(), node.stage(), period.id(), status, Optional.of(rule.grade()), rule,
                counts.supportingMethods(), counts.supporting(), counts.contradicting(), items, tracing,
                leaveOneOut(rubric, items, rule.grade()));
    }

    /** "" for a period ended by the reporting date, else how much of it had passed: its grade is of the evidence so far. */
    private String status(Period period) {
        LocalDate asOf = project.evaluation().reportingDate();
        if (period.endedBy(asOf)) {
            return "";
        }
        if (period.start().isAfter(asOf)) {
            return Assessment.IN_PROGRESS + ": not started by the reporting date";
        }
        return Assessment.IN_PROGRESS + ": " + (ChronoUnit.DAYS.between(period.start(), asOf) + 1) + " of "
                + (ChronoUnit.DAYS.between(period.start(), period.end()) + 1)
                + " days by the reporting date; graded on the evidence collected so far";
    }

    /**
     * The rubric's counts over the items, each by its weight; a mixed finding counts half its weight each way when
     * the weights say so. A method counts as supporting only when its supporting items weigh one full item together,
     * so that an item the appraisal rates down cannot alone make a method for triangulation.
     */
    static EvidenceCounts counts(List<EvidenceItem> items, Rubric.Weights weights) {
        double half = weights.mixed() == Rubric.Weights.Mixed.HALF ? 0.5 : 0;
        double mixed = items.stream().filter(EvidenceItem::mixed).mapToDouble(EvidenceItem::weight).sum() * half;
        Map<String, Double> byMethod = items.stream().filter(EvidenceItem::supports)
                .collect(Collectors.groupingBy(EvidenceItem::method, Collectors.summingDouble(EvidenceItem::weight)));
        return new EvidenceCounts((int) byMethod.values().stream().filter(w -> w >= 1).count(),
                items.stream().filter(EvidenceItem::supports).mapToDouble(EvidenceItem::weight).sum() + mixed,
                items.stream().filter(EvidenceItem::contradicts).mapToDouble(EvidenceItem::weight).sum() + mixed);
    }

    private static Rubric.Rule rule(Rubric rubric, EvidenceCounts counts) {
        return rubric.rules().stream().filter(r -> r.when().hold(counts)).findFirst().orElse(NO_RULE);
    }

    /**
     * Leave one out: each item in turn is removed and the rest re-graded by the same rubric; the items whose
     * removal lowers the grade are those it rests on. (Removing an item against can only raise a grade.) Leaving
     * out an outcome's only item leaves it with no evidence: not yet assessed, which counts as a fall.
     */
    static List<Assessment.Pivot> leaveOneOut(Rubric rubric, List<EvidenceItem> items, Grade grade) {
        List<Assessment.Pivot> pivots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<EvidenceItem> rest = new ArrayList<>(items);
            rest.remove(i);
            Optional<Grade> without = rest.isEmpty() ? Optional.empty()
                    : Optional.of(rule(rubric, counts(rest, rubric.weights())).grade());
            if (without.isEmpty() || without.get().compareTo(grade) < 0) {
                pivots.add(new Assessment.Pivot(items.get(i), without));
            }
        }
        return pivots;
    }

    /** What a rubric without a catch-all rule gives when nothing matched: the lowest grade, said plainly. */
    static final Rubric.Rule NO_RULE = new Rubric.Rule("no-rule-matched", Grade.LIMITED,
            "No rule of the rubric matched, so the lowest grade is given.", Rubric.Conditions.ALWAYS);

    private boolean endedBy(String itemPeriod, Period assessment) {
        Period p = periods.get(itemPeriod);
        return p != null && !p.end().isAfter(assessment.end());
    }

    /**
     * Each of the node's indicators with a verdict by the period's end: a KPI or tracker measure by its whole-programme
     * figure to date then (every ended period pooled, as the {@code to date} row of kpis.csv at the reporting date), so
     * that a handful of returns in the latest quarter does not stand for the programme; a survey item by its latest
     * wave by then (each wave is a fresh sample of the same population, not pooled).
     */
    private List<EvidenceItem> indicatorItems(String node, Period period, KpiResults kpis, List<SurveyRow> survey) {
        List<EvidenceItem> items = new ArrayList<>();
        LocalDate end = period.end().isAfter(project.evaluation().reportingDate()) ? project.evaluation().reportingDate()
                : period.end();
        for (Indicator indicator : project.theoryOfChange().indicators()) {
            if (!indicator.node().equals(node)) {
                continue;
            }
            String method = indicator.method().orElse(indicator.source().yamlName() + " indicators");
            kpis.toDateBy(indicator, end).filter(k -> k.verdict().isPresent()).ifPresent(k -> items.add(new EvidenceItem(
                    indicator.id(), EvidenceKind.INDICATOR, method, direction(k.verdict().get()), KpiRow.TO_DATE,
                    detail(k.numerator().isPresent() ? k.numerator().getAsLong() + " of " + k.denominator().getAsLong()
                            : format(k.value().getAsDouble()), k.interval(), k.target()) + "; " + k.status())));
            Optional<SurveyRow> answer = survey.stream()
                    .filter(s -> s.indicator().filter(indicator.id()::equals).isPresent() && s.verdict().isPresent()
                            && endedBy(s.period(), period))
                    .max(Comparator.comparing(s -> periods.get(s.period()).end()));
            answer.ifPresent(s -> items.add(new EvidenceItem(indicator.id(), EvidenceKind.INDICATOR, method, direction(s.verdict().get()),
                    s.period(), detail(s.count().isPresent() && s.base().isPresent()
                            ? s.count().getAsLong() + " of " + s.base().getAsLong() : "counts suppressed", s.interval(),
                            s.threshold()))));
        }
        return items;
    }

    private static EvidenceDirection direction(Verdict verdict) {
        return switch (verdict) {
            case MET -> EvidenceDirection.SUPPORTS;
            case NOT_MET -> EvidenceDirection.CONTRADICTS;
            case INCONCLUSIVE -> EvidenceDirection.INCONCLUSIVE;
        };
    }

    private static String detail(String value, Optional<Interval> interval, OptionalDouble target) {
        return value + interval.map(i -> ", " + format(i.low()) + " to " + format(i.high())).orElse("")
                + (target.isPresent() ? " against " + format(target.getAsDouble()) : "");
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
