package org.evident.toc;

import java.util.Locale;

/**
 * How far a source's numbers can be taken as real: a source that declares one of these is labelled
 * as such wherever its numbers appear (report pages, charts, workbook sheets), so that invented or
 * unconfirmed figures are never read as the organisation's own.
 */
public enum Provenance {
    /** Generated, not collected: shows what the toolkit does, says nothing about the programme. */
    SYNTHETIC("Synthetic data", "generated figures, not real data"),
    /** Made up to look plausible where the real figures were not available. */
    ILLUSTRATIVE("Illustrative data", "invented figures, not real returns"),
    /** Real but not yet confirmed: may change when the final returns are in. */
    PROVISIONAL("Provisional data", "figures not yet confirmed, which may change");

    private final String label;
    private final String meaning;

    Provenance(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** As the project file spells it: {@code synthetic}, {@code illustrative}, {@code provisional}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Synthetic data", the banner's first words. */
    public String label() {
        return label;
    }

    /** What the label means, in plain words, after it. */
    public String meaning() {
        return meaning;
    }
}
