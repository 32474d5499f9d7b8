package org.evident.toc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/** Reads a rubric file, reporting every problem with its line and column. */
final class RubricReader {
    private static final Set<String> TOP = Set.of("name", "rules", "weights");
    private static final Set<String> WEIGHTS = Set.of("minor", "moderate", "serious", "few_cases", "many_cases", "mixed");
    private static final Set<String> RULE = Set.of("id", "grade", "text", "when");
    private static final Set<String> WHEN = Set.of("min_supporting_methods", "min_supporting", "max_supporting",
            "min_contradicting", "max_contradicting", "contradicting_exceeds_supporting");

    private RubricReader() {
    }

    static Optional<Rubric> read(YamlFile yaml) {
        Optional<YamlFile.Fields> top = yaml.root().flatMap(r -> yaml.fields(r, "rubric", TOP));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        String name = top.get().optionalText("name").orElse(yaml.name());
        List<Rubric.Rule> rules = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        top.get().required("rules").ifPresent(list -> {
            List<Node> items = yaml.items(list, "rubric rules");
            if (items.isEmpty() && list instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                yaml.error(list, "rubric rules: a rubric needs at least one rule");
            }
            for (Node item : items) {
                yaml.fields(item, "rule", RULE).ifPresent(f -> {
                    Optional<String> id = f.requiredText("id");
                    Optional<Grade> grade = f.requiredValue("grade", "one of " + Grade.fileNames(" | "),
                            s -> Grade.fromFileName(s).orElseThrow());
                    Optional<String> text = f.requiredText("text");
                    Rubric.Conditions when = f.get("when").flatMap(w -> yaml.fields(w, "rule when", WHEN))
                            .map(w -> new Rubric.Conditions(count(w, "min_supporting_methods"), count(w, "min_supporting"),
                                    count(w, "max_supporting"), count(w, "min_contradicting"), count(w, "max_contradicting"),
                                    w.get("contradicting_exceeds_supporting").isPresent()
                                            ? Optional.of(w.flag("contradicting_exceeds_supporting")) : Optional.empty()))
                            .orElse(Rubric.Conditions.ALWAYS);
                    if (id.isPresent() && seen.putIfAbsent(id.get(), item) != null) {
                        yaml.error(f.get("id").orElseThrow(), "rule: id '" + id.get() + "' is used twice");
                    } else if (id.isPresent() && grade.isPresent() && text.isPresent()) {
                        rules.add(new Rubric.Rule(id.get(), grade.get(), text.get(), when));
                    }
                });
            }
        });
        Rubric.Weights weights = top.get().get("weights").flatMap(w -> yaml.fields(w, "rubric weights", WEIGHTS))
                .map(RubricReader::weights).orElse(Rubric.Weights.DEFAULT);
        return rules.isEmpty() ? Optional.empty() : Optional.of(new Rubric(name, rules, weights));
    }

    /** Each weight given replaces the default's; the rest are the default's. */
    private static Rubric.Weights weights(YamlFile.Fields w) {
        Rubric.Weights d = Rubric.Weights.DEFAULT;
        return new Rubric.Weights(weight(w, "minor", d.minor()), weight(w, "moderate", d.moderate()),
                weight(w, "serious", d.serious()), weight(w, "few_cases", d.fewCases()), weight(w, "many_cases", d.manyCases()),
                w.optionalValue("mixed", "neither or half", s -> Rubric.Weights.Mixed.valueOf(s.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(d.mixed()));
    }

    private static double weight(YamlFile.Fields w, String key, double otherwise) {
        return w.optionalValue(key, "a number, 0 or more", s -> {
            double n = Double.parseDouble(s);
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException(s);
            }
            return n;
        }).orElse(otherwise);
    }

    private static OptionalInt count(YamlFile.Fields f, String key) {
        return f.optionalValue(key, "a whole number, 0 or more", s -> {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw new IllegalArgumentException(s);
            }
            return n;
        }).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
