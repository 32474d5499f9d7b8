package org.evident.analysis;

import java.util.List;
import java.util.Objects;

import org.evident.toc.Grade;

import tech.tablesaw.api.Table;

/**
 * Everything the analysis computed for one project, as immutable values in a fixed order, and
 * as Tablesaw tables for the reports and notebooks.
 *
 * @param organisationSuppression  the rule applied to the delivery tables' counts of projects
 *                                 (organisations) in {@link #tables()}: NONE unless the project sets
 *                                 {@code suppress_organisations}; the values here are never suppressed
 * @param evidence                 the grade of every short- and medium-term outcome at every
 *                                 assessment period, node by node in the toc's order
 * @param evidenceChanges          what changed from one period to the next, then since an earlier
 *                                 assessment when {@link #withEarlierAssessment} added it
 * @param pathways                 for every outcome and impact, its best-supported causal chain
 *                                 under the latest period's grades
 */
public record AnalysisResult(Delivery delivery, List<SurveyRow> surveyItems, List<KpiRow> kpis, List<KpiChart> kpiCharts,
                             SuppressionRule organisationSuppression, List<Assessment> evidence,
                             List<EvidenceChange> evidenceChanges, List<PathwayRow> pathways) {
    public AnalysisResult {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(organisationSuppression, "organisationSuppression");
        surveyItems = List.copyOf(surveyItems);
        kpis = List.copyOf(kpis);
        kpiCharts = List.copyOf(kpiCharts);
        evidence = List.copyOf(evidence);
        evidenceChanges = List.copyOf(evidenceChanges);
        pathways = List.copyOf(pathways);
    }

    /**
     * The published tables, each named as its CSV file is (without ".csv"), in the order a
     * report shows them. Missing values are Tablesaw's missing values (blank in CSV).
     */
    /** This result with the changes since an earlier run's latest grades (node id to grade). */
    public AnalysisResult withEarlierAssessment(java.util.Map<String, Grade> grades, String date) {
        List<EvidenceChange> all = new java.util.ArrayList<>(evidenceChanges);
        all.addAll(EvidenceChanges.since(grades, date, evidence));
        return new AnalysisResult(delivery, surveyItems, kpis, kpiCharts, organisationSuppression, evidence, all, pathways);
    }

    /** The latest period's assessment of each graded outcome. */
    public List<Assessment> latestEvidence() {
        java.util.Map<String, Assessment> latest = new java.util.LinkedHashMap<>();
        evidence.forEach(a -> latest.put(a.node(), a));
        return List.copyOf(latest.values());
    }

    public List<Table> tables() {
        return Tables.of(this);
    }
}
