package org.evident.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One line of a survey item's results in one wave: an answer category (or a multi-select
 * option) with its share of the base, or the item's positive share (such as top-two-box) with
 * its interval and verdict against the item's threshold.
 *
 * @param group         "" for the whole wave, else the breakdown, such as "region: London"
 * @param option        the category or option label; for the positive share, the categories
 *                      that count as positive joined with " + "
 * @param positive      true on the line that carries the item's positive share
 * @param base          respondents in the base (missing when suppressed)
 * @param count         respondents in this category (missing when suppressed)
 * @param suppressed    the suppression mark shown instead of a hidden count, or empty
 * @param netAgreement  agreement items, on the positive line: top two minus bottom two, over the base
 * @param pExact        the exact one-sided binomial p-value against the threshold, in the
 *                      direction that is better
 * @param method        how the interval was computed, e.g. "wilson 95%"
 * @param indicator     the id of the indicator whose threshold this line is judged against (whole
 *                      wave only: the evidence grading reads these lines)
 */
public record SurveyRow(String wave, String period, String group, String item, String option, boolean positive, OptionalLong base,
                        OptionalLong count, String suppressed, OptionalDouble share, Optional<Interval> interval,
                        OptionalDouble threshold, Optional<Verdict> verdict, OptionalDouble netAgreement,
                        OptionalDouble pExact, String method, Optional<String> indicator) {
    public SurveyRow {
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(suppressed, "suppressed");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(indicator, "indicator");
    }
}
