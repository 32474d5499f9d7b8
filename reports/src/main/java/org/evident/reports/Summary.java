package org.evident.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.analysis.Delivery;
import org.evident.analysis.EvidenceChange;
import org.evident.toc.Grade;
import org.evident.analysis.KpiRow;
import org.evident.analysis.KpiVerdicts;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.evident.ingest.Reconciliation;
import org.evident.toc.Indicator;
import org.evident.toc.Stage;

/**
 * The executive summary: plain sentences built from the analysis's own numbers (never
 * recomputed), so that what the summary says is what the tables say.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * The summary's counted sentences in reading order: grades, KPIs, delivery, changes. The
     * executive summary ({@link ExecutiveSummary}) sets them among its conclusions; row rejections
     * and the survey's items one by one are left to the appendix and the survey section.
     */
    public static List<String> sentences(ReportInput input) {
        AnalysisResult analysis = input.analysis();
        List<String> out = new ArrayList<>();
        grades(analysis, out);
        kpis(analysis, out);
        delivery(analysis.delivery(), out);
        changes(input, out);
        return List.copyOf(out);
    }

    /** A period's label ("Phase 3 (November 2024 to January 2025)"), its id where the project has none. */
    static String periodLabel(org.evident.toc.EvaluationProject project, String period) {
        return project.evaluation().period(period).map(org.evident.toc.Period::label).orElse(period);
    }

    static void grades(AnalysisResult analysis, List<String> out) {
        List<Assessment> latest = analysis.latestEvidence();
        if (latest.isEmpty()) {
            out.add("No outcome has been graded.");
            return;
        }
        // Where the evaluation team judged an outcome, its grade leads and the rule is the check.
        long judged = latest.stream().filter(a -> analysis.judgement(a.node(), a.period()).isPresent()).count();
        if (judged > 0) {
            var agreement = analysis.judgementAgreement();
            out.add("Where the evaluation team recorded its own grade (" + judged + " of the " + latest.size()
                    + " outcomes and impacts), that grade is the one counted here; over every judgement, the rule gives the same grade for "
                    + agreement.agreed() + " of " + agreement.n() + " (" + agreement.percent() + ", linearly weighted kappa "
                    + agreement.kappaText() + ").");
        }
        for (Stage stage : List.of(Stage.SHORT_TERM_OUTCOME, Stage.MEDIUM_TERM_OUTCOME, Stage.IMPACT)) {
            List<Assessment> these = latest.stream().filter(a -> a.stage() == stage).toList();
            if (these.isEmpty()) {
                continue;
            }
            String kind = stage.heading().toLowerCase(Locale.ROOT);
            Map<Grade, List<Assessment>> byGrade = new EnumMap<>(Grade.class);
            for (Grade g : Grade.values()) {
                byGrade.put(g, these.stream().filter(a -> shown(analysis, a).equals(java.util.Optional.of(g))).toList());
            }
            List<Assessment> strongest = byGrade.get(Grade.STRONGEST);
            int n = these.size();
            String singular = kind.substring(0, kind.length() - 1);
            if (strongest.isEmpty()) {
                out.add("None of the " + n + " " + kind + " has the strongest evidence.");
            } else {
                out.add(strongest.size() + " of " + n + " " + (n == 1 ? singular : kind) + " "
                        + (strongest.size() == 1 ? "has" : "have") + " the strongest evidence: "
                        + strongest.stream().map(a -> lowerFirst(a.label())).collect(Collectors.joining("; ")) + ".");
            }
            List<String> rest = new ArrayList<>();
            for (Grade g : List.of(Grade.SOME, Grade.LIMITED)) {
                int k = byGrade.get(g).size();
                if (k > 0) {
                    rest.add(k + " " + (k == 1 ? "has " : "have ") + g.label().toLowerCase(Locale.ROOT));
                }
            }
            long notYet = these.stream().filter(a -> shown(analysis, a).isEmpty()).count();
            if (notYet > 0) {
                rest.add(notYet + " " + (notYet == 1 ? "has" : "have") + " no evidence yet (not yet assessed)");
            }
            if (!rest.isEmpty()) {
                out.add((strongest.isEmpty() ? "Of the " + n + ", " : "Of the others, ") + joinAnd(rest) + ".");
            }
        }
    }

    /** The grade the report leads with: the team's judgement where it gave one, else the rule's. */
    static java.util.Optional<Grade> shown(AnalysisResult analysis, Assessment a) {
        return analysis.judgement(a.node(), a.period()).map(j -> j.judgement().grade()).or(a::grade);
    }

    static void kpis(AnalysisResult analysis, List<String> out) {
        // Each programme-level series' latest row: KPIs are returned on different timetables,
        // so "the latest period" is each KPI's own latest return, named in the sentence.
        Map<String, KpiRow> latest = new LinkedHashMap<>();
        for (KpiRow row : analysis.kpis()) {
            if (row.unit().isEmpty() && !row.inProgress()) {
                latest.put(row.indicator(), row);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        // The same totals as the workbook's Summary sheet, counted once (KpiVerdicts).
        KpiVerdicts totals = analysis.kpiVerdicts();
        if (totals.indicators() > 0) {
            List<String> parts = new ArrayList<>();
            parts.add(totals.count(Verdict.MET) + " met the target");
            parts.add(totals.count(Verdict.NOT_MET) + " did not");
            long k = totals.count(Verdict.INCONCLUSIVE);
            parts.add(k + (k == 1 ? " was" : " were") + " inconclusive (too few answers to say)");
            out.add("Of " + totals.indicators() + " " + KpiVerdicts.WHAT + " (every quarter ended by the reporting date"
                    + " pooled), " + joinAnd(parts) + ".");
        }
    }

    static void delivery(Delivery delivery, List<String> out) {
        Optional<Delivery.RegionRow> total = delivery.byRegion().stream().filter(r -> r.region().equals(Delivery.TOTAL)).findFirst();
        long regions = delivery.byRegion().stream().filter(r -> !r.region().equals(Delivery.TOTAL) && r.total() > 0).count();
        Optional<Delivery.Count> universal = delivery.universalByStage().stream().filter(c -> c.category().equals("completed"))
                .findFirst();
        if (total.isEmpty() || total.get().total() == 0 && universal.map(Delivery.Count::projects).orElse(0L) == 0) {
            return;
        }
        Delivery.RegionRow t = total.get();
        out.add(count(t.completed()) + " local projects completed, " + count(t.active()) + " active and " + count(t.pipeline())
                + " in the pipeline across " + regions + (regions == 1 ? " region" : " regions") + "; "
                + count(universal.map(Delivery.Count::projects).orElse(0L)) + " universal products completed.");
    }

    static void changes(ReportInput input, List<String> out) {
        AnalysisResult analysis = input.analysis();
        List<Assessment> latest = analysis.latestEvidence();
        if (latest.isEmpty()) {
            return;
        }
        String to = latest.get(latest.size() - 1).period();
        // Changes into the latest period, grouped by where they were measured from: the previous
        // period, and, when a snapshot was given, the previous assessment.
        Map<String, List<EvidenceChange>> byFrom = new LinkedHashMap<>();
        for (EvidenceChange c : analysis.evidenceChanges()) {
            if (c.to().equals(to) && (c.change().equals("grade up") || c.change().equals("grade down"))) {
                byFrom.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(c);
            }
        }
        if (byFrom.isEmpty()) {
            out.add("No outcome changed grade at " + periodLabel(input.project(), to) + ".");
        }
        for (Map.Entry<String, List<EvidenceChange>> e : byFrom.entrySet()) {
            for (String direction : List.of("up", "down")) {
                List<EvidenceChange> these = e.getValue().stream().filter(c -> c.change().equals("grade " + direction)).toList();
                if (these.isEmpty()) {
                    continue;
                }
                // Changes compare the rule's grades: the team's judgements need not cover every period.
                out.add(these.size() + (these.size() == 1 ? " outcome" : " outcomes") + " moved " + direction + " a grade since "
                        + periodLabel(input.project(), e.getKey()) + (analysis.judgements().isEmpty() ? "" : " by the rule") + ": " + these.stream().map(c -> lowerFirst(c.label()) + " (" + c.before().toLowerCase(Locale.ROOT)
                                + " to " + c.after().toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining("; ")) + ".");
            }
        }
    }

    /** A share as a percentage, one decimal; {@code exact} false drops a ".0" (for targets and levels). */
    static String percent(double share, boolean exact) {
        String text = String.format(Locale.UK, "%.1f%%", share * 100);
        return exact ? text : text.replace(".0%", "%");
    }

    /**
     * A published number or count as the report prints it: shares as percentages to one place,
     * whole numbers with thousands separators, others to two places; a hidden count as its mark.
     */
    static String cell(org.evident.analysis.PublishedTable.Cell cell) {
        if (cell instanceof org.evident.analysis.PublishedTable.Number n) {
            return switch (n.format()) {
                case SHARE -> percent(n.value(), true);
                case POINTS -> String.format(Locale.UK, "%+.1f points", n.value() * 100);
                case WHOLE, DECIMAL, DAYS -> n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                        ? count((long) n.value()) : String.format(Locale.UK, "%,.2f", n.value());
            };
        }
        if (cell instanceof org.evident.analysis.PublishedTable.Count n) {
            return count(n.value());
        }
        return cell.csv();
    }

    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    static String lowerFirst(String label) {
        if (label == null || label.isEmpty()) {
            return "";
        }
        // Keep acronyms (BCF, KPI) as written: lower only a capital followed by a lower-case letter.
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
