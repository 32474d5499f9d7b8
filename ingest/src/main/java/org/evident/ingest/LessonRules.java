package org.evident.ingest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.evident.toc.CodeFrame;

/** The checks on one row of lessons and recommendations: a theme of the code frame, a lesson, the evidence. */
final class LessonRules {
    static final Map<String, Boolean> COLUMNS = columns();

    private LessonRules() {
    }

    private static Map<String, Boolean> columns() {
        Map<String, Boolean> c = new LinkedHashMap<>();
        c.put("theme", true);
        c.put("lesson", true);
        c.put("recommendation", false);
        c.put("owner", false);
        c.put("evidence", false);
        return c;
    }

    static Optional<Lesson> check(Row row, Optional<CodeFrame> frame) {
        String theme = row.text("theme").strip();
        if (frame.isEmpty()) {
            row.reject("theme", theme, "lessons without a code frame", "a " + CodeFrame.FILE + " in the project listing the themes");
        } else if (frame.get().theme(theme).isEmpty()) {
            row.reject("theme", theme, theme.isEmpty() ? "no theme" : "unknown theme code",
                    "a theme code of " + CodeFrame.FILE + ": " + String.join(", ", frame.get().codes()));
        }
        String lesson = row.freeText("lesson").strip();
        if (lesson.isEmpty()) {
            row.reject("lesson", "", "no lesson", "what was learned, in a sentence or two");
        }
        String recommendation = row.freeText("recommendation").strip();
        String owner = row.freeText("owner").strip();
        if (!owner.isEmpty() && recommendation.isEmpty()) {
            row.reject("owner", owner, "an owner without a recommendation", "a recommendation for the owner, or no owner");
        }
        if (!row.accepted()) {
            return Optional.empty();
        }
        return Optional.of(new Lesson(theme, lesson, recommendation, owner,
                Arrays.stream(row.freeText("evidence").split(CodedText.SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty())
                        .toList()));
    }
}
