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

    /** The summary's sentences in reading order: grades, survey, KPIs, delivery, data quality, changes. */
    public static List<String> sentences(ReportInput input) {
        AnalysisResult analysis = input.analysis();
        List<String> out = new ArrayList<>();
        grades(analysis, out);
        survey(input, out);
        kpis(analysis, out);
        delivery(analysis.delivery(), out);
        dataQuality(input, out);
        changes(analysis, out);
        return List.copyOf(out);
    }

    private static void grades(AnalysisResult analysis, List<String> out) {
        List<Assessment> latest = analysis.latestEvidence();
        if (latest.isEmpty()) {
            out.add("No outcome has been graded.");
            return;
        }
        out.add("Grades are those at the latest assessment period, " + latest.get(latest.size() - 1).period() + ".");
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
    private static java.util.Optional<Grade> shown(AnalysisResult analysis, Assessment a) {
        return analysis.judgement(a.node(), a.period()).map(j -> j.judgement().grade()).or(a::grade);
    }

    private static void survey(ReportInput input, List<String> out) {
        Map<String, Indicator> indicators = indicators(input);
        String level = percent(input.project().evaluation().settings().confidenceLevel(), false);
        for (SurveyRow row : input.analysis().surveyItems()) {
            if (!row.positive() || row.threshold().isEmpty() || !row.group().isEmpty()) {
                continue;
            }
            String label = row.indicator().map(indicators::get).map(Indicator::label).orElse(row.item() + ": " + row.option());
            String target = percent(row.threshold().getAsDouble(), false) + " target";
            if (row.share().isEmpty() || row.interval().isEmpty() || row.count().isEmpty() || row.base().isEmpty()) {
                out.add(label + ": the counts are suppressed as small numbers, so the share is not shown against the "
                        + target + ".");
                continue;
            }
            String verdict = row.verdict().map(v -> switch (v) {
                case MET -> "meets the " + target;
                case NOT_MET -> "falls short of the " + target;
                case INCONCLUSIVE -> "too few answers to say whether it meets the " + target;
            }).orElse("no verdict against the " + target);
            out.add(label + ": " + percent(row.share().getAsDouble(), true) + " (" + level + " CI "
                    + percent(row.interval().get().low(), true) + " to " + percent(row.interval().get().high(), true) + ", "
                    + count(row.count().getAsLong()) + " of " + count(row.base().getAsLong()) + "), " + verdict + ".");
        }
    }

    private static void kpis(AnalysisResult analysis, List<String> out) {
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
        List<String> signals = latest.values().stream().filter(r -> !r.signal().isEmpty())
                .map(r -> r.label() + " (" + r.period() + "): " + r.signal()).toList();
        if (signals.isEmpty()) {
            out.add("No run chart shows a special cause at its latest point.");
        } else {
            out.add("Run charts show a special cause at the latest point for " + signals.size() + " series: "
                    + String.join("; ", signals) + ".");
        }
    }

    private static void delivery(Delivery delivery, List<String> out) {
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

    private static void dataQuality(ReportInput input, List<String> out) {
        long read = input.reconciliations().stream().mapToLong(Reconciliation::read).sum();
        long rejected = input.reconciliations().stream().mapToLong(Reconciliation::rejected).sum();
        if (rejected == 0) {
            out.add("All " + count(read) + " rows were accepted.");
        } else {
            out.add(count(rejected) + " of " + count(read) + (rejected == 1 ? " row was" : " rows were")
                    + " rejected (see the appendix).");
        }
        if (!input.gaps().isEmpty()) {
            out.add(input.gaps().size() + (input.gaps().size() == 1 ? " indicator period has" : " indicator periods have")
                    + " no data (see the appendix).");
        }
    }

    private static void changes(AnalysisResult analysis, List<String> out) {
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
            out.add("No outcome changed grade at " + to + ".");
        }
        for (Map.Entry<String, List<EvidenceChange>> e : byFrom.entrySet()) {
            for (String direction : List.of("up", "down")) {
                List<EvidenceChange> these = e.getValue().stream().filter(c -> c.change().equals("grade " + direction)).toList();
                if (these.isEmpty()) {
                    continue;
                }
                // Changes compare the rule's grades: the team's judgements need not cover every period.
                out.add(these.size() + (these.size() == 1 ? " outcome" : " outcomes") + " moved " + direction + " a grade since "
                        + e.getKey() + (analysis.judgements().isEmpty() ? "" : " by the rule") + ": " + these.stream().map(c -> lowerFirst(c.label()) + " (" + c.before().toLowerCase(Locale.ROOT)
                                + " to " + c.after().toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining("; ")) + ".");
            }
        }
    }

    private static Map<String, Indicator> indicators(ReportInput input) {
        Map<String, Indicator> byId = new LinkedHashMap<>();
        input.project().theoryOfChange().indicators().forEach(i -> byId.put(i.id(), i));
        return byId;
    }

    /** A share as a percentage, one decimal; {@code exact} false drops a ".0" (for targets and levels). */
    static String percent(double share, boolean exact) {
        String text = String.format(Locale.UK, "%.1f%%", share * 100);
        return exact ? text : text.replace(".0%", "%");
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

    private static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
