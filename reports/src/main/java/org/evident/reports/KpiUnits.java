package org.evident.reports;

import static org.evident.reports.ReportHtml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evident.analysis.Funnel;
import org.evident.analysis.KpiRow;
import org.evident.analysis.PublishedTable;
import org.evident.toc.Indicator;

/**
 * The report's KPIs by unit, below the programme's: a table per level (the regions; the areas or
 * systems below them) with each unit's figure for each KPI, as long as the level has no more than
 * {@code settings: units_listed} units (default {@link org.evident.toc.Settings#UNITS_LISTED}). A
 * level with more (the 153 councils of a national records source) is summarised in a sentence
 * saying how many units there are and where their figures are: the report summarises, the
 * workbook and the CSV tables hold the detail. No unit has a run chart in the report.
 */
final class KpiUnits {
    private KpiUnits() {
    }

    /** The levels of units, in the order the report shows them. */
    enum Level {
        REGION("By region", "Region", "region", "regions"),
        LOCAL("By area or system", "Area or system", "area or system", "areas and systems");

        final String heading;
        final String column;
        final String one;
        final String many;

        Level(String heading, String column, String one, String many) {
            this.heading = heading;
            this.column = column;
            this.one = one;
            this.many = many;
        }
    }

    /** The units of each level in the KPI table, in its order: a unit is a region when settings.regions names it. */
    static Map<Level, List<String>> units(ReportInput input) {
        PublishedTable kpis = input.table("kpis");
        int unit = kpis.columnIndex("unit");
        Set<String> regions = Set.copyOf(input.project().evaluation().settings().regions());
        Map<Level, Set<String>> byLevel = new LinkedHashMap<>();
        for (List<PublishedTable.Cell> row : kpis.rows()) {
            String u = row.get(unit).csv();
            if (!u.isEmpty()) {
                byLevel.computeIfAbsent(regions.contains(u) ? Level.REGION : Level.LOCAL, l -> new LinkedHashSet<>()).add(u);
            }
        }
        Map<Level, List<String>> units = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            if (byLevel.containsKey(level)) {
                units.put(level, List.copyOf(byLevel.get(level)));
            }
        }
        return units;
    }

    /** The section's XHTML: empty for a programme without units. */
    static String html(ReportInput input) {
        StringBuilder out = new StringBuilder();
        int listed = input.project().evaluation().settings().unitsListed();
        units(input).forEach((level, units) -> {
            out.append("<h3>").append(esc(level.heading)).append("</h3>\n");
            if (units.size() <= listed) {
                table(input, level, units, out);
            } else {
                summarised(input, level, units, listed, out);
            }
        });
        return out.toString();
    }

    /**
     * A level too large to list: how many units, and where their figures are.
     *
     * <p>The level's funnel plot ({@link FunnelSection}, after the run charts) names the units outside
     * its limits; the sentence points to it when there is one.
     */
    private static void summarised(ReportInput input, Level level, List<String> units, int listed, StringBuilder out) {
        PublishedTable kpis = input.table("kpis");
        int unit = kpis.columnIndex("unit");
        Set<String> these = Set.copyOf(units);
        long rows = kpis.rows().stream().filter(r -> these.contains(r.get(unit).csv())).count();
        out.append("<p>The KPIs of the ").append(Summary.count(units.size())).append(' ').append(esc(level.many))
                .append(" are not listed here: more than ").append(listed).append(" units of one level are summarised"
                        + " (settings: units_listed). Every ").append(esc(level.one)).append("'s figure for every quarter and to"
                        + " date (").append(Summary.count(rows)).append(" rows) is in the workbook's KPIs sheet and in"
                        + " tables/kpis.csv, and each series' run chart limits are in the Run chart data sheet and"
                        + " tables/run_charts.csv. The figures above, for the programme")
                .append(level == Level.LOCAL && units(input).containsKey(Level.REGION) ? " and its regions" : "")
                .append(", are made from all of theirs.</p>\n");
        Funnel.Level compared = level == Level.REGION ? Funnel.Level.REGION : Funnel.Level.AREA;
        if (input.analysis().funnels().stream().anyMatch(f -> f.level() == compared)) {
            out.append("<p>Where the ").append(esc(level.many)).append(" stand against each other is shown under \"Units"
                    + " compared: funnel plots\" below, which names those outside the 99.8% limits.</p>\n");
        }
    }

    /**
     * One row per unit, one column per KPI with units at this level: the figure to date, or, for a
     * KPI whose programme figure cannot be pooled (a mean, a ratio), the latest ended quarter's;
     * the verdict beneath.
     */
    private static void table(ReportInput input, Level level, List<String> units, StringBuilder out) {
        PublishedTable kpis = input.table("kpis");
        int kpi = kpis.columnIndex("kpi");
        int unit = kpis.columnIndex("unit");
        int period = kpis.columnIndex("period");
        int status = kpis.columnIndex("status");
        int value = kpis.columnIndex("value");
        int verdict = kpis.columnIndex("verdict");
        Set<String> these = Set.copyOf(units);
        // Per KPI (in table order) the period shown: to date when the programme has a figure to date, else its latest ended one.
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> latestEnded = new LinkedHashMap<>();
        Set<String> withUnits = new LinkedHashSet<>();
        for (List<PublishedTable.Cell> row : kpis.rows()) {
            String k = row.get(kpi).csv();
            if (these.contains(row.get(unit).csv())) {
                withUnits.add(k);
            }
            if (!row.get(unit).csv().isEmpty()) {
                continue;
            }
            String p = row.get(period).csv();
            if (p.equals(KpiRow.TO_DATE)) {
                if (!row.get(value).csv().isEmpty()) {
                    shown.put(k, p);
                }
            } else if (!row.get(status).csv().startsWith(KpiRow.IN_PROGRESS)) {
                latestEnded.put(k, p);
            }
        }
        List<String> columns = new ArrayList<>(withUnits);
        columns.forEach(k -> shown.putIfAbsent(k, latestEnded.getOrDefault(k, KpiRow.TO_DATE)));
        Map<String, List<PublishedTable.Cell>> cells = new LinkedHashMap<>();
        for (List<PublishedTable.Cell> row : kpis.rows()) {
            String k = row.get(kpi).csv();
            if (these.contains(row.get(unit).csv()) && row.get(period).csv().equals(shown.get(k))) {
                cells.put(row.get(unit).csv() + "\n" + k, row);
            }
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        input.project().theoryOfChange().indicators().forEach(i -> indicators.put(i.id(), i));
        out.append("<p>Each KPI for each ").append(esc(level.one)).append(": its figure to date (every ended quarter pooled),"
                + " or, for a measure that cannot be pooled, its latest ended quarter, as the heading says; the verdict"
                + " against the target beneath. Every quarter is in tables/kpis.csv and the workbook's KPIs sheet.</p>\n");
        // The unit's name a fifth of the width, the KPIs sharing the rest: left to itself the layout gave a
        // count's column too little room and the region names wrapped.
        String width = String.format(java.util.Locale.ROOT, "%.1f", 80.0 / Math.max(1, columns.size()));
        out.append("<table class=\"data small\"><thead><tr><th style=\"width: 20%\">").append(esc(level.column)).append("</th>");
        for (String k : columns) {
            Indicator indicator = indicators.get(k);
            String p = shown.get(k);
            out.append("<th style=\"width: ").append(width).append("%\">").append(esc(indicator == null ? k
                    : indicator.label() + ProvenanceLabels.mark(input.project(), indicator)))
                    .append("<br/><span class=\"note\">").append(esc(p.equals(KpiRow.TO_DATE) ? "to date"
                            : Summary.periodLabel(input.project(), p))).append("</span></th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (String u : units) {
            out.append("<tr><td>").append(esc(u)).append("</td>");
            for (String k : columns) {
                List<PublishedTable.Cell> row = cells.get(u + "\n" + k);
                out.append("<td class=\"num\">");
                if (row != null) {
                    out.append(esc(Summary.cell(row.get(value))));
                    String v = row.get(verdict).csv();
                    if (!v.isEmpty()) {
                        out.append("<br/><span class=\"note\">").append(esc(v)).append("</span>");
                    }
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }
}
