package org.evident.analysis;

import java.util.List;
import java.util.Objects;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;

import tech.tablesaw.api.Table;

/**
 * Everything the analysis computed for one project, as immutable values in a fixed order, and
 * as the tables Evident publishes ({@link #publishedTables()}; as Tablesaw tables for notebooks,
 * {@link #tables()}).
 *
 * @param project                  the project analysed: its settings, indicators and periods name
 *                                 and format the published tables' columns
 * @param organisationSuppression  the rule applied to the delivery tables' counts of projects
 *                                 (organisations) in {@link #tables()}: NONE unless the project sets
 *                                 {@code suppress_organisations}; the values here are never suppressed
 * @param evidence                 the grade of every short- and medium-term outcome at every
 *                                 assessment period, node by node in the toc's order
 * @param evidenceChanges          what changed from one period to the next, then since an earlier
 *                                 assessment when {@link #withEarlierAssessment} added it
 * @param pathways                 for every outcome and impact, its best-supported causal chain
 *                                 under the latest period's grades
 * @param judgements               the evaluation team's own grades beside the rule's, in the order of
 *                                 {@code evidence}; empty when the project records none
 * @param assumptions              every assumption key's state at every assessment period, key by key
 * @param insights                 themes, quotes and lessons by the project's code frame; {@link Insights#NONE} without one
 * @param neighbours               each area's KPI values beside its comparable areas'; empty when the project
 *                                 has no neighbours source
 * @param funnels                  the funnel plots of the KPI returns: each share or rate indicator, ended period and
 *                                 level of units with at least three units, under the project's suppression rule (see
 *                                 {@link Funnel}); empty for a project without comparable units. Computed once here, as
 *                                 the tables, the charts and the report all read them
 */
public record AnalysisResult(EvaluationProject project, Delivery delivery, List<SurveyRow> surveyItems, List<KpiRow> kpis, List<KpiChart> kpiCharts,
                             SuppressionRule organisationSuppression, List<Assessment> evidence,
                             List<EvidenceChange> evidenceChanges, List<PathwayRow> pathways,
                             List<JudgementRow> judgements, List<AssumptionStatus> assumptions, Insights insights,
                             List<NeighbourRow> neighbours, List<Funnel> funnels) {
    public AnalysisResult {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(organisationSuppression, "organisationSuppression");
        surveyItems = List.copyOf(surveyItems);
        kpis = List.copyOf(kpis);
        kpiCharts = List.copyOf(kpiCharts);
        evidence = List.copyOf(evidence);
        evidenceChanges = List.copyOf(evidenceChanges);
        pathways = List.copyOf(pathways);
        judgements = List.copyOf(judgements);
        assumptions = List.copyOf(assumptions);
        Objects.requireNonNull(insights, "insights");
        neighbours = List.copyOf(neighbours);
        funnels = List.copyOf(funnels);
    }

    /** A result whose funnel plots are drawn from its KPI rows. */
    public AnalysisResult(EvaluationProject project, Delivery delivery, List<SurveyRow> surveyItems, List<KpiRow> kpis,
                          List<KpiChart> kpiCharts, SuppressionRule organisationSuppression, List<Assessment> evidence,
                          List<EvidenceChange> evidenceChanges, List<PathwayRow> pathways, List<JudgementRow> judgements,
                          List<AssumptionStatus> assumptions, Insights insights, List<NeighbourRow> neighbours) {
        this(project, delivery, surveyItems, kpis, kpiCharts, organisationSuppression, evidence, evidenceChanges, pathways,
                judgements, assumptions, insights, neighbours,
                Funnels.of(project, kpis, SuppressionRule.fromYaml(project.evaluation().settings().suppression())));
    }

    /** A result without neighbour comparisons. */
    public AnalysisResult(EvaluationProject project, Delivery delivery, List<SurveyRow> surveyItems, List<KpiRow> kpis,
                          List<KpiChart> kpiCharts, SuppressionRule organisationSuppression, List<Assessment> evidence,
                          List<EvidenceChange> evidenceChanges, List<PathwayRow> pathways, List<JudgementRow> judgements,
                          List<AssumptionStatus> assumptions, Insights insights) {
        this(project, delivery, surveyItems, kpis, kpiCharts, organisationSuppression, evidence, evidenceChanges, pathways,
                judgements, assumptions, insights, List.of());
    }

    /** A result without judgements. */
    public AnalysisResult(EvaluationProject project, Delivery delivery, List<SurveyRow> surveyItems, List<KpiRow> kpis,
                          List<KpiChart> kpiCharts, SuppressionRule organisationSuppression, List<Assessment> evidence,
                          List<EvidenceChange> evidenceChanges, List<PathwayRow> pathways) {
        this(project, delivery, surveyItems, kpis, kpiCharts, organisationSuppression, evidence, evidenceChanges, pathways,
                List.of(), List.of(), Insights.NONE);
    }

    /** How far the rule agrees with the evaluation team's judgements, over every outcome and period judged. */
    public Agreement judgementAgreement() {
        return Agreement.of(judgements.stream().map(JudgementRow::ruleGradeOnScale).toList(),
                judgements.stream().map(j -> j.judgement().grade()).toList());
    }

    /** The team's judgement of an outcome at a period, with the rule's grade beside it, if the team gave one. */
    public java.util.Optional<JudgementRow> judgement(String node, String period) {
        return judgements.stream().filter(j -> j.assessment().node().equals(node) && j.assessment().period().equals(period))
                .findFirst();
    }

    /** This result with the changes since an earlier run's latest grades (node id to grade). */
    public AnalysisResult withEarlierAssessment(java.util.Map<String, java.util.Optional<Grade>> grades, String date) {
        List<EvidenceChange> all = new java.util.ArrayList<>(evidenceChanges);
        all.addAll(EvidenceChanges.since(grades, date, evidence));
        return new AnalysisResult(project, delivery, surveyItems, kpis, kpiCharts, organisationSuppression, evidence, all, pathways,
                judgements, assumptions, insights, neighbours, funnels);
    }

    /** Each survey item asked in two waves, each wave against the one before, from the survey lines as published. */
    public List<SurveyChange> surveyChanges() {
        return SurveyComparisons.changes(project, surveyItems);
    }

    /** Each group of each survey breakdown against the rest of its wave, from the survey lines as published. */
    public List<SurveyGroupDifference> surveyGroupDifferences() {
        return SurveyComparisons.groupDifferences(project, surveyItems);
    }

    /** The KPI verdict totals, counted one way for the report and the workbook ({@link KpiVerdicts#WHAT}). */
    public KpiVerdicts kpiVerdicts() {
        return KpiVerdicts.of(kpis);
    }

    /** The latest period's assessment of each graded outcome and impact. */
    public List<Assessment> latestEvidence() {
        java.util.Map<String, Assessment> latest = new java.util.LinkedHashMap<>();
        evidence.forEach(a -> latest.put(a.node(), a));
        return List.copyOf(latest.values());
    }

    /**
     * The published tables, each named as its CSV file is (without ".csv"), in the order the
     * README lists them: the one definition the CSV files, the workbook and the report render.
     */
    public List<PublishedTable> publishedTables() {
        return Tables.of(this);
    }

    /** The published tables as Tablesaw tables, for notebooks: a blank cell is Tablesaw's missing value. */
    public List<Table> tables() {
        return publishedTables().stream().map(PublishedTable::toTablesaw).toList();
    }
}
