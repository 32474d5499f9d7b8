package org.evident.analysis;

import java.util.List;
import java.util.Objects;

import tech.tablesaw.api.Table;

/**
 * Everything the analysis computed for one project, as immutable values in a fixed order, and
 * as Tablesaw tables for the reports and notebooks.
 *
 * @param organisationSuppression  the rule applied to the delivery tables' counts of projects
 *                                 (organisations) in {@link #tables()}: NONE unless the project sets
 *                                 {@code suppress_organisations}; the values here are never suppressed
 */
public record AnalysisResult(Delivery delivery, List<SurveyRow> surveyItems, List<KpiRow> kpis, List<KpiChart> kpiCharts,
                             SuppressionRule organisationSuppression) {
    public AnalysisResult {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(organisationSuppression, "organisationSuppression");
        surveyItems = List.copyOf(surveyItems);
        kpis = List.copyOf(kpis);
        kpiCharts = List.copyOf(kpiCharts);
    }

    /**
     * The published tables, each named as its CSV file is (without ".csv"), in the order a
     * report shows them. Missing values are Tablesaw's missing values (blank in CSV).
     */
    public List<Table> tables() {
        return Tables.of(this);
    }
}
