package org.evident.reports;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.Provenance;

/**
 * The labels that keep synthetic, illustrative or provisional figures from being read as real:
 * a banner above them, a header on every page they are on, a mark after each one's name.
 */
final class ProvenanceLabels {
    /** The named page (CSS paged media) whose header carries the label: every page of a labelled section. */
    static final String PAGE = "labelled-pages";

    private ProvenanceLabels() {
    }

    /** The provenances of the sources behind {@code indicators}, in the enum's order. */
    static Set<Provenance> of(EvaluationProject project, Collection<Indicator> indicators) {
        return indicators.stream().flatMap(i -> project.provenance(i).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** "Illustrative data: invented figures, not real returns; not the Department of Health and Social Care's figures." */
    static String text(EvaluationProject project, Provenance provenance) {
        return provenance.label() + ": " + provenance.meaning()
                + project.evaluation().organisation().map(o -> "; not the " + o + "'s figures").orElse("") + ".";
    }

    /** The banner above labelled figures, as XHTML. */
    static String banner(EvaluationProject project, Provenance provenance) {
        return "<p class=\"provenance\"><strong>" + ReportHtml.esc(provenance.label()) + ":</strong> "
                + ReportHtml.esc(text(project, provenance).substring(provenance.label().length() + 2)) + "</p>\n";
    }

    /** The mark after a labelled figure's name: " (illustrative data)". */
    static String mark(EvaluationProject project, Indicator indicator) {
        return project.provenance(indicator).map(p -> " (" + p.label().toLowerCase(Locale.UK) + ")").orElse("");
    }

    /**
     * The page header of a labelled section: every page of it says, at the top right, which kinds of
     * figures it shows, so that a page printed or quoted on its own still carries the label.
     */
    static String css(Set<Provenance> provenances) {
        if (provenances.isEmpty()) {
            return "";
        }
        String labels = provenances.stream().map(p -> p.label().replace(" data", "").toLowerCase(Locale.UK))
                .collect(Collectors.joining(" and "));
        String text = Character.toUpperCase(labels.charAt(0)) + labels.substring(1) + " data on this page: not real figures";
        return "@page " + PAGE + " { @top-right { content: \"" + text.replace("\"", "'") + "\"; font-family: 'DejaVu Sans';"
                + " font-size: 8pt; font-weight: bold; color: #b30000; } }\n"
                + "." + PAGE + " { page: " + PAGE + "; }\n";
    }
}
