package org.evident.ingest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The checks on one tracker row; pure, so that either engine can call them. */
final class TrackerRules {
    private static final List<String> DATE_ORDER = List.of("requested_date", "started_date", "completed_date",
            "eos_report_date", "follow_up_date");
    static final Map<String, Boolean> COLUMNS = columns();

    private TrackerRules() {
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("project_id", true);
        c.put("local_system", false);
        c.put("region", false);
        c.put("support_type", false);
        c.put("offer", true);
        c.put("directed", false);
        c.put("referral_route", false);
        c.put("stage", true);
        DATE_ORDER.forEach(d -> c.put(d, false));
        c.put("closure_reason", false);
        return c;
    }

    static Optional<TrackerProject> check(Row row, List<String> regions, LocalDate reportingDate) {
        String id = row.text("project_id");
        if (id.isEmpty()) {
            row.reject("project_id", "", "no project id", "a unique id for every project");
        }
        Optional<TrackerProject.Offer> offer = choice(row, "offer", TrackerProject.Offer.class, "universal or local");
        Optional<TrackerProject.Stage> stage = choice(row, "stage", TrackerProject.Stage.class,
                "pipeline, active, completed or closed");
        Optional<TrackerProject.Direction> directed = row.text("directed").isEmpty() ? Optional.empty()
                : choice(row, "directed", TrackerProject.Direction.class, "directed or non-directed");
        Optional<String> region = optional(row.text("region"));
        Optional<String> system = optional(row.text("local_system"));
        if (offer.orElse(null) == TrackerProject.Offer.LOCAL) {
            if (region.isEmpty()) {
                row.reject("region", "", "a local project has no region", "one of " + String.join(", ", regions));
            }
            if (system.isEmpty()) {
                row.reject("local_system", "", "a local project has no local system", "the system supported");
            }
        }
        region.ifPresent(r -> {
            Optional<String> known = regions.stream().filter(k -> Values.labelKey(k).equals(Values.labelKey(r))).findFirst();
            if (known.isEmpty()) {
                row.reject("region", r, "unknown region", "one of " + String.join(", ", regions));
            }
        });
        region = region.flatMap(r -> regions.stream().filter(k -> Values.labelKey(k).equals(Values.labelKey(r))).findFirst());

        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (String column : DATE_ORDER) {
            String text = row.text(column);
            try {
                Values.date(text).ifPresent(d -> dates.put(column, d));
            } catch (IllegalArgumentException e) {
                row.reject(column, text, "not a date", Values.DATE_FORMS);
            }
        }
        String previous = null;
        for (String column : DATE_ORDER) {
            LocalDate date = dates.get(column);
            if (date == null) {
                continue;
            }
            if (date.isAfter(reportingDate)) {
                row.reject(column, date.toString(), "date after the reporting date " + reportingDate,
                        "a date on or before " + reportingDate);
            }
            if (previous != null && date.isBefore(dates.get(previous))) {
                row.reject(column, date.toString(), column.replace('_', ' ') + " is before " + previous.replace('_', ' ')
                        + " (" + dates.get(previous) + ")", "a date on or after " + dates.get(previous));
            }
            previous = column;
        }
        if (stage.orElse(null) == TrackerProject.Stage.COMPLETED && !dates.containsKey("completed_date")
                && row.text("completed_date").isEmpty()) {
            row.reject("completed_date", "", "a completed project has no completed date", Values.DATE_FORMS);
        }
        if (stage.orElse(null) == TrackerProject.Stage.CLOSED && row.text("closure_reason").isEmpty()) {
            row.reject("closure_reason", "", "a closed project has no closure reason", "why the offer was closed");
        }
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new TrackerProject(id, system, region, optional(row.text("support_type")), offer.get(),
                directed, optional(row.text("referral_route")), stage.get(), date(dates, "requested_date"),
                date(dates, "started_date"), date(dates, "completed_date"), date(dates, "eos_report_date"),
                date(dates, "follow_up_date"), optional(row.freeText("closure_reason"))));
    }

    private static Optional<LocalDate> date(Map<String, LocalDate> dates, String column) {
        return Optional.ofNullable(dates.get(column));
    }

    static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** An enum value written in any case, with spaces or hyphens for underscores. */
    static <E extends Enum<E>> Optional<E> choice(Row row, String column, Class<E> type, String expected) {
        return choice(row, column, List.of(type.getEnumConstants()), expected);
    }

    /** As {@link #choice(Row, String, Class, String)}, among {@code allowed} only. */
    static <E extends Enum<E>> Optional<E> choice(Row row, String column, List<E> allowed, String expected) {
        String text = row.text(column);
        Function<String, String> key = s -> s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E value : allowed) {
            if (value.name().equals(key.apply(text))) {
                return Optional.of(value);
            }
        }
        row.reject(column, text, text.isEmpty() ? "no " + column.replace('_', ' ') : "unknown " + column.replace('_', ' '),
                expected);
        return Optional.empty();
    }
}
