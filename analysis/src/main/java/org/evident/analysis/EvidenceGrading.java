package org.evident.analysis;

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
import org.evident.toc.Stage;

/**
 * Applies the rubric to every short- and medium-term outcome at every assessment period. The
 * evidence is cumulative: an item counts at a period when its own period ended by that
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

    List<Assessment> grade(List<Finding> findings, List<KpiRow> kpis, List<SurveyRow> survey,
                           Function<List<Finding>, Optional<ContributionTracing.Result>> tracing) {
        List<Assessment> out = new ArrayList<>();
        for (Node node : project.theoryOfChange().nodes()) {
            if (node.stage() != Stage.SHORT_TERM_OUTCOME && node.stage() != Stage.MEDIUM_TERM_OUTCOME) {
                continue;
            }
            for (Period period : assessmentPeriods()) {
                List<Finding> found = findings.stream()
                        .filter(f -> f.node().equals(node.id()) && endedBy(f.period(), period)).toList();
                List<EvidenceItem> items = new ArrayList<>();
                found.forEach(f -> items.add(new EvidenceItem(f.id(), EvidenceKind.FINDING, f.method(), f.direction(), f.period(),
                        f.sourceRef() == null ? "" : f.sourceRef())));
                indicatorItems(node.id(), period, kpis, survey).forEach(items::add);
                out.add(assess(node, period, items, tracing.apply(found)));
            }
        }
        return out;
    }

    private Assessment assess(Node node, Period period, List<EvidenceItem> items, Optional<ContributionTracing.Result> tracing) {
        Rubric rubric = project.evaluation().rubric();
        EvidenceCounts counts = counts(items);
        Rubric.Rule rule = rule(rubric, counts);
        return new Assessment(node.id(), node.label(), node.stage(), period.id(), rule.grade(), rule,
                counts.supportingMethods(), counts.supporting(), counts.contradicting(), items, tracing,
                leaveOneOut(rubric, items, rule.grade()));
    }

    private static EvidenceCounts counts(List<EvidenceItem> items) {
        return new EvidenceCounts(
                (int) items.stream().filter(EvidenceItem::supports).map(EvidenceItem::method).distinct().count(),
                (int) items.stream().filter(EvidenceItem::supports).count(),
                (int) items.stream().filter(EvidenceItem::contradicts).count());
    }

    private static Rubric.Rule rule(Rubric rubric, EvidenceCounts counts) {
        return rubric.rules().stream().filter(r -> r.when().hold(counts)).findFirst().orElse(NO_RULE);
    }

    /**
     * Leave one out: each item in turn is removed and the rest re-graded by the same rubric; the items whose
     * removal lowers the grade are those it rests on. (Removing an item against can only raise a grade.)
     */
    static List<Assessment.Pivot> leaveOneOut(Rubric rubric, List<EvidenceItem> items, Grade grade) {
        List<Assessment.Pivot> pivots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<EvidenceItem> rest = new ArrayList<>(items);
            rest.remove(i);
            Grade without = rule(rubric, counts(rest)).grade();
            if (without.compareTo(grade) < 0) {
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

    /** The latest verdict of each of the node's indicators whose period ended by the assessment's end. */
    private List<EvidenceItem> indicatorItems(String node, Period period, List<KpiRow> kpis, List<SurveyRow> survey) {
        List<EvidenceItem> items = new ArrayList<>();
        for (Indicator indicator : project.theoryOfChange().indicators()) {
            if (!indicator.node().equals(node)) {
                continue;
            }
            String method = indicator.method().orElse(indicator.source().yamlName() + " indicators");
            Optional<KpiRow> kpi = kpis.stream()
                    .filter(k -> k.indicator().equals(indicator.id()) && k.unit().isEmpty() && k.verdict().isPresent()
                            && endedBy(k.period(), period))
                    .max(Comparator.comparing(k -> periods.get(k.period()).end()));
            kpi.ifPresent(k -> items.add(new EvidenceItem(indicator.id(), EvidenceKind.INDICATOR, method, direction(k.verdict().get()),
                    k.period(), detail(k.numerator().isPresent() ? k.numerator().getAsLong() + " of " + k.denominator().getAsLong()
                            : format(k.value().getAsDouble()), k.interval(), k.target()))));
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
