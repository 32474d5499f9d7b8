package org.evident.analysis;

import org.evident.ingest.IngestResult;
import org.evident.toc.EvaluationProject;

/** The analysis of one project's ingested data: delivery measures, survey statistics and KPIs. */
public final class Analysis {
    private Analysis() {
    }

    public static AnalysisResult run(EvaluationProject project, IngestResult data) {
        KpiResults kpis = new KpiResults(project, data.indicatorData());
        return new AnalysisResult(Delivery.of(project, data.projects()), new SurveyResults(project).rows(data.surveyCounts()),
                kpis.rows(), kpis.charts(), project.evaluation().settings().suppressOrganisations()
                        ? SuppressionRule.fromYaml(project.evaluation().settings().suppression()) : SuppressionRule.NONE);
    }
}
