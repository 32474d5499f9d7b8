package org.evident.ingest;

/** A free-text survey answer, kept as text (never as a formula), with the respondent's pseudonym. */
public record FreeTextAnswer(String source, String period, String item, String respondent, String text) {
}
