package org.evident.ingest;

import java.util.List;

/**
 * Everything read from a project's data files: the accepted records, the aggregates per
 * indicator and period, the indicators that got no data, the rejects and the reconciliation.
 *
 * @param gaps       one line per indicator and period that got no data, saying why
 * @param warnings   what was noticed about a data file as a whole and read all the same (a hidden
 *                   sheet named by {@code sheet:}, dates that look month-first), with the file
 * @param judgements the evaluation team's own grades, from {@code type: judgements} sources, in file order
 * @param codedTexts the findings with a quote and the free-text survey answers, with the theme codes people
 *                   gave them, findings first, each in file order
 * @param lessons    the lessons and recommendations of {@code type: lessons} sources, in file order
 * @param personalData where personal data was found in the free text of accepted rows and redacted, in the
 *                   order read (never the text found)
 * @param neighbours each area's comparable areas, from the project's {@code type: neighbours} source, if it has one
 */
public record IngestResult(List<TrackerProject> projects, List<SurveyItemCounts> surveyCounts,
                           List<FreeTextAnswer> freeText, List<KpiReturn> kpiReturns, List<Finding> findings,
                           List<IndicatorData> indicatorData, List<String> gaps, List<Reject> rejects,
                           List<Reconciliation> reconciliations, List<org.evident.toc.Problem> warnings,
                           List<Judgement> judgements, List<CodedText> codedTexts, List<Lesson> lessons,
                           List<PersonalDataFound> personalData, java.util.Optional<ComparableAreas> neighbours) {
    public IngestResult {
        projects = List.copyOf(projects);
        surveyCounts = List.copyOf(surveyCounts);
        freeText = List.copyOf(freeText);
        kpiReturns = List.copyOf(kpiReturns);
        findings = List.copyOf(findings);
        indicatorData = List.copyOf(indicatorData);
        gaps = List.copyOf(gaps);
        rejects = List.copyOf(rejects);
        reconciliations = List.copyOf(reconciliations);
        warnings = List.copyOf(warnings);
        judgements = List.copyOf(judgements);
        codedTexts = List.copyOf(codedTexts);
        lessons = List.copyOf(lessons);
        personalData = List.copyOf(personalData);
        java.util.Objects.requireNonNull(neighbours, "neighbours");
    }

    /** A result without comparable areas, in which no personal data was found. */
    public IngestResult(List<TrackerProject> projects, List<SurveyItemCounts> surveyCounts, List<FreeTextAnswer> freeText,
                        List<KpiReturn> kpiReturns, List<Finding> findings, List<IndicatorData> indicatorData,
                        List<String> gaps, List<Reject> rejects, List<Reconciliation> reconciliations,
                        List<org.evident.toc.Problem> warnings, List<Judgement> judgements, List<CodedText> codedTexts,
                        List<Lesson> lessons) {
        this(projects, surveyCounts, freeText, kpiReturns, findings, indicatorData, gaps, rejects, reconciliations, warnings,
                judgements, codedTexts, lessons, List.of(), java.util.Optional.empty());
    }

    /** A result without coded texts or lessons. */
    public IngestResult(List<TrackerProject> projects, List<SurveyItemCounts> surveyCounts, List<FreeTextAnswer> freeText,
                        List<KpiReturn> kpiReturns, List<Finding> findings, List<IndicatorData> indicatorData,
                        List<String> gaps, List<Reject> rejects, List<Reconciliation> reconciliations,
                        List<org.evident.toc.Problem> warnings, List<Judgement> judgements) {
        this(projects, surveyCounts, freeText, kpiReturns, findings, indicatorData, gaps, rejects, reconciliations, warnings,
                judgements, List.of(), List.of());
    }

    /** A result without warnings or judgements. */
    public IngestResult(List<TrackerProject> projects, List<SurveyItemCounts> surveyCounts, List<FreeTextAnswer> freeText,
                        List<KpiReturn> kpiReturns, List<Finding> findings, List<IndicatorData> indicatorData,
                        List<String> gaps, List<Reject> rejects, List<Reconciliation> reconciliations) {
        this(projects, surveyCounts, freeText, kpiReturns, findings, indicatorData, gaps, rejects, reconciliations, List.of(),
                List.of(), List.of(), List.of());
    }

    public long rejectedRows() {
        return reconciliations.stream().mapToLong(Reconciliation::rejected).sum();
    }
}
