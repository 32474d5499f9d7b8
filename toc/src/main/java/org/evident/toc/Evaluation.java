package org.evident.toc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code evaluation.yaml}: the programme, its reporting periods, its input
 * sources and its settings.
 *
 * @param reportingDate the "as of" date that every date-relative measure uses, never today
 * @param periods       quarters in order, then phases in order
 * @param rubric        the grading rule: the project's own rubric file, or {@link Rubric#DEFAULT}
 * @param personalData  the names to redact from free text and the k of a quote's attribution
 */
public record Evaluation(String programme, Optional<String> organisation, LocalDate reportingDate,
                         List<Period> periods, List<Source> sources, Settings settings, Rubric rubric,
                         PersonalDataSettings personalData) {
    public Evaluation {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(reportingDate, "reportingDate");
        periods = List.copyOf(periods);
        sources = List.copyOf(sources);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(personalData, "personalData");
    }

    /** An evaluation with no list of names and the default k. */
    public Evaluation(String programme, Optional<String> organisation, LocalDate reportingDate, List<Period> periods,
                      List<Source> sources, Settings settings, Rubric rubric) {
        this(programme, organisation, reportingDate, periods, sources, settings, rubric, PersonalDataSettings.DEFAULTS);
    }

    public Optional<Period> period(String id) {
        return periods.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The periods at which outcomes are graded: the fieldwork phases when there are any (findings
     * come in phases), else the reporting periods that started by the reporting date.
     */
    public List<Period> assessmentPeriods() {
        List<Period> phases = periods.stream().filter(p -> !p.isReportingPeriod()).toList();
        if (!phases.isEmpty()) {
            return phases;
        }
        return periods.stream().filter(p -> !p.start().isAfter(reportingDate)).toList();
    }

    public List<Source> sources(Source.Type type) {
        return sources.stream().filter(s -> s.type() == type).toList();
    }
}
