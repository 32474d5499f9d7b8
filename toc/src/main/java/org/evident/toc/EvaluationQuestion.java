package org.evident.toc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An evaluation question, the nodes it addresses, and how each method serves it.
 *
 * @param methods method id to its role; methods not listed are not used for this question
 */
public record EvaluationQuestion(String id, Kind kind, String text, List<String> nodes, Map<String, Role> methods) {

    /** Process questions ask how delivery went; impact questions ask what it changed. */
    public enum Kind {
        PROCESS, IMPACT;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How much a method contributes to answering a question (Table 1's cells). */
    public enum Role {
        MAIN, SUPPLEMENTARY, NOT_USED;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EvaluationQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        nodes = List.copyOf(nodes);
        methods = Map.copyOf(methods);
    }

    /** The role of {@code methodId}, {@link Role#NOT_USED} when the question does not list it. */
    public Role role(String methodId) {
        return methods.getOrDefault(methodId, Role.NOT_USED);
    }
}
