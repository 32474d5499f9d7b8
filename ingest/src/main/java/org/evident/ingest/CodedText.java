package org.evident.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.evident.toc.EvidenceDirection;

/**
 * A text that can carry theme codes: a finding's verbatim quote, or a free-text survey answer. It
 * holds no respondent identifier, not even a pseudonym: quotes are attributed only by role and region.
 *
 * @param source     the source id of evaluation.yaml
 * @param finding    the finding's id; empty for a survey answer
 * @param method     the finding's method id; empty for a survey answer
 * @param sourceRef  where in the documents a finding comes from ("Appendix 1, case study 3 (Suffolk)"); empty for a survey answer
 * @param direction  whether a finding supports or contradicts its node; empty for a survey answer
 * @param region     the row's {@code region} cell, blank when the file has none
 * @param themes     the theme codes people gave in the row's {@code themes} column, in their order
 * @param regionGroup how many people stand behind an attribution to the text's source and region: for a survey
 *                    answer, the wave's accepted respondents in that region; for a finding, its {@code cases}; 0 when
 *                    not known (a finding without cases)
 * @param roleGroup   how many stand behind an attribution to its role alone: for a survey answer, the wave's
 *                    accepted respondents; 0 for a finding, whose role is a method of the evaluation, not a group of people
 */
public record CodedText(Kind kind, String source, Optional<String> finding, String method, String sourceRef,
                        Optional<EvidenceDirection> direction, String text, String region, List<String> themes,
                        int regionGroup, int roleGroup) {

    /** Where the text comes from. */
    public enum Kind {
        FINDING, SURVEY_COMMENT
    }

    /** The column holding theme codes, separated by {@link #SEPARATOR}, in findings and survey files. */
    static final String THEMES_COLUMN = "themes";
    /** The column holding the region a quote may be attributed to. */
    static final String REGION_COLUMN = "region";
    static final String SEPARATOR = ";";

    public CodedText {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(region, "region");
        themes = List.copyOf(themes);
    }

    /** A text whose groups are not known. */
    public CodedText(Kind kind, String source, Optional<String> finding, String method, String sourceRef,
                     Optional<EvidenceDirection> direction, String text, String region, List<String> themes) {
        this(kind, source, finding, method, sourceRef, direction, text, region, themes, 0, 0);
    }

    /** The theme codes in a row's themes column; an unknown code rejects the row, naming the value. */
    static List<String> themes(Row row, Optional<org.evident.toc.CodeFrame> frame) {
        if (!row.has(THEMES_COLUMN)) {
            return List.of();
        }
        List<String> codes = new java.util.ArrayList<>();
        for (String part : row.text(THEMES_COLUMN).split(SEPARATOR)) {
            String code = part.strip();
            if (code.isEmpty() || codes.contains(code)) {
                continue;
            }
            if (frame.isEmpty()) {
                row.reject(THEMES_COLUMN, code, "theme code without a code frame",
                        "no themes, or a " + org.evident.toc.CodeFrame.FILE + " in the project listing the codes");
            } else if (frame.get().theme(code).isEmpty()) {
                row.reject(THEMES_COLUMN, code, "unknown theme code",
                        "theme codes of " + org.evident.toc.CodeFrame.FILE + " separated by '" + SEPARATOR + "': "
                                + String.join(", ", frame.get().codes()));
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    static String region(Row row) {
        return row.has(REGION_COLUMN) ? row.text(REGION_COLUMN).strip() : "";
    }
}
