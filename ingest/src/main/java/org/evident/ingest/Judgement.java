package org.evident.ingest;

import java.util.Objects;

import org.evident.toc.Grade;

/**
 * The evaluation team's own grade of one outcome at one period, with its reason: what the team
 * judged, to be shown beside what the rubric gives.
 *
 * @param node   a short- or medium-term outcome of the theory of change
 * @param period a period id of evaluation.yaml
 * @param reason why the team gave the grade, in its own words
 */
public record Judgement(String node, String period, Grade grade, String reason) {
    public Judgement {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(reason, "reason");
    }
}
