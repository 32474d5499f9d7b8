package org.evident.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.evident.ingest.CodedText;
import org.evident.ingest.Finding;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Lesson;
import org.evident.ingest.PersonalDataKind;
import org.evident.toc.CodeFrame;
import org.evident.toc.EvaluationProject;
import org.evident.toc.TheoryOfChange;

/**
 * What the qualitative data says by theme of the project's code frame: how many items people
 * coded with each theme (and how many more its keyword rules would propose), the quotes the
 * report shows under each theme, and the lessons and recommendations with the evidence they rest on.
 * Empty when the project has no code frame.
 *
 * <p>The quote rule, per theme in the code frame's order: the candidates are the findings with a
 * verbatim quote and the free-text survey answers that people coded with the theme (never one a
 * keyword only proposed), findings first, each in file order, then any text of fewer than
 * {@value #MIN_WORDS} words moved to the end (a label such as "Completed" says nothing). The first pass takes the first
 * finding and the first survey answer; the next takes, in order, candidates from a source not yet
 * quoted (a finding's document reference, or a survey's region); the last takes the rest in
 * order; the theme stops at the code frame's {@code quotes_per_theme}. Each quote is attributed
 * only by what the code frame's {@code attribution} allows (role, region), never by a person or a
 * respondent's pseudonym.
 *
 * <p>Personal data: the texts arrive redacted (ingest replaces names, e-mail addresses, phone and NHS numbers,
 * postcodes and personal web addresses with placeholders as it reads them), so a quote is chosen from what
 * will be published; a text more than half of whose words are placeholders is never quoted. The
 * attribution is k-anonymous: its region is named only when at least k respondents of the source share it
 * (a survey's accepted respondents in that region; a finding's {@code cases}), else it says "England"; a
 * survey's role only when the wave has at least k respondents, else "respondent". k is {@code personal_data:
 * attribution_k} (default 5), at least 8 under the {@code nhs} suppression rule and 5 under {@code fewer-than-5},
 * so an attribution never names a group the tables would hide.
 *
 * @param counts  per theme, one row per source with coded or proposed items, then the theme's total
 * @param quotes  the chosen quotes, theme by theme
 * @param lessons the lessons in file order, numbered from 1
 * @param attributionK how many respondents must share a region or role before a quote's attribution names it
 */
