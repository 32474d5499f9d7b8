package org.evident.analysis;

import java.util.List;

import org.evident.analysis.PublishedTable.Format;

/** The published tables of survey comparisons: wave against wave, and group against the rest of its wave. */
final class SurveyComparisonTables {
    private SurveyComparisonTables() {
    }

    static PublishedTable changes(List<SurveyChange> changes, String interval) {
        return Tables.rows("survey_changes", "Survey items: the change in the positive share from one wave to the next", changes,
                Tables.text("item", "Item", SurveyChange::item),
                Tables.text("from_wave", "From wave", SurveyChange::fromWave),
                Tables.text("from_period", "From period", SurveyChange::fromPeriod),
                Tables.text("to_wave", "To wave", SurveyChange::toWave),
                Tables.text("to_period", "To period", SurveyChange::toPeriod),
                Tables.count("from_count", "Positive, before", c -> c.shares().first().count()),
                Tables.count("from_n", "Base, before", c -> c.shares().first().base()),
                Tables.number("from_share", "Share, before", Format.SHARE, c -> c.shares().first().share()),
                Tables.count("to_count", "Positive, after", c -> c.shares().second().count()),
                Tables.count("to_n", "Base, after", c -> c.shares().second().base()),
                Tables.number("to_share", "Share, after", Format.SHARE, c -> c.shares().second().share()),
                Tables.number("change", "Change", Format.SHARE, c -> c.shares().difference()),
                Tables.number("ci_low", interval + ", low", Format.SHARE, c -> Interval.lowOf(c.shares().interval())),
                Tables.number("ci_high", interval + ", high", Format.SHARE, c -> Interval.highOf(c.shares().interval())),
                Tables.text("better", "Better", c -> c.shares().better().yamlName()),
                Tables.text("verdict", "Verdict", c -> c.verdict().map(SurveyChange.Verdict::label).orElse("")),
                Tables.text("note", "Note", c -> c.shares().note()),
                Tables.text("interval", "Interval method", c -> c.shares().method()));
    }

    static PublishedTable groupDifferences(List<SurveyGroupDifference> differences, String interval) {
        return Tables.rows("survey_group_differences", "Survey items: each group's positive share against the rest of its wave",
                differences,
                Tables.text("wave", "Wave", SurveyGroupDifference::wave),
                Tables.text("period", "Period", SurveyGroupDifference::period),
                Tables.text("item", "Item", SurveyGroupDifference::item),
                Tables.text("group", "Group", SurveyGroupDifference::group),
                Tables.count("group_count", "Positive, group", d -> d.shares().second().count()),
                Tables.count("group_n", "Base, group", d -> d.shares().second().base()),
                Tables.number("group_share", "Share, group", Format.SHARE, d -> d.shares().second().share()),
                Tables.count("rest_count", "Positive, rest", d -> d.shares().first().count()),
                Tables.count("rest_n", "Base, rest", d -> d.shares().first().base()),
                Tables.number("rest_share", "Share, rest", Format.SHARE, d -> d.shares().first().share()),
                Tables.number("difference", "Difference", Format.SHARE, d -> d.shares().difference()),
                Tables.number("ci_low", interval + ", low", Format.SHARE, d -> Interval.lowOf(d.shares().interval())),
                Tables.number("ci_high", interval + ", high", Format.SHARE, d -> Interval.highOf(d.shares().interval())),
                Tables.text("verdict", "Verdict", d -> d.verdict().map(SurveyGroupDifference.Verdict::label).orElse("")),
                Tables.text("note", "Note", d -> d.shares().note()),
                Tables.text("interval", "Interval method", d -> d.shares().method()));
    }
}
