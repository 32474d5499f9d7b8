package org.evident.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.evident.toc.SurveyItem;

/**
 * The answers to one survey item in one wave, counted: the base, the count per category, the
 * positive count, and how many answered outside the base (such as "Don't know").
 *
 * @param group   "" for the whole wave, else the breakdown, such as "region: London"
 * @param counts  answer label (or option id, for multi-select) to count, in the item's order,
 *                empty categories included
 * @param base    respondents in the base: those who gave a counted answer (for a multi-select
 *                item, those who chose at least one option)
 */
public record SurveyItemCounts(String source, String period, String group, String item, SurveyItem.Type type, long base,
                               Map<String, Long> counts, long positive, long notInBase) {
    public SurveyItemCounts {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(type, "type");
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
