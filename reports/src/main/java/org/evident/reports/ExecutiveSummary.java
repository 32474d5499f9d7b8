package org.evident.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.Delivery;
import org.evident.analysis.KpiRow;
import org.evident.analysis.PublishedTable;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.toc.AssumptionKey;
import org.evident.toc.EvaluationQuestion;
import org.evident.toc.Grade;
import org.evident.toc.Indicator;
import org.evident.toc.Link;
import org.evident.toc.Node;
import org.evident.toc.Provenance;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/**
 * The executive summary as plain semantic XHTML: conclusions first (an answer per evaluation
 * question), then the KPIs to date against their expectations, where the evidence is strong and
 * weak, the biggest risks to the theory of change, and delivery in brief. Every statement is read
 * from the analysis (never recomputed) and names nodes by their labels, never their ids.
 */
final class ExecutiveSummary {
    /** The risks listed: the keys that sit on most links into weakly evidenced outcomes. */
    static final int RISKS_SHOWN = 3;

    private final ReportInput input;
    private final AnalysisResult analysis;
    private final TheoryOfChange toc;
    private final StringBuilder out = new StringBuilder();
    /** The report's own figure numbers, by picture name, to cite. */
    private final Map<String, Integer> figures;

    private ExecutiveSummary(ReportInput input, Map<String, Integer> figures) {
        this.input = input;
        this.figures = figures;
        this.analysis = input.analysis();
        this.toc = input.project().theoryOfChange();
    }

    /**
     * The summary's body (below the section heading), as XHTML, citing the report's figures by the
     * numbers in {@code figures} (picture name to number; those missing are not cited).
     */
    static String html(ReportInput input, Map<String, Integer> figures) {
        ExecutiveSummary summary = new ExecutiveSummary(input, figures);
        summary.write();
        return summary.out.toString();
    }

    private void write() {
        List<Assessment> latest = analysis.latestEvidence();
        if (!latest.isEmpty()) {
            paragraph("This summary gives the evidence as it stood at " + Summary.periodLabel(input.project(),
                    latest.get(latest.size() - 1).period()) + ", the latest assessment. Methodology and limitations, near"
                    + " the end, say how far each kind of figure can be relied on.");
        }
        questions();
        strongAndWeak();
        kpis();
        risks();
        deliveryAndSurvey();
        List<String> changes = new ArrayList<>();
        Summary.changes(input, changes);
        if (!changes.isEmpty()) {
            out.append("<h3>Changes since the last assessment</h3>\n");
            changes.forEach(this::paragraph);
        }
    }

    /** One answer per evaluation question, from the grades of the outcomes it is about. */
    private void questions() {
        List<EvaluationQuestion> questions = toc.questions();
        if (questions.isEmpty()) {
            return;
        }
        out.append("<h3>Answers to the evaluation questions</h3>\n<ul class=\"answers\">\n");
        for (EvaluationQuestion q : questions) {
            out.append("<li><p class=\"question\">").append(ReportHtml.esc(q.text())).append("</p><p>")
                    .append(ReportHtml.esc(answer(q))).append("</p></li>\n");
        }
        out.append("</ul>\n");
    }

    /** The most outcomes an answer names under one grade; more are counted, and named in "Evidence by outcome". */
    static final int NAMED_PER_GRADE = 4;

    /**
     * The answer to one question, in one or two sentences: the outcomes and impacts it is about by
     * their grade, then the impacts it asks about that have no evidence yet.
     */
    String answer(EvaluationQuestion q) {
        Map<Grade, List<String>> byGrade = new EnumMap<>(Grade.class);
        List<String> impactsWithoutEvidence = new ArrayList<>();
        for (String id : q.nodes()) {
            Optional<Node> node = toc.node(id);
            if (node.isEmpty()) {
                continue;
            }
            Optional<Grade> grade = latest(id).flatMap(this::shown);
            if (grade.isPresent()) {
                byGrade.computeIfAbsent(grade.get(), k -> new ArrayList<>()).add(Summary.lowerFirst(node.get().label()));
            } else if (node.get().stage() == Stage.IMPACT) {
                impactsWithoutEvidence.add(Summary.lowerFirst(node.get().label()));
            }
        }
        StringBuilder answer = new StringBuilder();
        int graded = byGrade.values().stream().mapToInt(List::size).sum();
        int weak = byGrade.getOrDefault(Grade.LIMITED, List.of()).size();
        if (graded == 0) {
            answer.append("None of the outcomes this question is about has been graded yet.");
        } else {
            answer.append(weak == 0 ? "The evidence supports an answer: "
                    : weak == graded ? "There is little evidence to answer it yet: " : "The evidence is mixed: ");
            List<String> parts = new ArrayList<>();
            for (Grade g : List.of(Grade.STRONGEST, Grade.SOME, Grade.LIMITED)) {
                List<String> these = byGrade.getOrDefault(g, List.of());
                if (!these.isEmpty()) {
                    parts.add(switch (g) {
                        case STRONGEST -> "the strongest evidence for ";
                        case SOME -> "some evidence for ";
                        case LIMITED -> "limited or no evidence for ";
                    } + (these.size() <= NAMED_PER_GRADE ? Summary.joinAnd(these)
                            : these.size() + " of the outcomes it is about (each named in \u201cEvidence by outcome\u201d)"));
                }
            }
            answer.append(String.join("; ", parts)).append('.');
        }
        if (!impactsWithoutEvidence.isEmpty()) {
            answer.append(" It is too early to measure the ").append(impactsWithoutEvidence.size() == 1 ? "impact" : "impacts")
                    .append(" it asks about (").append(Summary.joinAnd(impactsWithoutEvidence))
                    .append("): there is no evidence on ").append(impactsWithoutEvidence.size() == 1 ? "it" : "them").append(" yet.");
        }
        return answer.toString();
    }

