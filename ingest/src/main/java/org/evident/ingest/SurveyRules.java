package org.evident.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.toc.Source;
import org.evident.toc.SurveyItem;

/**
 * The checks on one survey row and the counting of accepted answers. An answer that is not among
 * an item's labels rejects the whole row: counting the rest of it would give items different
 * respondents for no reason a reader could see.
 */
final class SurveyRules {
    private static final Set<String> NOT_CHOSEN = Set.of("", "0", "no", "false", "n");

    private final Source source;
    /** Per group ("" for the whole wave, else "column: value"), per item, the running counts. */
    private final Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
    /** Per group column, the values seen, sorted, so groups come out in a fixed order. */
    private final Map<String, java.util.TreeSet<String>> groupValues = new LinkedHashMap<>();
    /** Per item, each accepted answer's label key to the label; a null label marks not-in-base answers. */
    private final Map<String, Map<String, String>> labelsByKey = new HashMap<>();
    private final Map<String, Map<String, String>> notInBaseByKey = new HashMap<>();
    private final List<FreeTextAnswer> freeText = new ArrayList<>();
    /** The free-text answers of accepted rows, made into {@link CodedText} once the groups' sizes are known. */
    private final List<RegionalText> comments = new ArrayList<>();
    /** Accepted respondents per value of the region column ("" when blank or absent). */
    private final Map<String, Integer> respondentsByRegion = new HashMap<>();

    private record RegionalText(String text, String region, List<String> themes) {
    }
    private final Optional<org.evident.toc.CodeFrame> codeFrame;

    SurveyRules(Source source, Optional<org.evident.toc.CodeFrame> codeFrame) {
        this.source = source;
        this.codeFrame = codeFrame;
        tallies.put("", newTallies());
        source.groups().forEach(g -> groupValues.put(g, new java.util.TreeSet<>()));
        for (SurveyItem item : source.items()) {
            Map<String, String> labels = new HashMap<>();
            item.labels().forEach(l -> labels.put(Values.labelKey(l), l));
            item.options().forEach(o -> {
                labels.put(Values.labelKey(o.label()), o.id());
                labels.put(Values.labelKey(o.id()), o.id());
            });
            labelsByKey.put(item.id(), labels);
            Map<String, String> outside = new HashMap<>();
            item.notInBase().forEach(l -> outside.put(Values.labelKey(l), l));
            notInBaseByKey.put(item.id(), outside);
        }
    }

