package org.evident.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A lesson the programme learned, under a theme of the code frame, with what to do about it.
 *
 * @param recommendation what to do; blank when the lesson carries none
 * @param owner          who should do it; blank when the recommendation names no one
 * @param evidence       what the lesson rests on: finding ids of the findings source, or references to
 *                       documents (such as "evaluation p. 52"), in the file's order
 */
public record Lesson(String theme, String lesson, String recommendation, String owner, List<String> evidence) {
    public Lesson {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(owner, "owner");
        evidence = List.copyOf(evidence);
    }
}
