package org.evident.toc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One input file of the evaluation and what it holds.
 *
 * @param file   the file, resolved against the project folder
 * @param period for a survey wave, the id of the period it belongs to
 */
public record Source(String id, Type type, Path file, Optional<String> period) {

    /** The kinds of input Evident reads. */
    public enum Type {
        TRACKER, SURVEY, KPI, FINDINGS;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(period, "period");
    }
}