public record Insights(Optional<CodeFrame> codeFrame, List<ThemeCount> counts, List<Quote> quotes, List<LessonRow> lessons,
                       int attributionK) {

    /** Texts shorter than this many words are quoted only when nothing longer is left. */
    static final int MIN_WORDS = 6;
    /** A region generalised for k-anonymity. */
    static final String ALL_REGIONS = "England";
    /** A survey's role generalised for k-anonymity. */
    static final String ANY_ROLE = "respondent";
    private static final java.util.Set<String> PLACEHOLDERS = java.util.Arrays.stream(PersonalDataKind.values())
            .map(PersonalDataKind::placeholder).collect(Collectors.toSet());

    public static final Insights NONE = new Insights(Optional.empty(), List.of(), List.of(), List.of(),
            org.evident.toc.PersonalDataSettings.DEFAULT_K);

    public Insights {
        Objects.requireNonNull(codeFrame, "codeFrame");
        counts = List.copyOf(counts);
        quotes = List.copyOf(quotes);
        lessons = List.copyOf(lessons);
    }

    /**
     * A theme's items from one source, or all sources ({@link Delivery#TOTAL}).
     *
     * @param coded    items people coded with the theme
     * @param proposed items no person coded at all that the theme's keywords propose it for
     * @param quoted   quotes the report shows under the theme
     */
    public record ThemeCount(String theme, String label, String parent, String source, long coded, long proposed, long quoted) {
    }

    /** A quote under a theme, attributed only as the code frame allows ("BCF lead, North West"). */
    public record Quote(String theme, String text, String attribution, CodedText.Kind kind, String source) {
    }

    /**
     * A lesson with its theme's names and what its evidence comes to.
     *
     * @param findings         the evidence references that are finding ids, in the lesson's order
     * @param documents        the other references (pages of a report, say), in the lesson's order
     * @param evidenceSummary  "3 findings (2 from case study interviews ...); evaluation section 7": the
     *                         report's words for the evidence, without internal ids
     */
    public record LessonRow(int number, String theme, String themeLabel, String parent, Lesson lesson, List<String> findings,
                            List<String> documents, String evidenceSummary) {
    }

    static Insights of(EvaluationProject project, IngestResult data) {
        if (project.codeFrame().isEmpty()) {
            return NONE;
        }
        CodeFrame frame = project.codeFrame().get();
        TheoryOfChange toc = project.theoryOfChange();
        List<Quote> quotes = new ArrayList<>();
        int k = project.evaluation().personalData().effectiveK(project.evaluation().settings().suppression());
        for (CodeFrame.Theme theme : frame.themes()) {
            quotes.addAll(quotes(frame, theme, data.codedTexts(), k));
        }
        return new Insights(project.codeFrame(), counts(frame, toc, data.codedTexts(), quotes), quotes,
                lessons(frame, toc, data.lessons(), data.findings()), k);
    }

    private static List<ThemeCount> counts(CodeFrame frame, TheoryOfChange toc, List<CodedText> texts, List<Quote> quotes) {
        List<String> sources = texts.stream().map(CodedText::source).distinct().toList();
        List<ThemeCount> rows = new ArrayList<>();
        for (CodeFrame.Theme theme : frame.themes()) {
            String parent = frame.parentLabel(theme.parent(), toc);
            long[] total = new long[3];
            for (String source : sources) {
                List<CodedText> from = texts.stream().filter(t -> t.source().equals(source)).toList();
                long coded = from.stream().filter(t -> t.themes().contains(theme.code())).count();
                long proposed = from.stream().filter(t -> t.themes().isEmpty() && theme.proposedFor(t.text())).count();
                long quoted = quotes.stream().filter(q -> q.theme().equals(theme.code()) && q.source().equals(source)).count();
                if (coded + proposed > 0) {
                    rows.add(new ThemeCount(theme.code(), theme.label(), parent, source, coded, proposed, quoted));
                }
                total[0] += coded;
                total[1] += proposed;
                total[2] += quoted;
            }
            rows.add(new ThemeCount(theme.code(), theme.label(), parent, Delivery.TOTAL, total[0], total[1], total[2]));
        }
        return rows;
    }

    /** The quote rule of the class comment, for one theme. */
    static List<Quote> quotes(CodeFrame frame, CodeFrame.Theme theme, List<CodedText> texts, int k) {
        List<CodedText> candidates = new ArrayList<>();
        texts.stream().filter(t -> t.kind() == CodedText.Kind.FINDING).forEach(candidates::add);
        texts.stream().filter(t -> t.kind() == CodedText.Kind.SURVEY_COMMENT).forEach(candidates::add);
        candidates.removeIf(t -> t.text().isBlank() || !t.themes().contains(theme.code()) || mostlyRedacted(t.text()));
        candidates.sort(java.util.Comparator.comparing(t -> words(t.text()) - placeholders(t.text()) < MIN_WORDS));
        List<CodedText> chosen = new ArrayList<>();
        Set<CodedText.Kind> kinds = new HashSet<>();
        for (CodedText t : candidates) {
            if (kinds.add(t.kind())) {
                chosen.add(t);
            }
        }
        Set<String> places = chosen.stream().map(Insights::place).collect(Collectors.toCollection(HashSet::new));
        for (CodedText t : candidates) {
            if (!chosen.contains(t) && places.add(place(t))) {
                chosen.add(t);
            }
        }
        candidates.stream().filter(t -> !chosen.contains(t)).forEach(chosen::add);
        return chosen.stream().limit(frame.quotesPerTheme()).map(t -> new Quote(theme.code(), t.text().strip(),
                attribution(frame, t, k), t.kind(), t.source())).toList();
    }

    /**
     * "BCF lead, North West" when at least k respondents stand behind it; the region generalised to England
     * when fewer share it, and a survey's role to "respondent" when its whole wave is smaller than k.
     */
    static String attribution(CodeFrame frame, CodedText t, int k) {
        boolean finding = t.kind() == CodedText.Kind.FINDING;
        String role = finding ? frame.methodRole(t.method()) : frame.surveyRole(t.source());
        if (!finding && t.roleGroup() < k) {
            role = ANY_ROLE;
        }
        String region = t.region().isBlank() || t.regionGroup() >= k ? t.region() : ALL_REGIONS;
        return frame.attribute(role, region);
    }

    /** Whether more than half of a text's words are placeholders of redacted personal data. */
    static boolean mostlyRedacted(String text) {
        return 2 * placeholders(text) > words(text);
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** Placeholders such as "[name]" and "[NHS number]" (two words as written, one redaction). */
    private static int placeholders(String text) {
        int count = 0;
        for (String placeholder : PLACEHOLDERS) {
            for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
                count += placeholder.split(" ").length;
            }
        }
        return count;
    }

    /** Where a text comes from, for preferring quotes from different places: the document part, or the region. */
    private static String place(CodedText t) {
        return t.kind() + "|" + (t.kind() == CodedText.Kind.FINDING ? t.sourceRef() : t.region());
    }

    private static List<LessonRow> lessons(CodeFrame frame, TheoryOfChange toc, List<Lesson> lessons, List<Finding> findings) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.put(f.id(), f));
        Map<String, String> methodLabels = new LinkedHashMap<>();
        toc.methods().forEach(m -> methodLabels.put(m.id(), m.label()));
        List<LessonRow> rows = new ArrayList<>();
        for (Lesson lesson : lessons) {
            CodeFrame.Theme theme = frame.theme(lesson.theme()).orElseThrow();
            List<String> found = lesson.evidence().stream().filter(byId::containsKey).toList();
            List<String> documents = lesson.evidence().stream().filter(r -> !byId.containsKey(r)).toList();
            rows.add(new LessonRow(rows.size() + 1, theme.code(), theme.label(), frame.parentLabel(theme.parent(), toc), lesson,
                    found, documents, summary(found.stream().map(byId::get).toList(), documents, methodLabels)));
        }
        return rows;
    }

    /** "3 findings (2 from case study interviews with systems, 1 from the survey ...); evaluation section 7". */
    static String summary(List<Finding> findings, List<String> documents, Map<String, String> methodLabels) {
        List<String> parts = new ArrayList<>();
        if (!findings.isEmpty()) {
            Map<String, Long> byMethod = new LinkedHashMap<>();
            findings.forEach(f -> byMethod.merge(f.method(), 1L, Long::sum));
            String methods = byMethod.entrySet().stream()
                    .map(e -> e.getValue() + " from " + lowerFirst(methodLabels.getOrDefault(e.getKey(), e.getKey())))
                    .collect(Collectors.joining(", "));
            parts.add(findings.size() + (findings.size() == 1 ? " finding" : " findings")
                    + (byMethod.size() == 1 ? " from " + lowerFirst(methodLabels.getOrDefault(findings.get(0).method(),
                    findings.get(0).method())) : " (" + methods + ")"));
        }
        if (!documents.isEmpty()) {
            parts.add(String.join("; ", documents));
        }
        return String.join("; ", parts);
    }

    /** "case study interviews" from "Case study interviews", but "BCMs" stays as it is. */
    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }

    /** The quotes under one theme, in the order chosen. */
    public List<Quote> quotes(String theme) {
        return quotes.stream().filter(q -> q.theme().equals(theme)).toList();
    }

    /** The lessons under one theme, in file order. */
    public List<LessonRow> lessons(String theme) {
        return lessons.stream().filter(l -> l.theme().equals(theme)).toList();
    }
}