    /** The columns to find: the respondent column and each item's column (or option columns). */
    Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put(source.respondent(), true);
        source.groups().forEach(g -> c.put(g, true));
        for (SurveyItem item : source.items()) {
            if (item.type() == SurveyItem.Type.MULTI_SELECT && item.separator().isEmpty()) {
                item.options().forEach(o -> c.put(o.label(), true));
            } else {
                c.put(item.column(), true);
            }
        }
        c.putIfAbsent(CodedText.THEMES_COLUMN, false);
        c.putIfAbsent(CodedText.REGION_COLUMN, false);
        return c;
    }

    /** Per-row parsed answers, counted only once the whole row is known to be accepted. */
    private record Answer(SurveyItem item, String label, boolean inBase, List<String> chosen) {
    }

    /** Checks a row; counts its answers and returns true if it is accepted. */
    boolean check(Row row, String pseudonym) {
        if (pseudonym.isEmpty()) {
            row.reject(source.respondent(), "", "no respondent identifier", "an identifier for every respondent");
        }
        List<Answer> answers = new ArrayList<>();
        List<FreeTextAnswer> texts = new ArrayList<>();
        // The themes column codes the row's free-text answers; it is checked even when they are blank.
        List<String> themes = CodedText.themes(row, codeFrame);
        for (SurveyItem item : source.items()) {
            switch (item.type()) {
                case FREE_TEXT -> {
                    String text = row.freeText(item.column());
                    if (!text.isEmpty()) {
                        texts.add(new FreeTextAnswer(source.id(), source.period().orElse(""), item.id(), pseudonym, text));
                    }
                }
                case MULTI_SELECT -> multiSelect(row, item).ifPresent(answers::add);
                default -> single(row, item).ifPresent(answers::add);
            }
        }
        if (!row.accepted()) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        groups.add("");
        for (String column : source.groups()) {
            String value = row.text(column);
            String group = column + ": " + (value.isEmpty() ? "(blank)" : value);
            groupValues.get(column).add(group);
            groups.add(group);
        }
        for (String group : groups) {
            Map<String, Tally> items = tallies.computeIfAbsent(group, g -> newTallies());
            for (Answer answer : answers) {
                items.get(answer.item().id()).add(answer);
            }
        }
        freeText.addAll(texts);
        String region = CodedText.region(row);
        respondentsByRegion.merge(region, 1, Integer::sum);
        texts.forEach(t -> comments.add(new RegionalText(t.text(), region, themes)));
        return true;
    }

    private Optional<Answer> single(Row row, SurveyItem item) {
        String text = row.text(item.column());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String mapped = item.map().getOrDefault(text, text);
        if (mapped.equals(SurveyItem.NOT_IN_BASE)) {
            return Optional.of(new Answer(item, text, false, List.of()));
        }
        String key = Values.labelKey(mapped);
        String label = labelsByKey.get(item.id()).get(key);
        if (label != null) {
            return Optional.of(new Answer(item, label, true, List.of()));
        }
        String outside = notInBaseByKey.get(item.id()).get(key);
        if (outside != null) {
            return Optional.of(new Answer(item, outside, false, List.of()));
        }
        row.reject(item.column(), text, "answer not in the scale of item '" + item.id() + "'",
                "one of " + String.join(", ", item.labels())
                        + (item.notInBase().isEmpty() ? "" : ", or (not in base) " + String.join(", ", item.notInBase()))
                        + ", or blank; map other codes explicitly with 'map:'");
        return Optional.empty();
    }

    private Optional<Answer> multiSelect(Row row, SurveyItem item) {
        List<String> chosen = new ArrayList<>();
        if (item.separator().isPresent()) {
            String text = row.text(item.column());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            for (String part : text.split(java.util.regex.Pattern.quote(item.separator().get()))) {
                String key = Values.labelKey(part);
                if (key.isEmpty()) {
                    continue;
                }
                String optionId = labelsByKey.get(item.id()).get(key);
                if (optionId == null) {
                    row.reject(item.column(), part.strip(), "option not in multi-select item '" + item.id() + "'",
                            "options separated by '" + item.separator().get() + "' from: "
                                    + String.join("; ", item.options().stream().map(SurveyItem.Option::label).toList()));
                } else if (!chosen.contains(optionId)) {
                    chosen.add(optionId);
                }
            }
        } else {
            for (SurveyItem.Option option : item.options()) {
                String text = row.text(option.label());
                if (!NOT_CHOSEN.contains(Values.labelKey(text))) {
                    chosen.add(option.id());
                }
            }
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(new Answer(item, "", true, chosen));
    }

    private Map<String, Tally> newTallies() {
        Map<String, Tally> items = new LinkedHashMap<>();
        for (SurveyItem item : source.items()) {
            if (item.type() != SurveyItem.Type.FREE_TEXT) {
                items.put(item.id(), new Tally(item));
            }
        }
        return items;
    }

    /** The whole wave's counts, then each group's: by group column in declared order, values sorted. */
    List<SurveyItemCounts> counts() {
        List<SurveyItemCounts> all = new ArrayList<>();
        List<String> order = new ArrayList<>();
        order.add("");
        groupValues.values().forEach(order::addAll);
        for (String group : order) {
            for (Tally tally : tallies.get(group).values()) {
                all.add(tally.toCounts(source, group));
            }
        }
        return all;
    }

    List<FreeTextAnswer> freeText() {
        return freeText;
    }

    /** The free-text answers with the sizes of the groups behind their attribution: call once every row is read. */
    List<CodedText> coded() {
        int respondents = respondentsByRegion.values().stream().mapToInt(Integer::intValue).sum();
        return comments.stream().map(a -> new CodedText(CodedText.Kind.SURVEY_COMMENT, source.id(), Optional.empty(), "", "",
                Optional.empty(), a.text(), a.region(), a.themes(), respondentsByRegion.get(a.region()), respondents)).toList();
    }

    /** Running counts for one item. */
    private static final class Tally {
        private final SurveyItem item;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, Long> notInBase = new HashMap<>();
        private long base;

        Tally(SurveyItem item) {
            this.item = item;
            if (item.type() == SurveyItem.Type.MULTI_SELECT) {
                item.options().forEach(o -> counts.put(o.id(), 0L));
            } else {
                item.labels().forEach(l -> counts.put(l, 0L));
            }
        }

        void add(Answer answer) {
            if (!answer.inBase()) {
                notInBase.merge(answer.label(), 1L, Long::sum);
                return;
            }
            base++;
            if (item.type() == SurveyItem.Type.MULTI_SELECT) {
                answer.chosen().forEach(id -> counts.merge(id, 1L, Long::sum));
            } else {
                counts.merge(answer.label(), 1L, Long::sum);
            }
        }

        SurveyItemCounts toCounts(Source source, String group) {
            long positive = item.type() == SurveyItem.Type.MULTI_SELECT ? 0
                    : item.positive().stream().mapToLong(p -> counts.getOrDefault(p, 0L)).sum();
            long outside = notInBase.values().stream().mapToLong(Long::longValue).sum();
            return new SurveyItemCounts(source.id(), source.period().orElse(""), group, item.id(), item.type(), base, counts,
                    positive, outside);
        }
    }
}
