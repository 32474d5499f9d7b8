package org.evident.analysis;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.ingest.IngestResult;
import org.evident.ingest.Judgement;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Grade;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/** The analysis of one project's ingested data: delivery measures, survey statistics, KPIs and evidence grades. */
public final class Analysis {
    private Analysis() {
    }

    /**
     * Pathways under the latest period's grades. An impact is on every path to itself, so its own grade caps them; an
     * impact with no evidence yet has no strength at all, whatever the outcomes before it show.
     */
    private static List<PathwayRow> pathways(EvaluationProject project, List<Assessment> evidence) {
        Map<String, Grade> latest = new LinkedHashMap<>();
        Set<String> noEvidenceYet = new HashSet<>();
        evidence.forEach(a -> {
            a.grade().ifPresentOrElse(g -> latest.put(a.node(), g), () -> latest.remove(a.node()));
            if (a.stage() == Stage.IMPACT && !a.assessed()) {
                noEvidenceYet.add(a.node());
            } else {
                noEvidenceYet.remove(a.node());
            }
        });
        TheoryOfChange toc = project.theoryOfChange();
        return Pathways.of(toc, latest).stream().map(p -> {
            Node node = toc.node(p.node()).orElseThrow();
            if (noEvidenceYet.contains(p.node())) {
                Pathway ungraded = new Pathway(p.node(), p.paths(), Optional.empty(), p.bestPath(), p.missingMiddle(),
                        p.weakestLink(), p.assumptions());
                return new PathwayRow(node.label(), node.stage(), ungraded, Pathway.NO_EVIDENCE_YET
                        + " about the impact itself, so no path to it is graded; the outcomes before it: " + Pathways.describe(p, toc));
            }
            return new PathwayRow(node.label(), node.stage(), p, Pathways.describe(p, toc));
        }).toList();
    }

    public static AnalysisResult run(EvaluationProject project, IngestResult data) {
        KpiResults kpis = new KpiResults(project, data.indicatorData());
        List<SurveyRow> survey = new SurveyResults(project).rows(data.surveyCounts());
        EvidenceGrading grading = new EvidenceGrading(project);
        List<Assessment> evidence = grading.grade(data.findings(), kpis, survey,
                findings -> findings.stream().anyMatch(f -> f.test().isPresent())
                        ? Optional.of(ContributionTracing.trace(project.evaluation().settings().prior(), findings))
                        : Optional.empty());
        return new AnalysisResult(project, Delivery.of(project, data.projects()), survey, kpis.rows(), kpis.charts(),
                project.evaluation().settings().suppressOrganisations()
                        ? SuppressionRule.fromYaml(project.evaluation().settings().suppression()) : SuppressionRule.NONE,
                evidence, EvidenceChanges.betweenPeriods(evidence), pathways(project, evidence),
                judgements(evidence, data.judgements()), grading.assumptions(data.findings()), Insights.of(project, data),
                NeighbourComparison.of(project, data.kpiReturns(), data.neighbours(),
                        SuppressionRule.fromYaml(project.evaluation().settings().suppression())));
    }

    /** Each judgement beside the rule's assessment of its outcome and period, in the order of the assessments. */
    static List<JudgementRow> judgements(List<Assessment> evidence, List<Judgement> judgements) {
        Map<String, Judgement> byKey = new LinkedHashMap<>();
        judgements.forEach(j -> byKey.putIfAbsent(j.node() + "|" + j.period(), j));
        List<JudgementRow> rows = new java.util.ArrayList<>();
        for (Assessment a : evidence) {
            Judgement j = byKey.remove(a.node() + "|" + a.period());
            if (j != null) {
                rows.add(new JudgementRow(j, a));
            }
        }
        if (!byKey.isEmpty()) {
            // Ingest accepts only graded outcomes at assessment periods, so every judgement has its assessment.
            throw new IllegalStateException("judgements with no assessment beside them: " + byKey.keySet());
        }
        return rows;
    }
}
