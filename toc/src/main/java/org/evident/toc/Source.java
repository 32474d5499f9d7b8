package org.evident.toc;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One input file of the evaluation and what it holds.
 *
 * @param file   the file, resolved against the project folder
 * @param period     for a survey wave, the id of the period it belongs to
 * @param sheet      for an XLSX file, the sheet to read (default: the first)
 * @param columns    aliases: canonical column name to the other header names it may have
 * @param respondent for a survey, the column holding the respondent identifier
 * @param items      for a survey, its questions
 * @param population for a survey, the number of units the respondents are drawn from, when
 *                   known: intervals are then for a finite population
 * @param groups     for a survey, columns to break every item down by (e.g. region), besides the
 *                   whole wave
 * @param records    for a record-level source, how records are dated, placed and measured; its
 *                   {@code file} is then a folder of CSV or Parquet files (or one such file)
 * @param provenance when the numbers are not (or not yet) real: synthetic, illustrative or provisional
 * @param neighbours for a neighbours source, how its file names each area's comparable areas
 */
public record Source(String id, Type type, Path file, Optional<String> period, Optional<String> sheet,
                     Map<String, List<String>> columns, String respondent, List<SurveyItem> items,
                     java.util.OptionalLong population, List<String> groups,
                     Optional<RecordLayout> records, Optional<Provenance> provenance,
                     Optional<NeighbourLayout> neighbours) {

    /** The kinds of input Evident reads. */
    public enum Type {
        TRACKER, SURVEY, KPI, FINDINGS, RECORDS,
        /** The evaluation team's own grade per outcome and period, with its reason, beside the rubric's. */
        JUDGEMENTS,
        /** Lessons and recommendations by theme of the code frame, with the evidence each rests on. */
        LESSONS,
        /** Each area's comparable areas (statistical neighbours), to set an area's KPI values beside theirs. */
        NEIGHBOURS;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(sheet, "sheet");
        columns = Map.copyOf(columns);
        Objects.requireNonNull(respondent, "respondent");
        items = List.copyOf(items);
        Objects.requireNonNull(population, "population");
        groups = List.copyOf(groups);
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(provenance, "provenance");
        if ((type == Type.RECORDS) != records.isPresent()) {
            throw new IllegalArgumentException("source " + id + ": a records source, and only one, has a record layout");
        }
        if ((type == Type.NEIGHBOURS) != neighbours.isPresent()) {
            throw new IllegalArgumentException("source " + id + ": a neighbours source, and only one, has a neighbour layout");
        }
    }

    /** A source that is not a neighbours source. */
    public Source(String id, Type type, Path file, Optional<String> period, Optional<String> sheet,
                  Map<String, List<String>> columns, String respondent, List<SurveyItem> items,
                  java.util.OptionalLong population, List<String> groups,
                  Optional<RecordLayout> records, Optional<Provenance> provenance) {
        this(id, type, file, period, sheet, columns, respondent, items, population, groups, records, provenance, Optional.empty());
    }

    /** A source with no aliases, sheet or survey items: the plain case, for tests and tools. */
    public static Source of(String id, Type type, Path file) {
        return new Source(id, type, file, Optional.empty(), Optional.empty(), Map.of(), "respondent_id", List.of(),
                java.util.OptionalLong.empty(), List.of(),
                Optional.empty(), Optional.empty());
    }
}
