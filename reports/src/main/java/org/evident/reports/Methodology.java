package org.evident.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.EvidenceItem;
import org.evident.analysis.SurveyRow;
import org.evident.toc.EvaluationProject;
import org.evident.toc.EvidenceKind;
import org.evident.toc.Grade;
import org.evident.toc.Indicator;
import org.evident.toc.Method;
import org.evident.toc.Rubric;
import org.evident.toc.Source;
import org.evident.toc.Stage;

/**
 * The methodology and limitations section, as plain semantic XHTML, written from the project: the
 * methods with how many findings each gave and when, the survey's answers against its bases, the
 * grading rule in words, which figures count every case and which a sample, and the caveats the
 * data imply.
 */
final class Methodology {
    /** A question answered by fewer people than this gives an interval too wide to lean on. */
    static final long SMALL_BASE = org.evident.analysis.ComparedShares.SMALL_BASE;

    private final ReportInput input;
    private final EvaluationProject project;
    private final AnalysisResult analysis;
    private final StringBuilder out = new StringBuilder();

    private Methodology(ReportInput input) {
        this.input = input;
        this.project = input.project();
        this.analysis = input.analysis();
    }

    /** The section's body (below its heading), as XHTML. */
    static String html(ReportInput input) {
        Methodology m = new Methodology(input);
        m.methods();
        m.survey();
        m.censusOrSample();
        m.grading();
        m.limitations();
        return m.out.toString();
    }

    /** Every finding once (assessments repeat them period after period), by method and period. */
    private Map<String, Map<String, Integer>> findingsByMethod() {
        Map<String, EvidenceItem> findings = new LinkedHashMap<>();
        for (Assessment a : analysis.evidence()) {
            a.items().stream().filter(i -> i.kind() == EvidenceKind.FINDING).forEach(i -> findings.putIfAbsent(i.id(), i));
        }
        Map<String, Map<String, Integer>> byMethod = new LinkedHashMap<>();
        for (EvidenceItem item : findings.values()) {
            byMethod.computeIfAbsent(item.method(), k -> new TreeMap<>()).merge(item.period(), 1, Integer::sum);
        }
        return byMethod;
    }

    private void methods() {
        List<Method> methods = project.theoryOfChange().methods();
        if (methods.isEmpty()) {
            return;
        }
        Map<String, Map<String, Integer>> byMethod = findingsByMethod();
        out.append("<h3>Methods</h3>\n<p>The evaluation drew on these methods. Interviews, case studies and documents are"
                + " counted by the coded findings they gave (one finding is one piece of evidence about one outcome):</p>\n");
        out.append("<table class=\"data\"><thead><tr><th class=\"wide\">Method</th><th>Coded findings</th><th>When</th>"
                + "</tr></thead><tbody>\n");
        int total = 0;
        for (Method method : methods) {
            Map<String, Integer> periods = byMethod.getOrDefault(method.id(), Map.of());
            int n = periods.values().stream().mapToInt(Integer::intValue).sum();
            total += n;
            List<String> when = new ArrayList<>();
            periods.forEach((period, k) -> when.add(Summary.periodLabel(project, period) + ": " + k));
            out.append("<tr><td>").append(ReportHtml.esc(method.label())).append("</td><td class=\"num\">").append(n)
                    .append("</td><td>").append(ReportHtml.esc(n == 0 ? "figures only (see below)" : String.join("; ", when)))
                    .append("</td></tr>\n");
        }
        out.append("<tr class=\"total\"><td>Total</td><td class=\"num\">").append(total).append("</td><td></td></tr>\n");
        out.append("</tbody></table>\n");
    }

    /** Each survey wave: who answered, against its population where declared, and each question's base. */
    private void survey() {
        for (Source source : project.evaluation().sources(Source.Type.SURVEY)) {
            List<SurveyRow> rows = analysis.surveyItems().stream()
                    .filter(r -> r.wave().equals(source.id()) && r.group().isEmpty() && r.base().isPresent()).toList();
            long respondents = rows.stream().mapToLong(r -> r.base().getAsLong()).max().orElse(0);
            if (respondents == 0) {
                continue;
            }
            String when = source.period().map(p -> ": " + Summary.periodLabel(project, p)).orElse("");
            out.append("<h3>The survey").append(ReportHtml.esc(when)).append("</h3>\n<p>");
            OptionalLong population = source.population();
            if (population.isPresent()) {
                out.append(respondents).append(" of ").append(population.getAsLong()).append(" responded (")
                        .append(ReportHtml.esc(Summary.percent((double) respondents / population.getAsLong(), false)))
                        .append(" response rate).");
            } else {
                out.append(respondents).append(" responded. The number asked is not recorded, so no response rate can be"
                        + " given.");
            }
            // Questions asked of only some respondents (routed), by how many answered them.
            Map<Long, Set<String>> itemsByBase = new TreeMap<>();
            rows.forEach(r -> itemsByBase.computeIfAbsent(r.base().getAsLong(), k -> new LinkedHashSet<>()).add(r.item()));
            for (Map.Entry<Long, Set<String>> e : itemsByBase.entrySet()) {
                if (e.getKey() < respondents) {
                    out.append(' ').append(e.getKey()).append(" of ").append(respondents).append(" respondents answered ")
                            .append(e.getValue().size()).append(e.getValue().size() == 1 ? " question" : " questions")
                            .append("; the others were not asked them or left them blank.");
                }
            }
            out.append("</p>\n");
        }
    }

