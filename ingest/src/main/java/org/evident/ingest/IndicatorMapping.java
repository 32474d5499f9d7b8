package org.evident.ingest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.Period;
import org.evident.toc.Source;
import org.evident.toc.SurveyItem;

/**
 * Maps accepted records onto indicators: survey counts by item or option, KPI returns by code,
 * and the tracker measures below, per period. Every indicator and period that gets nothing is
 * listed as a gap with the reason, never left silently blank.
 */
final class IndicatorMapping {
    /** The end-of-support report KPI: within 4 weeks of completion. */
    static final int REPORT_DAYS = 28;

    /** The tracker measures Evident computes, each per quarter. */
    static final Map<String, String> TRACKER_MEASURES = Map.of(
            "local-projects-completed", "local projects completed by the quarter's end (cumulative)",
            "universal-projects-completed", "universal projects completed by the quarter's end (cumulative)",
            "regions-reached", "regions with a local project started or completed by the quarter's end",
            "eos-within-4-weeks", "share of local projects completed in the quarter with an end-of-support report within 28 days",
            "offers-closed", "potential offers closed down, by quarter of request",
            "days-request-to-start", "median days from request to start, for projects started in the quarter",
            "follow-up-planned", "projects with follow-up feedback dated in the quarter");

    private final EvaluationProject project;
    private final List<TrackerProject> projects;
    private final List<SurveyItemCounts> surveys;
    private final List<KpiReturn> kpis;
    private final List<IndicatorData> data = new ArrayList<>();
    private final List<String> gaps = new ArrayList<>();

    IndicatorMapping(EvaluationProject project, List<TrackerProject> projects, List<SurveyItemCounts> surveys,
                     List<KpiReturn> kpis) {
        this.project = project;
        this.projects = projects;
        this.surveys = surveys;
        this.kpis = kpis;
        for (Indicator indicator : project.theoryOfChange().indicators()) {
            switch (indicator.source()) {
                case SURVEY -> survey(indicator);
                case KPI -> kpi(indicator);
                case TRACKER -> tracker(indicator);
            }
        }
    }

    List<IndicatorData> data() {
        return data;
    }

    List<String> gaps() {
        return gaps;
    }

    /** The quarters that had started by the reporting date: later ones cannot have data yet. */
    private List<Period> reportableQuarters() {
        LocalDate asOf = project.evaluation().reportingDate();
        return project.evaluation().periods().stream().filter(Period::isReportingPeriod).filter(p -> !p.start().isAfter(asOf))
                .toList();
    }

    private void survey(Indicator indicator) {
        List<Source> waves = project.evaluation().sources(Source.Type.SURVEY);
        boolean declared = waves.stream().flatMap(s -> s.items().stream())
                .anyMatch(i -> i.id().equals(indicator.measure())
                        || i.options().stream().anyMatch(o -> o.id().equals(indicator.measure())));
        if (!declared) {
            gaps.add(indicator.id() + ": no survey source declares an item or option '" + indicator.measure() + "'");
            return;
        }
        for (Source wave : waves) {
            String period = wave.period().orElse("");
            Optional<IndicatorData> found = Optional.empty();
            for (SurveyItemCounts counts : surveys) {
                // Indicators speak for the whole wave; group breakdowns are for the tables.
                if (!counts.source().equals(wave.id()) || !counts.group().isEmpty()) {
                    continue;
                }
                if (counts.item().equals(indicator.measure()) && counts.type() != SurveyItem.Type.MULTI_SELECT) {
                    found = Optional.of(share(indicator, period, counts.positive(), counts.base(), counts.counts(),
                            "survey " + wave.id() + " item " + counts.item()));
                } else if (counts.type() == SurveyItem.Type.MULTI_SELECT && counts.counts().containsKey(indicator.measure())) {
                    found = Optional.of(share(indicator, period, counts.counts().get(indicator.measure()), counts.base(),
                            counts.counts(), "survey " + wave.id() + " item " + counts.item() + " option " + indicator.measure()));
                }
            }
            if (found.isPresent() && found.get().denominator().orElse(0) > 0) {
                data.add(found.get());
            } else if (wave.items().stream().anyMatch(i -> i.id().equals(indicator.measure())
                    || i.options().stream().anyMatch(o -> o.id().equals(indicator.measure())))) {
                gaps.add(indicator.id() + " in " + period + ": nobody answered '" + indicator.measure() + "' in survey "
                        + wave.id());
            }
        }
    }