    private void strongAndWeak() {
        List<Assessment> latest = analysis.latestEvidence();
        if (latest.isEmpty()) {
            return;
        }
        out.append("<h3>Where the evidence is strong and where it is weak</h3>\n");
        List<String> sentences = new ArrayList<>();
        Summary.grades(analysis, sentences);
        sentences.forEach(this::paragraph);
        List<String> weak = latest.stream().filter(a -> shown(a).equals(Optional.of(Grade.LIMITED))).map(a -> Summary.lowerFirst(a.label())).toList();
        if (!weak.isEmpty()) {
            paragraph("The evidence is weakest (limited or none) for " + Summary.joinAnd(weak) + ".");
        }
        cite("Figure ", ReportHtml.TOC_FIGURE, " colours the theory of change by these grades.");
    }

    /** Each KPI with a published expectation, programme to date, against it. */
    private void kpis() {
        PublishedTable kpis = input.table("kpis");
        int kpi = kpis.columnIndex("kpi");
        int unit = kpis.columnIndex("unit");
        int period = kpis.columnIndex("period");
        int value = kpis.columnIndex("value");
        int target = kpis.columnIndex("target");
        int verdict = kpis.columnIndex("verdict");
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        toc.indicators().forEach(i -> indicators.put(i.id(), i));
        List<List<PublishedTable.Cell>> rows = kpis.rows().stream()
                .filter(r -> r.get(unit).csv().isEmpty() && r.get(period).csv().equals(KpiRow.TO_DATE)
                        && r.get(target) instanceof PublishedTable.Number)
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        out.append("<h3>The KPIs, programme to date, against their expectations</h3>\n");
        Set<Provenance> labels = new LinkedHashSet<>();
        rows.forEach(r -> Optional.ofNullable(indicators.get(r.get(kpi).csv()))
                .flatMap(i -> input.project().provenance(i)).ifPresent(labels::add));
        labels.forEach(p -> out.append(ProvenanceLabels.banner(input.project(), p)));
        out.append("<table class=\"data small\" style=\"margin-bottom: 2.5mm\"><thead><tr><th class=\"wide\">KPI</th><th>To date</th><th>Expectation</th>"
                + "<th>Verdict</th></tr></thead><tbody>\n");
        for (List<PublishedTable.Cell> row : rows) {
            Indicator indicator = indicators.get(row.get(kpi).csv());
            String label = indicator == null ? row.get(kpi).csv() : indicator.label();
            String mark = indicator == null ? "" : ProvenanceLabels.mark(input.project(), indicator);
            out.append("<tr><td>").append(ReportHtml.esc(label + mark)).append("</td><td class=\"num\">")
                    .append(ReportHtml.esc(Summary.cell(row.get(value)))).append("</td><td class=\"num\">")
                    .append(ReportHtml.esc(Summary.cell(row.get(target)))).append("</td><td>")
                    .append(ReportHtml.esc(row.get(verdict).csv())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        List<String> totals = new ArrayList<>();
        Summary.kpis(analysis, totals);
        totals.forEach(this::paragraph);
        List<Integer> runCharts = figures.entrySet().stream().filter(e -> e.getKey().startsWith(EvidenceWorkbook.RUN_CHART_PREFIX))
                .map(Map.Entry::getValue).sorted().toList();
        if (!runCharts.isEmpty()) {
            paragraph((runCharts.size() == 1 ? "Figure " + runCharts.get(0) + " charts"
                    : "Figures " + runCharts.get(0) + " to " + runCharts.get(runCharts.size() - 1) + " chart")
                    + " the KPIs quarter by quarter.");
        }
    }

    /**
     * The assumption keys on the links into the outcomes with limited or no evidence, those on most
     * such links first: where the theory of change is least supported, the assumptions it leans on
     * are the likeliest to fail.
     */
    private void risks() {
        Set<String> weak = analysis.latestEvidence().stream().filter(a -> shown(a).equals(Optional.of(Grade.LIMITED))).map(Assessment::node)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Set<String>> outcomesByKey = new LinkedHashMap<>();
        for (Link link : toc.links()) {
            if (weak.contains(link.to())) {
                for (String key : link.keys()) {
                    outcomesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(link.to());
                }
            }
        }
        if (outcomesByKey.isEmpty()) {
            return;
        }
        out.append("<h3>The biggest risks to the theory of change</h3>\n<p>The assumptions on the links into the outcomes"
                + " with the weakest evidence, those under most of them first:</p>\n<ul>\n");
        outcomesByKey.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(RISKS_SHOWN)
                .forEach(e -> {
                    Optional<AssumptionKey> key = toc.assumptionKey(e.getKey());
                    List<String> said = key.map(k -> k.risks().isEmpty() ? k.assumptions() : k.risks()).orElse(List.of());
                    String what = said.isEmpty() ? "Assumption " + e.getKey() : String.join("; ", said);
                    String outcomes = Summary.joinAnd(e.getValue().stream()
                            .map(id -> Summary.lowerFirst(toc.node(id).map(Node::label).orElse(id))).toList());
                    out.append("<li>").append(ReportHtml.esc(what + ". This bears on " + outcomes + ".")).append("</li>\n");
                });
        out.append("</ul>\n");
    }

    private void deliveryAndSurvey() {
        List<String> sentences = new ArrayList<>();
        Summary.delivery(analysis.delivery(), sentences);
        Delivery d = analysis.delivery();
        long directed = d.referralRoutes().stream().filter(r -> r.direction().equals("directed")).mapToLong(Delivery.RouteRow::projects).sum();
        long routed = d.referralRoutes().stream().mapToLong(Delivery.RouteRow::projects).sum();
        if (routed > 0) {
            sentences.add(Summary.count(directed) + " of the " + Summary.count(routed) + " completed local projects were directed"
                    + " to the system; the rest the system asked for itself.");
        }
        long closed = d.closedOffers().stream().filter(c -> !c.category().equals(Delivery.TOTAL)).mapToLong(Delivery.Count::projects).sum();
        if (closed > 0) {
            sentences.add(Summary.count(closed) + " potential offers were closed down before support began, most often for "
                    + Summary.lowerFirst(d.closedOffers().stream().filter(c -> !c.category().equals(Delivery.TOTAL))
                            .max(Comparator.comparingLong(Delivery.Count::projects)).orElseThrow().category()) + ".");
        }
        List<SurveyRow> judged = analysis.surveyItems().stream()
                .filter(r -> r.positive() && r.group().isEmpty() && r.verdict().isPresent()).toList();
        if (!judged.isEmpty()) {
            long met = judged.stream().filter(r -> r.verdict().get() == Verdict.MET).count();
            long notMet = judged.stream().filter(r -> r.verdict().get() == Verdict.NOT_MET).count();
            sentences.add("Of the " + judged.size() + " survey questions with a threshold, " + met + " met it, " + notMet
                    + " fell short and " + (judged.size() - met - notMet) + " had too few answers to say either way.");
        }
        if (sentences.isEmpty()) {
            return;
        }
        out.append("<h3>Delivery and the survey in brief</h3>\n");
        sentences.forEach(this::paragraph);
        cite("Figure ", "completions-by-month", " shows local projects completed month by month.");
    }

    /** A sentence citing the figure {@code name}, when the report has it. */
    private void cite(String before, String name, String after) {
        Integer number = figures.get(name);
        if (number != null) {
            paragraph(before + number + after);
        }
    }

    private Optional<Assessment> latest(String node) {
        return analysis.latestEvidence().stream().filter(a -> a.node().equals(node)).findFirst();
    }

    /** The grade the report leads with, or empty when the outcome is not yet assessed. */
    private Optional<Grade> shown(Assessment a) {
        return Summary.shown(analysis, a);
    }

    private void paragraph(String text) {
        out.append("<p class=\"summary\">").append(ReportHtml.esc(text)).append("</p>\n");
    }
}