    private void censusOrSample() {
        List<String> census = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        for (Indicator i : project.theoryOfChange().indicators()) {
            (i.basis() == Indicator.Basis.CENSUS ? census : sample).add(i.label() + ProvenanceLabels.mark(project, i));
        }
        if (census.isEmpty() && sample.isEmpty()) {
            return;
        }
        out.append("<h3>Which figures count every case and which a sample</h3>\n<p>A census counts every case (every"
                + " completed project, every discharge): it is what happened, judged by its value. A sample counts those who"
                + " answered, who stand for more than themselves: it is judged by its interval, and a few answers can leave"
                + " it inconclusive.</p>\n<ul>\n");
        if (!census.isEmpty()) {
            out.append("<li>Census (").append(census.size()).append("):").append(list(census)).append("</li>\n");
        }
        if (!sample.isEmpty()) {
            out.append("<li>Sample (").append(sample.size()).append("):").append(list(sample)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static String list(List<String> items) {
        return items.stream().map(i -> "<li>" + ReportHtml.esc(i) + "</li>").collect(java.util.stream.Collectors.joining("", "<ul>", "</ul>"));
    }

    private void grading() {
        Rubric rubric = project.evaluation().rubric();
        out.append("<h3>How the evidence is graded</h3>\n<p>Each outcome is graded at each period by a written rule over the"
                + " evidence gathered by then: coded findings and the indicators' verdicts. The rule's steps are tried in"
                + " order and the first that holds gives the grade (Appendix B has them in full):</p>\n<ul>\n");
        for (Rubric.Rule rule : rubric.rules()) {
            out.append("<li>").append(ReportHtml.esc(rule.grade().label() + ": " + rule.text())).append("</li>\n");
        }
        out.append("</ul>\n");
        if (!analysis.judgements().isEmpty()) {
            out.append("<p>Where the evaluation team recorded its own grade, the report leads with the team's grade and the"
                    + " rule is a check on it.</p>\n");
        }
    }

    private void limitations() {
        List<String> caveats = new ArrayList<>();
        if (!project.evaluation().sources(Source.Type.SURVEY).isEmpty()) {
            caveats.add("The survey's respondents chose to answer: they are self-selected, and cannot be taken as"
                    + " representative of everyone asked. Its figures describe those who answered.");
            long small = analysis.surveyItems().stream().filter(r -> r.positive() && r.group().isEmpty() && r.base().isPresent()
                    && r.base().getAsLong() < SMALL_BASE).count();
            if (small > 0) {
                caveats.add(small + (small == 1 ? " survey question rests" : " survey questions rest") + " on fewer than "
                        + SMALL_BASE + " answers: their intervals are wide, and a difference of one or two answers moves a"
                        + " share by several points.");
            }
        }
        caveats.add("Contribution, not attribution: the programme is one of several influences on the outcomes. Other"
                + " support, national policy and local changes contribute too, and the evidence shows whether the programme"
                + " plausibly contributed, not how much of a change it caused.");
        boolean impactsGraded = analysis.evidence().stream().anyMatch(a -> a.stage() == Stage.IMPACT);
        long impacts = project.theoryOfChange().nodes(Stage.IMPACT).size();
        if (impacts > 0 && !impactsGraded) {
            caveats.add("It is too early to measure the " + impacts + " impacts: they are expected over years, beyond the"
                    + " period of this evaluation, and are not graded.");
        }
        long limited = analysis.latestEvidence().stream().filter(a -> Summary.shown(analysis, a).equals(java.util.Optional.of(Grade.LIMITED))).count();
        if (limited > 0) {
            caveats.add("Limited or no evidence is not evidence of no effect: for " + limited
                    + (limited == 1 ? " outcome" : " outcomes") + " the data are too few to say.");
        }
        for (Source source : project.sourcesWithProvenance()) {
            caveats.add(ProvenanceLabels.text(project, source.provenance().orElseThrow()) + " This applies to the "
                    + sourceKind(source) + ", wherever its figures appear.");
        }
        out.append("<h3>Limitations</h3>\n<ul>\n");
        caveats.forEach(c -> out.append("<li>").append(ReportHtml.esc(c)).append("</li>\n"));
        out.append("</ul>\n");
    }

    /** The kind of source in words, since its id is a file-level name. */
    private static String sourceKind(Source source) {
        return switch (source.type()) {
            case TRACKER -> "delivery tracker";
            case SURVEY -> "survey";
            case KPI -> "KPI returns";
            case FINDINGS -> "coded findings";
            case RECORDS -> "record-level data (" + source.file().getFileName() + ")";
            case JUDGEMENTS -> "evaluation team's judgements";
            case LESSONS -> "lessons and recommendations";
            case NEIGHBOURS -> "comparable areas (statistical neighbours)";
        };
    }
}
