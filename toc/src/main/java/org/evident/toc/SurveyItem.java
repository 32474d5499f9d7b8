package org.evident.toc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a survey source, as declared in {@code evaluation.yaml}: where its answers
 * are and which answers it accepts.
 *
 * @param column    the header of the answer column (for multi-select without a separator, each
 *                  option's column is named by the option's label)
 * @param labels    the accepted answers that count in the base, best first (agreement, rating,
 *                  yes/no, single choice); empty for multi-select and free text
 * @param positive  the answers that count towards the item's share (e.g. the top two boxes)
 * @param notInBase answers accepted but left out of the base, such as "Don't know"
 * @param options   the options of a multi-select item
 * @param separator for a multi-select item held in one cell, the separator between options
 * @param map       extra codes mapped explicitly to a label or to {@link #NOT_IN_BASE}
 */
public record SurveyItem(String id, Type type, String column, List<String> labels, List<String> positive,
                         List<String> notInBase, List<Option> options, Optional<String> separator,
                         Map<String, String> map) {

    /** The value of {@link #map()} that sends a code out of the base. */
    public static final String NOT_IN_BASE = "not_in_base";

    /** The item types Evident reads. */
    public enum Type {
        AGREEMENT(List.of("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"),
                2, List.of("Don't know")),
        RATING(List.of("Excellent", "Good", "Fair", "Poor"), 2, List.of()),
        YES_NO(List.of("Yes", "No", "Don't know"), 1, List.of()),
        SINGLE_CHOICE(List.of(), 0, List.of()),
        MULTI_SELECT(List.of(), 0, List.of()),
        FREE_TEXT(List.of(), 0, List.of());

        private final List<String> defaultLabels;
        private final int defaultPositive;
        private final List<String> defaultNotInBase;

        Type(List<String> defaultLabels, int defaultPositive, List<String> defaultNotInBase) {
            this.defaultLabels = defaultLabels;
            this.defaultPositive = defaultPositive;
            this.defaultNotInBase = defaultNotInBase;
        }

        public List<String> defaultLabels() {
            return defaultLabels;
        }

        /** How many of the first labels count as positive by default (top two box for agreement). */
        int defaultPositive() {
            return defaultPositive;
        }

        List<String> defaultNotInBase() {
            return defaultNotInBase;
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One option of a multi-select item. */
    public record Option(String id, String label) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    public SurveyItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(column, "column");
        labels = List.copyOf(labels);
        positive = List.copyOf(positive);
        notInBase = List.copyOf(notInBase);
        options = List.copyOf(options);
        Objects.requireNonNull(separator, "separator");
        map = Map.copyOf(map);
    }
}
