package org.evident.analysis;

import java.util.List;
import java.util.OptionalDouble;

import org.evident.ingest.IngestResult;
import org.evident.toc.EvaluationProject;

/** The analysis of one project's ingested data: delivery measures, survey statistics, KPIs and evidence grades. */
public final class Analysis {
    private Analysis() {
    }

    public static AnalysisResult run(EvaluationProject project, IngestResult data) {
        KpiResults kpis = new KpiResults(project, data.indicatorData());
        List<SurveyRow> survey = new SurveyResults(project).rows(data.surveyCounts());
        List<Assessment> evidence = new EvidenceGrading(project).grade(data.findings(), kpis.rows(), survey,
                findings -> OptionalDouble.empty());
        return new AnalysisResult(Delivery.of(project, data.projects()), survey, kpis.rows(), kpis.charts(),
                project.evaluation().settings().suppressOrganisations()
                        ? SuppressionRule.fromYaml(project.evaluation().settings().suppression()) : SuppressionRule.NONE,
                evidence, EvidenceChanges.betweenPeriods(evidence));
    }
}
