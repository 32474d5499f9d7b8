package org.evident.toc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code codeframe.yaml}, reporting every problem with its line and column. */
final class CodeFrameReader {
    private static final Set<String> TOP = Set.of("framework", "attribution", "method_roles", "survey_roles", "quotes_per_theme",
            "themes");
    private static final Set<String> THEME = Set.of("code", "label", "parent", "keywords");

    private CodeFrameReader() {
    }

    static Optional<CodeFrame> read(YamlFile yaml, TheoryOfChange toc) {
        Optional<YamlFile.Fields> top = yaml.root().flatMap(r -> yaml.fields(r, "code frame", TOP));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlFile.Fields f = top.get();
        CodeFrame.Framework framework = f.optionalValue("framework", "conditions-of-success or evaluation-questions",
                s -> CodeFrame.Framework.valueOf(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_')))
                .orElse(CodeFrame.Framework.CONDITIONS_OF_SUCCESS);
        Set<CodeFrame.Attribution> attribution = EnumSet.noneOf(CodeFrame.Attribution.class);
        if (f.get("attribution").isEmpty()) {
            attribution.add(CodeFrame.Attribution.ROLE);
        }
        for (YamlFile.Scalar s : f.optionalTexts("attribution")) {
            try {
                attribution.add(CodeFrame.Attribution.valueOf(s.value().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                yaml.error(s.node(), "code frame attribution: '" + s.value() + "' is not role or region (a quote is never"
                        + " attributed to a person)");
            }
        }
        Set<String> methods = toc.methods().stream().map(Method::id).collect(java.util.stream.Collectors.toSet());
        Map<String, String> methodRoles = roles(yaml, f, "method_roles", methods);
        Map<String, String> surveyRoles = roles(yaml, f, "survey_roles", null);
        int quotes = f.optionalValue("quotes_per_theme", "a whole number, 1 or more", s -> {
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw new IllegalArgumentException(s);
            }
            return n;
        }).orElse(CodeFrame.DEFAULT_QUOTES_PER_THEME);
        Set<String> parents = Set.copyOf(switch (framework) {
            case CONDITIONS_OF_SUCCESS -> java.util.Arrays.stream(CodeFrame.ConditionOfSuccess.values())
                    .map(CodeFrame.ConditionOfSuccess::yamlName).toList();
            case EVALUATION_QUESTIONS -> toc.questions().stream().map(EvaluationQuestion::id).toList();
        });
        List<CodeFrame.Theme> themes = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        f.required("themes").ifPresent(list -> {
            for (Node item : yaml.items(list, "code frame themes")) {
                yaml.fields(item, "theme", THEME).ifPresent(t -> {
                    Optional<String> code = t.requiredText("code");
                    Optional<String> label = t.requiredText("label");
                    Optional<String> parent = t.requiredText("parent");
                    parent.filter(p -> !parents.contains(p)).ifPresent(p -> yaml.error(t.get("parent").orElseThrow(),
                            "theme parent: '" + p + "' is not one of the " + framework.yamlName() + ": "
                                    + String.join(", ", new java.util.TreeSet<>(parents))));
                    List<String> keywords = t.optionalTexts("keywords").stream().map(YamlFile.Scalar::value).toList();
                    if (code.isPresent() && seen.putIfAbsent(code.get(), item) != null) {
                        yaml.error(t.get("code").orElseThrow(), "theme: code '" + code.get() + "' is used twice (first at line "
                                + YamlFile.line(seen.get(code.get())) + ")");
                    } else if (code.isPresent() && code.get().contains(";")) {
                        yaml.error(t.get("code").orElseThrow(), "theme: code '" + code.get()
                                + "' contains ';', which separates codes in a themes column");
                    } else if (code.isPresent() && label.isPresent() && parent.filter(parents::contains).isPresent()) {
                        themes.add(new CodeFrame.Theme(code.get(), label.get(), parent.get(), keywords));
                    }
                });
            }
            if (themes.isEmpty() && seen.isEmpty()) {
                yaml.error(list, "code frame themes: a code frame needs at least one theme");
            }
        });
        return themes.isEmpty() ? Optional.empty()
                : Optional.of(new CodeFrame(framework, themes, attribution, methodRoles, surveyRoles, quotes));
    }

    /** A mapping of ids to role names; with {@code known}, every key must be one of them. */
    private static Map<String, String> roles(YamlFile yaml, YamlFile.Fields f, String key, Set<String> known) {
        Map<String, String> roles = new LinkedHashMap<>();
        f.get(key).flatMap(r -> yaml.fields(r, "code frame " + key, known)).ifPresent(r -> {
            for (String id : r.keys()) {
                r.optionalText(id).ifPresent(role -> roles.put(id, role));
            }
        });
        return roles;
    }
}
