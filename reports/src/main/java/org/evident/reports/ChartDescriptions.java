package org.evident.reports;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.evident.analysis.Assessment;
import org.evident.analysis.Delivery;
import org.evident.analysis.RunChart;
import org.evident.toc.Grade;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/**
 * The text alternative of each chart and diagram (the PDF's and the Word file's alt text), made
 * from the same data the chart draws, so that a reader who cannot see the picture gets what it
 * shows: the values, the limits, the target and any special cause, not only the title.
 */
final class ChartDescriptions {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private ChartDescriptions() {
    }

    /**
     * "Run chart (p chart) of ...: 83% in 2023-24 Q1 to 86% in 2024-25 Q3, ...; centre ...;
     * process limits ...; target ...; no special cause".
     */
    static String runChart(String title, RunChart run, boolean shares, OptionalDouble target) {
        List<String> periods = run.periods();
        List<Double> values = run.values();
        int last = values.size() - 1;
        StringBuilder text = new StringBuilder("Run chart (").append(run.type().label()).append(" chart) of ").append(title)
                .append(", ").append(values.size()).append(" periods: ");
        if (last < 0) {
            return text.append("no points.").toString();
        }
        text.append(value(values.get(0), shares)).append(" in ").append(periods.get(0));
        if (last > 0) {
            String direction = values.get(last) > values.get(0) ? "rose" : values.get(last) < values.get(0) ? "fell" : "was";
            text.append(", then ").append(direction).append(direction.equals("was") ? " again " : " to ")
                    .append(value(values.get(last), shares)).append(" in ").append(periods.get(last));
        }
        text.append(" (each period: ");
        for (int i = 0; i <= last; i++) {
            text.append(i == 0 ? "" : ", ").append(periods.get(i)).append(' ').append(value(values.get(i), shares));
        }
        text.append("). Centre line ").append(value(run.centres().get(last), shares)).append("; process limits at the latest")
                .append(" period ").append(value(run.lowerLimits().get(last), shares)).append(" to ")
                .append(value(run.upperLimits().get(last), shares)).append('.');
        if (target.isPresent()) {
            text.append(" Target ").append(value(target.getAsDouble(), shares)).append(": ").append(run.assurance().label())
                    .append('.');
        }
        List<String> signals = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            if (!run.signals().get(i).isEmpty()) {
                signals.add(periods.get(i) + " (" + run.signal(i) + ")");
            }
        }
        text.append(signals.isEmpty() ? " No special cause: every point is common-cause variation."
                : " Special cause at " + String.join("; ", signals) + ".");
        return text.toString();
    }

    /** "Diverging bar chart ...: statement A, 89% agree and 5% disagree; ...". */
    static String likert(String title, String bases, List<Charts.LikertBar> items) {
        StringBuilder text = new StringBuilder("Diverging bar chart, ").append(title).append(" (").append(bases)
                .append("), statements from the most agreed with: ");
        for (int i = 0; i < items.size(); i++) {
            Charts.LikertBar item = items.get(i);
            int negatives = item.neutral() >= 0 ? item.neutral() : item.categories().size() - item.positives();
            double disagreeing = 0;
            for (int c = 0; c < negatives; c++) {
                disagreeing += item.shares()[c];
            }
            text.append(i == 0 ? "" : "; ").append(item.item()).append(", ").append(Charts.percent(item.agreeing()))
                    .append(" agree and ").append(Charts.percent(disagreeing)).append(" disagree");
        }
        return text.append('.').toString();
    }

    /** The months' completions: the span, the total, the busiest month and how many months had none. */
    static String completions(String title, List<Delivery.MonthRow> months) {
        Delivery.MonthRow busiest = months.get(0);
        long none = 0;
        for (Delivery.MonthRow m : months) {
            busiest = m.completed() > busiest.completed() ? m : busiest;
            none += m.completed() == 0 ? 1 : 0;
        }
        Delivery.MonthRow lastMonth = months.get(months.size() - 1);
        return "Bar chart, " + title + ", " + months.get(0).month().format(MONTH) + " to " + lastMonth.month().format(MONTH)
                + ", with the cumulative total as a line: " + lastMonth.cumulative() + " completed in all; the most in one month "
                + busiest.completed() + " (" + busiest.month().format(MONTH) + ")"
                + (none == 0 ? "; every month had a completion." : "; " + none + " of " + months.size() + " months had none.");
    }

    /** Each region's projects by stage, in the chart's order. */
    static String projectsByRegion(String title, List<Delivery.RegionRow> regions) {
        StringBuilder text = new StringBuilder("Stacked bar chart, ").append(title).append(": ");
        for (int i = 0; i < regions.size(); i++) {
            Delivery.RegionRow r = regions.get(i);
            text.append(i == 0 ? "" : "; ").append(r.region()).append(' ').append(r.completed()).append(" completed, ")
                    .append(r.active()).append(" active, ").append(r.pipeline()).append(" in the pipeline");
        }
        return text.append('.').toString();
    }

    /** How many outcomes have each grade at the latest period, and how many periods the grid spans. */
    static String heatmap(String title, List<Assessment> evidence) {
        List<String> periods = evidence.stream().map(Assessment::period).distinct().toList();
        String latest = periods.get(periods.size() - 1);
        long outcomes = evidence.stream().map(Assessment::node).distinct().count();
        return "Grid, " + title + ": " + outcomes + " outcomes and impacts by " + periods.size() + " periods (" + periods.get(0)
                + (periods.size() > 1 ? " to " + latest : "") + "), each cell coloured by its grade. At " + latest + ": "
                + gradeCounts(evidence.stream().filter(a -> a.period().equals(latest)).map(Assessment::grade).toList())
                + ". The table in \u201cEvidence by outcome\u201d gives every cell in words.";
    }

    /**
     * The diagram: its boxes by stage, its links, and the outcomes by their latest grade (the
     * colours it shows), for the picture of the whole theory of change.
     */
    static String diagram(TheoryOfChange toc, List<Assessment> latest) {
        Map<Stage, Integer> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            byStage.put(stage, 0);
        }
        for (Node node : toc.nodes()) {
            byStage.merge(node.stage(), 1, Integer::sum);
        }
        List<String> stages = new ArrayList<>();
        byStage.forEach((stage, n) -> {
            if (n > 0) {
                stages.add(n + " " + stage.heading().toLowerCase(Locale.UK));
            }
        });
        return "Theory-of-change diagram, read left to right: " + String.join(", ", stages) + ", joined by " + toc.links().size()
                + " links. Outcomes and impacts are coloured by their latest grade: "
                + (latest.isEmpty() ? "none graded yet" : gradeCounts(latest.stream().map(Assessment::grade).toList()))
                + ". Every outcome's grade is listed in \u201cEvidence by outcome\u201d.";
    }

    /** Part {@code index} (from 0) of a diagram too large for one page, cut into {@code parts} runs of whole columns. */
    static String diagramPart(int index, int parts) {
        String where = index == 0 ? "its left end, where the inputs are" : index == parts - 1 ? "its right end, where the impacts are"
                : "the next run of stage columns to the right";
        return "Part " + (index + 1) + " of " + parts + " of the theory-of-change diagram above, enlarged to read: " + where
                + ". The boxes, links and grade colours are those of the whole diagram.";
    }

    private static String gradeCounts(List<java.util.Optional<Grade>> grades) {
        List<String> counts = new ArrayList<>();
        for (Grade g : new Grade[] {Grade.STRONGEST, Grade.SOME, Grade.LIMITED}) {
            long n = grades.stream().filter(java.util.Optional.of(g)::equals).count();
            counts.add(n + " " + g.label());
        }
        long notYet = grades.stream().filter(java.util.Optional::isEmpty).count();
        if (notYet > 0) {
            counts.add(notYet + " not yet assessed");
        }
        return String.join(", ", counts);
    }

    /**
     * "Funnel plot of ...: 9 units, centre 84%; limits ...; above the 99.8% limits: London 88% of 2,005; below: none;
     * 7 within."
     */
    static String funnel(String title, org.evident.analysis.Funnel funnel) {
        boolean share = funnel.kind() == org.evident.analysis.Funnel.Kind.PROPORTION;
        StringBuilder text = new StringBuilder("Funnel plot of ").append(title).append(": ").append(funnel.rows().size())
                .append(" units, each value against its denominator; centre (all units pooled) ")
                .append(value(funnel.centre(), share)).append("; 95% and 99.8% limits: ").append(funnel.method()).append('.');
        for (org.evident.analysis.Funnel.Position side : List.of(org.evident.analysis.Funnel.Position.ABOVE,
                org.evident.analysis.Funnel.Position.BELOW)) {
            List<String> units = funnel.outside().stream().filter(r -> r.position().orElseThrow() == side)
                    .map(r -> r.unit() + " " + value(r.value().getAsDouble(), share) + " of "
                            + String.format(Locale.UK, "%,d", r.denominator().getAsLong())).toList();
            text.append(' ').append(side == org.evident.analysis.Funnel.Position.ABOVE ? "Above" : "Below")
                    .append(" the 99.8% limits: ").append(units.isEmpty() ? "none" : String.join(", ", units)).append('.');
        }
        long within = funnel.rows().stream().filter(r -> r.position().orElse(null) == org.evident.analysis.Funnel.Position.WITHIN)
                .count();
        long hidden = funnel.rows().stream().filter(r -> r.value().isEmpty()).count();
        text.append(' ').append(within).append(" within");
        if (hidden > 0) {
            text.append("; ").append(hidden).append(" suppressed and not drawn");
        }
        return text.append('.').toString();
    }

    /** A share as a whole percentage (as the chart's axis shows it), any other value to at most two places. */
    private static String value(double v, boolean share) {
        if (share) {
            return Charts.percent(v);
        }
        String text = String.format(Locale.UK, "%,.2f", v);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
