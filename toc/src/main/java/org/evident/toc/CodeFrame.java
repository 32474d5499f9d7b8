package org.evident.toc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A project's code frame ({@code codeframe.yaml}): the themes that findings and free-text survey
 * answers are coded with, each under a parent of the framework the insight report is written by,
 * the keyword rules that may propose a theme for uncoded text, and how quotes may be attributed.
 *
 * @param framework      what the themes' parents are: the four conditions of success (the LGA's
 *                       insight-and-learning reports) or the evaluation questions of toc.yaml
 * @param themes         in the order the report shows them within their parent
 * @param attribution    what a quote may say about who said it; never a person or a pseudonym
 * @param methodRoles    method id to the role a finding's quote is attributed to, such as "case
 *                       study interviews"; an unlisted method gives "interviews"
 * @param surveyRoles    survey source id to the role its free-text answers are attributed to, such
 *                       as "BCF lead"; an unlisted survey gives "survey respondent"
 * @param quotesPerTheme the most quotes the report shows under one theme
 */
public record CodeFrame(Framework framework, List<Theme> themes, Set<Attribution> attribution, Map<String, String> methodRoles,
                        Map<String, String> surveyRoles,
                        int quotesPerTheme) {

    public static final String FILE = "codeframe.yaml";
    /** How many quotes a theme shows when the code frame does not say. */
    public static final int DEFAULT_QUOTES_PER_THEME = 2;

    public CodeFrame {
        Objects.requireNonNull(framework, "framework");
        themes = List.copyOf(themes);
        attribution = Set.copyOf(attribution);
        methodRoles = Map.copyOf(methodRoles);
        surveyRoles = Map.copyOf(surveyRoles);
        if (quotesPerTheme < 1) {
            throw new IllegalArgumentException("quotesPerTheme must be at least 1, not " + quotesPerTheme);
        }
    }

    /** What a theme's parent is. */
    public enum Framework {
        /** The four conditions of success of the LGA's insight-and-learning reports: the default. */
        CONDITIONS_OF_SUCCESS,
        /** The evaluation questions of toc.yaml, by id. */
        EVALUATION_QUESTIONS;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The four conditions of success, in the order the LGA's reports use. */
    public enum ConditionOfSuccess {
        RELATIONSHIPS("Relationships"),
        DATA_DRIVEN_DECISION_MAKING("Data-driven decision making"),
        EFFECTIVE_ACTIONS_AND_PLANNING("Effective actions and planning"),
        MEASURABLE_RESULTS("Measurable results and sustained improvement");

        private final String label;

        ConditionOfSuccess(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<ConditionOfSuccess> of(String yamlName) {
            for (ConditionOfSuccess c : values()) {
                if (c.yamlName().equals(yamlName)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** What a quote's attribution may include besides nothing at all. */
    public enum Attribution {
        /** The speaker's role, such as "BCF lead" or "system leader". */
        ROLE,
        /** The region of the system the text comes from. */
        REGION;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One theme.
     *
     * @param code     what people write in a data file's {@code themes} column
     * @param parent   a condition of success's yaml name, or an evaluation question's id
     * @param keywords words or phrases whose presence in uncoded text proposes this theme (lower case)
     */
    public record Theme(String code, String label, String parent, List<String> keywords) {
        public Theme {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(parent, "parent");
            keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        }

        /** Whether a keyword of this theme appears in {@code text}, as a whole word or phrase. */
        public boolean proposedFor(String text) {
            String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
            return keywords.stream().anyMatch(k -> lower.contains(" " + k.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " "));
        }
    }

    public Optional<Theme> theme(String code) {
        return themes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The theme codes, in the code frame's order. */
    public List<String> codes() {
        return themes.stream().map(Theme::code).toList();
    }

    /** The parents in the framework's order: the conditions of success, or the questions that have themes. */
    public List<String> parents(TheoryOfChange toc) {
        return switch (framework) {
            case CONDITIONS_OF_SUCCESS -> java.util.Arrays.stream(ConditionOfSuccess.values()).map(ConditionOfSuccess::yamlName)
                    .toList();
            case EVALUATION_QUESTIONS -> toc.questions().stream().map(EvaluationQuestion::id).toList();
        };
    }

    /** A parent's heading: the condition of success's label, or the question's id and text. */
    public String parentLabel(String parent, TheoryOfChange toc) {
        return switch (framework) {
            case CONDITIONS_OF_SUCCESS -> ConditionOfSuccess.of(parent).map(ConditionOfSuccess::label).orElse(parent);
            case EVALUATION_QUESTIONS -> toc.questions().stream().filter(q -> q.id().equals(parent)).findFirst()
                    .map(q -> q.id() + ": " + q.text()).orElse(parent);
        };
    }

    /** The role a finding's quote is attributed to, by the finding's method. */
    public String methodRole(String method) {
        return methodRoles.getOrDefault(method, "interviews");
    }

    /** The role a free-text survey answer is attributed to, by its survey source. */
    public String surveyRole(String source) {
        return surveyRoles.getOrDefault(source, "survey respondent");
    }

    /** "BCF lead, North West": the parts of a quote's attribution the project allows, blank parts left out. */
    public String attribute(String role, String region) {
        StringBuilder text = new StringBuilder();
        if (attribution.contains(Attribution.ROLE) && !role.isBlank()) {
            text.append(role);
        }
        if (attribution.contains(Attribution.REGION) && !region.isBlank()) {
            text.append(text.length() == 0 ? "" : ", ").append(region);
        }
        return text.toString();
    }
}
