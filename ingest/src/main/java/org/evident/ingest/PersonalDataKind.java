package org.evident.ingest;

import java.util.Locale;

/** A kind of personal data found in free text, with what replaces it in every output. */
public enum PersonalDataKind {
    NAME("[name]"),
    EMAIL("[email]"),
    PHONE("[phone]"),
    NHS_NUMBER("[NHS number]"),
    POSTCODE("[postcode]"),
    /** A web address whose path points at a person: a social-media profile, a home page ({@code /~jane}), a staff page. */
    URL("[url]");

    private final String placeholder;

    PersonalDataKind(String placeholder) {
        this.placeholder = placeholder;
    }

    /** What the published text shows instead: {@code [name]}, {@code [NHS number]}... */
    public String placeholder() {
        return placeholder;
    }

    /** The word in personal_data.csv's {@code kind} column: {@code name}, {@code nhs_number}... */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
