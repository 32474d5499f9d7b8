package org.evident.ingest;

import java.util.List;

/**
 * Everything read from a project's data files: the accepted records, the aggregates per
 * indicator and period, the indicators that got no data, the rejects and the reconciliation.
 *
 * @param gaps one line per indicator and period that got no data, saying why
 * @param judgements the evaluation team's own grades, from {@code type: judgements} sources, in file order
 */
public record IngestResult(List<TrackerProject> projects, List<SurveyItemCounts> surveyCounts,
                           List<FreeTextAnswer> freeText, List<KpiReturn> kpiReturns, List<Finding> findings,
                           List<IndicatorData> indicatorData, List<String> gaps, List<Reject> rejects,
                           List<Reconciliation> reconciliations, List<Judgement> judgements) {
    public IngestResult {
        projects = List.copyOf(projects);
        surveyCounts = List.copyOf(surveyCounts);
        freeText = List.copyOf(freeText);
        kpiReturns = List.copyOf(kpiReturns);
        findings = List.copyOf(findings);
        indicatorData = List.copyOf(indicatorData);
        gaps = List.copyOf(gaps);
        rejects = List.copyOf(rejects);
        reconciliations = List.copyOf(reconciliations);
        judgements = List.copyOf(judgements);
    }

    /** A result without judgements. */
    public IngestResult(List<TrackerProject> projects, List<SurveyItemCounts> surveyCounts, List<FreeTextAnswer> freeText,
                        List<KpiReturn> kpiReturns, List<Finding> findings, List<IndicatorData> indicatorData,
                        List<String> gaps, List<Reject> rejects, List<Reconciliation> reconciliations) {
        this(projects, surveyCounts, freeText, kpiReturns, findings, indicatorData, gaps, rejects, reconciliations, List.of());
    }

    public long rejectedRows() {
        return reconciliations.stream().mapToLong(Reconciliation::rejected).sum();
    }
}