    private IndicatorData share(Indicator indicator, String period, long count, long base, Map<String, Long> categories,
                                String evidence) {
        OptionalDouble value = base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / base);
        return new IndicatorData(indicator.id(), period, Optional.empty(), value, OptionalLong.of(count),
                OptionalLong.of(base), indicator.target(), categories, evidence);
    }

    private void kpi(Indicator indicator) {
        Set<String> covered = new TreeSet<>();
        for (KpiReturn r : kpis) {
            if (!r.kpi().equals(indicator.measure())) {
                continue;
            }
            covered.add(r.period());
            data.add(new IndicatorData(indicator.id(), r.period(), r.region().or(r::system), OptionalDouble.of(r.value()),
                    r.numerator(), r.denominator(), r.target().isPresent() ? r.target() : indicator.target(), Map.of(),
                    r.row() == 0 ? r.file() : r.file() + " row " + r.row()));
        }
        LocalDate asOf = project.evaluation().reportingDate();
        for (Period quarter : reportableQuarters()) {
            // A return is due once its period has ended; the one in progress on the reporting date is not a gap.
            if (!covered.contains(quarter.id()) && quarter.end().isBefore(asOf)) {
                gaps.add(indicator.id() + " in " + quarter.id() + ": no KPI return for " + indicator.measure());
            }
        }
    }

    private void tracker(Indicator indicator) {
        String measure = indicator.measure();
        if (!TRACKER_MEASURES.containsKey(measure)) {
            gaps.add(indicator.id() + ": '" + measure + "' is not a tracker measure Evident computes; the measures are "
                    + String.join(", ", new TreeSet<>(TRACKER_MEASURES.keySet())));
            return;
        }
        if (project.evaluation().sources(Source.Type.TRACKER).isEmpty()) {
            gaps.add(indicator.id() + ": the project has no tracker source");
            return;
        }
        LocalDate asOf = project.evaluation().reportingDate();
        for (Period quarter : reportableQuarters()) {
            LocalDate end = quarter.end().isAfter(asOf) ? asOf : quarter.end();
            Optional<IndicatorData> value = switch (measure) {
                case "local-projects-completed" -> count(indicator, quarter, p -> p.offer() == TrackerProject.Offer.LOCAL
                        && p.stage() == TrackerProject.Stage.COMPLETED && before(p.completed(), end));
                case "universal-projects-completed" -> count(indicator, quarter, p -> p.offer() == TrackerProject.Offer.UNIVERSAL
                        && p.stage() == TrackerProject.Stage.COMPLETED && before(p.completed(), end));
                case "regions-reached" -> Optional.of(value(indicator, quarter,
                        TrackerMeasures.regionsReached(projects, end).size()));
                case "eos-within-4-weeks" -> reportsOnTime(indicator, quarter, asOf);
                case "offers-closed" -> count(indicator, quarter, p -> p.stage() == TrackerProject.Stage.CLOSED
                        && p.requested().filter(quarter::contains).isPresent());
                case "days-request-to-start" -> medianDaysToStart(indicator, quarter);
                case "follow-up-planned" -> count(indicator, quarter, p -> p.followUp().filter(quarter::contains).isPresent());
                default -> throw new IllegalStateException(measure);
            };
            if (value.isPresent()) {
                data.add(value.get());
            } else if (quarter.endedBy(asOf)) {
                // A quarter in progress has no data gap: its figures are partial by nature.
                gaps.add(indicator.id() + " in " + quarter.id() + ": no tracker rows for " + measure);
            }
        }
    }

    private static boolean before(Optional<LocalDate> date, LocalDate end) {
        return TrackerMeasures.onOrBefore(date, end);
    }

    private Optional<IndicatorData> count(Indicator indicator, Period quarter, java.util.function.Predicate<TrackerProject> which) {
        return Optional.of(value(indicator, quarter, projects.stream().filter(which).count()));
    }

    private IndicatorData value(Indicator indicator, Period quarter, double value) {
        return new IndicatorData(indicator.id(), quarter.id(), Optional.empty(), OptionalDouble.of(value), OptionalLong.empty(),
                OptionalLong.empty(), indicator.target(), Map.of(), "tracker: " + TRACKER_MEASURES.get(indicator.measure()));
    }

    /**
     * Local projects completed in the quarter whose report was due by the reporting date: on time
     * if submitted within 28 days. A report not yet due is left out rather than counted as late.
     */
    private Optional<IndicatorData> reportsOnTime(Indicator indicator, Period quarter, LocalDate asOf) {
        List<TrackerProject> due = projects.stream()
                .filter(p -> p.offer() == TrackerProject.Offer.LOCAL && p.completed().filter(quarter::contains).isPresent())
                .filter(p -> p.endOfSupportReport().isPresent() || !p.completed().get().plusDays(REPORT_DAYS).isAfter(asOf))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        long onTime = due.stream().filter(p -> p.endOfSupportReport()
                .filter(r -> ChronoUnit.DAYS.between(p.completed().get(), r) <= REPORT_DAYS).isPresent()).count();
        return Optional.of(new IndicatorData(indicator.id(), quarter.id(), Optional.empty(),
                OptionalDouble.of((double) onTime / due.size()), OptionalLong.of(onTime), OptionalLong.of(due.size()),
                indicator.target(), Map.of(), "tracker: " + TRACKER_MEASURES.get(indicator.measure())));
    }

    private Optional<IndicatorData> medianDaysToStart(Indicator indicator, Period quarter) {
        List<Long> days = projects.stream().filter(p -> p.started().filter(quarter::contains).isPresent() && p.requested().isPresent())
                .map(p -> ChronoUnit.DAYS.between(p.requested().get(), p.started().get())).sorted().toList();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
        return Optional.of(value(indicator, quarter, median));
    }

}
