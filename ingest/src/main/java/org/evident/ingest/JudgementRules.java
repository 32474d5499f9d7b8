package org.evident.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.toc.Grade;

/** The checks on one row of the evaluators' judgements: a graded outcome, a period, a grade by its file name, a reason. */
final class JudgementRules {
    static final Map<String, Boolean> COLUMNS = columns();

    private JudgementRules() {
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("node", true);
        c.put("period", true);
        c.put("grade", true);
        c.put("reason", true);
        return c;
    }

    /**
     * @param periods  the assessment periods' ids
     * @param outcomes the graded nodes (short- and medium-term outcomes): a judgement of anything else
     *                 could not be set beside a rule's grade
     */
    static Optional<Judgement> check(Row row, Set<String> outcomes, Set<String> periods) {
        String node = row.text("node");
        if (!outcomes.contains(node)) {
            row.reject("node", node, node.isEmpty() ? "no node" : "unknown node",
                    "the id of a short- or medium-term outcome of toc.yaml");
        }
        String period = row.text("period");
        if (!periods.contains(period)) {
            row.reject("period", period, period.isEmpty() ? "no period" : "unknown period",
                    "an assessment period of evaluation.yaml (its phases, if it has any): " + String.join(", ", periods));
        }
        String text = row.text("grade");
        Optional<Grade> grade = Grade.fromFileName(text.strip().toLowerCase(Locale.ROOT));
        if (grade.isEmpty()) {
            row.reject("grade", text, text.isEmpty() ? "no grade" : "unknown grade", Grade.fileNames(", "));
        }
        String reason = row.freeText("reason").strip();
        if (reason.isEmpty()) {
            row.reject("reason", "", "no reason", "why the evaluation team gave the grade");
        }
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new Judgement(node, period, grade.get(), reason));
    }
}
