package org.evident.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.evident.ingest.TrackerMeasures;
import org.evident.ingest.TrackerProject;
import org.evident.ingest.TrackerProject.Offer;
import org.evident.ingest.TrackerProject.Stage;
import org.evident.toc.EvaluationProject;
import org.evident.toc.Period;

/**
 * Delivery measures from the tracker: the evaluation's Tables 2 and 3, Figure 1 and the counts
 * its section 2 quotes. Every count is of projects (organisations), not people.
 */
public record Delivery(List<RegionRow> byRegion, List<Count> universalByStage, List<MonthRow> completionsByMonth,
                       List<RouteRow> referralRoutes, List<Count> supportTypes, List<Count> closedOffers,
                       List<QuarterReach> regionsReached) {

    /** Local projects in one region by stage; closed-down offers are not projects and are left out. */
    public record RegionRow(String region, long completed, long active, long pipeline, long total) {
    }

    /** A count of projects in one category. */
    public record Count(String category, long projects) {
    }

    /** Local projects completed in a month and by the month's end. */
    public record MonthRow(YearMonth month, long completed, long cumulative) {
    }

    /** Completed local projects by how they were referred. */
    public record RouteRow(String direction, String route, long projects) {
    }

    /** The regions reached by a quarter's end (or the reporting date, for the quarter in progress). */
    public record QuarterReach(String quarter, List<String> regions) {
        public QuarterReach {
            regions = List.copyOf(regions);
        }
    }

    /** The label used for a row of totals. */
    public static final String TOTAL = "Total";

    /**
     * Every count as a published table prints it: the number, or the suppression rule's mark.
     *
     * @param byRegion   per region row: completed, active, pipeline, total
     * @param cumulative each month's cumulative count, rounded or hidden on its own
     */
    public record Published(List<List<String>> byRegion, List<String> universalByStage, List<String> completed,
                            List<String> cumulative, List<String> referralRoutes, List<String> supportTypes,
                            List<String> closedOffers) {
        public Published {
            byRegion = byRegion.stream().map(List::copyOf).toList();
            universalByStage = List.copyOf(universalByStage);
            completed = List.copyOf(completed);
            cumulative = List.copyOf(cumulative);
            referralRoutes = List.copyOf(referralRoutes);
            supportTypes = List.copyOf(supportTypes);
            closedOffers = List.copyOf(closedOffers);
        }
    }

    /**
     * The counts as published under {@code rule}, for the CSV tables and the workbook alike. The
     * groups are what a reader could add up: each region's stages with its total, and each
     * one-column table with its Total row (or, without one, its sum). A cumulative count is
     * rounded or hidden on its own, so its differences give hidden counts only approximately
     * under the NHS rule's rounding.
     */
    public Published published(SuppressionRule rule) {
        List<List<String>> regions = new ArrayList<>();
        for (RegionRow r : byRegion) {
            Suppressed shown = rule.apply(List.of(r.completed(), r.active(), r.pipeline()), r.total());
            List<String> row = new ArrayList<>(shown.cells());
            row.add(shown.total());
            regions.add(row);
        }
        return new Published(regions,
                column(rule, universalByStage.stream().map(Count::category).toList(),
                        universalByStage.stream().map(Count::projects).toList()),
                column(rule, completionsByMonth.stream().map(m -> m.month().toString()).toList(),
                        completionsByMonth.stream().map(MonthRow::completed).toList()),
                completionsByMonth.stream().map(m -> rule.apply(List.of(), m.cumulative()).total()).toList(),
                column(rule, referralRoutes.stream().map(RouteRow::direction).toList(),
                        referralRoutes.stream().map(RouteRow::projects).toList()),
                column(rule, supportTypes.stream().map(Count::category).toList(),
                        supportTypes.stream().map(Count::projects).toList()),
                column(rule, closedOffers.stream().map(Count::category).toList(),
                        closedOffers.stream().map(Count::projects).toList()));
    }

    /** One column of counts as one group: its Total row is the group's total, else their sum. */
    private static List<String> column(SuppressionRule rule, List<String> labels, List<Long> counts) {
        int totalRow = labels.indexOf(TOTAL);
        List<Long> cells = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (i != totalRow) {
                cells.add(counts.get(i));
                sum += counts.get(i);
            }
        }
        Suppressed shown = rule.apply(cells, totalRow >= 0 ? counts.get(totalRow) : sum);
        List<String> out = new ArrayList<>();
        int cell = 0;
        for (int i = 0; i < counts.size(); i++) {
            out.add(i == totalRow ? shown.total() : shown.cells().get(cell++));
        }
        return out;
    }

    public Delivery {
        byRegion = List.copyOf(byRegion);
        universalByStage = List.copyOf(universalByStage);
        completionsByMonth = List.copyOf(completionsByMonth);
        referralRoutes = List.copyOf(referralRoutes);
        supportTypes = List.copyOf(supportTypes);
        closedOffers = List.copyOf(closedOffers);
        regionsReached = List.copyOf(regionsReached);
    }

    static Delivery of(EvaluationProject project, List<TrackerProject> projects) {
        List<TrackerProject> local = projects.stream().filter(p -> p.offer() == Offer.LOCAL).toList();
        List<TrackerProject> completed = local.stream().filter(p -> p.stage() == Stage.COMPLETED).toList();
        LocalDate asOf = project.evaluation().reportingDate();
        return new Delivery(byRegion(project.evaluation().settings().regions(), local),
                universalByStage(projects), completionsByMonth(completed, asOf), referralRoutes(completed),
                countsByCount(completed, p -> p.supportType().orElse("(not recorded)")),
                countsByCount(local.stream().filter(p -> p.stage() == Stage.CLOSED).toList(),
                        p -> p.closureReason().orElse("(not recorded)")),
                regionsReached(project, projects, asOf));
    }

    private static List<RegionRow> byRegion(List<String> regions, List<TrackerProject> local) {
        // The configured regions in their order (every one shown, even with no projects), then any
        // other region found in the data, so a misspelt region is visible rather than dropped.
        LinkedHashSet<String> order = new LinkedHashSet<>(regions);
        local.stream().map(p -> p.region().orElse("(no region)")).sorted().forEach(order::add);
        List<RegionRow> rows = new ArrayList<>();
        long[] totals = new long[3];
        for (String region : order) {
            long[] n = new long[3];
            for (TrackerProject p : local) {
                if (p.region().orElse("(no region)").equals(region)) {
                    switch (p.stage()) {
                        case COMPLETED -> n[0]++;
                        case ACTIVE -> n[1]++;
                        case PIPELINE -> n[2]++;
                        case CLOSED -> { }
                    }
                }
            }
            if (regions.contains(region) || n[0] + n[1] + n[2] > 0) {
                rows.add(new RegionRow(region, n[0], n[1], n[2], n[0] + n[1] + n[2]));
            }
            for (int i = 0; i < 3; i++) {
                totals[i] += n[i];
            }
        }
        rows.add(new RegionRow(TOTAL, totals[0], totals[1], totals[2], totals[0] + totals[1] + totals[2]));
        return rows;
    }

    private static List<Count> universalByStage(List<TrackerProject> projects) {
        List<Count> rows = new ArrayList<>();
        long total = 0;
        for (Stage stage : List.of(Stage.COMPLETED, Stage.ACTIVE, Stage.PIPELINE)) {
            long n = projects.stream().filter(p -> p.offer() == Offer.UNIVERSAL && p.stage() == stage).count();
            rows.add(new Count(stage.name().toLowerCase(java.util.Locale.ROOT), n));
            total += n;
        }
        rows.add(new Count(TOTAL, total));
        return rows;
    }

    /**
     * From the month of the first completion to the last whole month before the reporting date
     * (or the month of the last completion, if later), so a month still in progress is not shown
     * as a month with few completions.
     */
    private static List<MonthRow> completionsByMonth(List<TrackerProject> completed, LocalDate asOf) {
        TreeMap<YearMonth, Long> byMonth = completed.stream().filter(p -> p.completed().isPresent())
                .collect(Collectors.groupingBy(p -> YearMonth.from(p.completed().get()), TreeMap::new, Collectors.counting()));
        List<MonthRow> rows = new ArrayList<>();
        if (byMonth.isEmpty()) {
            return rows;
        }
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        if (byMonth.lastKey().isAfter(last)) {
            last = byMonth.lastKey();
        }
        long cumulative = 0;
        for (YearMonth month = byMonth.firstKey(); !month.isAfter(last); month = month.plusMonths(1)) {
            long n = byMonth.getOrDefault(month, 0L);
            cumulative += n;
            rows.add(new MonthRow(month, n, cumulative));
        }
        return rows;
    }

    private static List<RouteRow> referralRoutes(List<TrackerProject> completed) {
        List<RouteRow> rows = new ArrayList<>();
        for (TrackerProject.Direction direction : TrackerProject.Direction.values()) {
            List<TrackerProject> these = completed.stream().filter(p -> p.directed().filter(direction::equals).isPresent()).toList();
            for (Count c : countsByCount(these, p -> p.referralRoute().orElse("(not recorded)"))) {
                rows.add(new RouteRow(label(direction), c.category(), c.projects()));
            }
        }
        List<TrackerProject> unknown = completed.stream().filter(p -> p.directed().isEmpty()).toList();
        for (Count c : countsByCount(unknown, p -> p.referralRoute().orElse("(not recorded)"))) {
            rows.add(new RouteRow("(not recorded)", c.category(), c.projects()));
        }
        return rows;
    }

    private static String label(TrackerProject.Direction direction) {
        return direction == TrackerProject.Direction.DIRECTED ? "directed" : "non-directed";
    }

    /** Categories by count, largest first, then by name: the order a reader scans a list in. */
    private static List<Count> countsByCount(List<TrackerProject> projects, Function<TrackerProject, String> category) {
        Map<String, Long> counts = projects.stream().collect(Collectors.groupingBy(category, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private static List<QuarterReach> regionsReached(EvaluationProject project, List<TrackerProject> projects, LocalDate asOf) {
        List<QuarterReach> rows = new ArrayList<>();
        for (Period quarter : project.evaluation().periods()) {
            if (quarter.isQuarter() && !quarter.start().isAfter(asOf)) {
                LocalDate by = quarter.end().isAfter(asOf) ? asOf : quarter.end();
                rows.add(new QuarterReach(quarter.id(), List.copyOf(TrackerMeasures.regionsReached(projects, by))));
            }
        }
        return rows;
    }
}
