package org.evident.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evident.ingest.IngestResult;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.evident.toc.TheoryOfChange;

/** The analysis of one project's ingested data: delivery measures, survey statistics, KPIs and evidence grades. */
public final class Analysis {
    private Analysis() {
    }

    /** Pathways under the latest period's grades. */
    private static List<PathwayRow> pathways(EvaluationProject project, List<Assessment> evidence) {
        Map<String, Grade> latest = new LinkedHashMap<>();
        evidence.forEach(a -> latest.put(a.node(), a.grade()));
        TheoryOfChange toc = project.theoryOfChange();
        return Pathways.of(toc, latest).stream().map(p -> new PathwayRow(toc.node(p.node()).orElseThrow().label(),
                toc.node(p.node()).orElseThrow().stage(), p, Pathways.describe(p, toc))).toList();
    }

    public static AnalysisResult run(EvaluationProject project, IngestResult data) {
        KpiResults kpis = new KpiResults(project, data.indicatorData());
        List<SurveyRow> survey = new SurveyResults(project).rows(data.surveyCounts());
        List<Assessment> evidence = new EvidenceGrading(project).grade(data.findings(), kpis.rows(), survey,
                findings -> findings.stream().anyMatch(f -> f.test().isPresent())
                        ? Optional.of(ContributionTracing.trace(project.evaluation().settings().prior(), findings))
                        : Optional.empty());
        return new AnalysisResult(project, Delivery.of(project, data.projects()), survey, kpis.rows(), kpis.charts(),
                project.evaluation().settings().suppressOrganisations()
                        ? SuppressionRule.fromYaml(project.evaluation().settings().suppression()) : SuppressionRule.NONE,
                evidence, EvidenceChanges.betweenPeriods(evidence), pathways(project, evidence));
    }
}
