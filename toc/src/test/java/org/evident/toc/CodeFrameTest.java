package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code frame: themes under the four conditions of success or the evaluation questions, and how quotes may be attributed. */
class CodeFrameTest {
    @TempDir
    Path dir;

    private EvaluationProject project(String codeFrame) throws IOException {
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Outcome, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                methods:
                  - { id: interviews, label: Case study interviews }
                questions:
                  - { id: Q1, kind: process, text: "How can delivery be improved?", nodes: [st], methods: { interviews: main } }
                """);
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q2 }
                sources: []
                """);
        if (codeFrame != null) {
            Files.writeString(dir.resolve("codeframe.yaml"), codeFrame);
        }
        return EvaluationProject.open(dir);
    }

    private List<String> errors(String codeFrame) {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> project(codeFrame));
        return e.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    private String at(int line, int column) {
        return dir.resolve("codeframe.yaml") + ":" + line + ":" + column + ": error: ";
    }

    @Test
    void withoutACodeFrame_theProjectHasNone() throws IOException {
        assertEquals(Optional.empty(), project(null).codeFrame());
    }

    @Test
    void byDefault_themesSitUnderTheFourConditionsOfSuccess_quotesByRole_twoPerTheme() throws IOException {
        CodeFrame frame = project("""
                themes:
                  - { code: trust, label: Partnership and trust, parent: relationships, keywords: [Trust, joint working] }
                  - { code: data, label: Using data, parent: data-driven-decision-making }
                """).codeFrame().orElseThrow();
        assertEquals(CodeFrame.Framework.CONDITIONS_OF_SUCCESS, frame.framework());
        assertEquals(List.of("trust", "data"), frame.codes());
        assertEquals(Set.of(CodeFrame.Attribution.ROLE), frame.attribution());
        assertEquals(2, frame.quotesPerTheme());
        assertEquals(List.of("relationships", "data-driven-decision-making", "effective-actions-and-planning",
                "measurable-results"), frame.parents(null));
        assertEquals("Measurable results and sustained improvement", frame.parentLabel("measurable-results", null));
        // Role only: the region is left out even when the row has one.
        assertEquals("BCF lead", frame.attribute("BCF lead", "North West"));
    }

    @Test
    void keywords_proposeAThemeForWholeWordsAndPhrases_inAnyCase() throws IOException {
        CodeFrame.Theme trust = project("""
                themes:
                  - { code: trust, label: Partnership and trust, parent: relationships, keywords: [Trust, joint working, follow-up] }
                """).codeFrame().orElseThrow().themes().get(0);
        assertTrue(trust.proposedFor("Partners said TRUST had grown."));
        assertTrue(trust.proposedFor("More joint-working since the review"));
        assertTrue(trust.proposedFor("Completed (with follow up planned)"));
        assertFalse(trust.proposedFor("A trustee board met"));
        assertFalse(trust.proposedFor("Joint plans only"));
    }

    @Test
    void underTheEvaluationQuestions_aParentIsAQuestionId_andRegionCanBeAllowed() throws IOException {
        CodeFrame frame = project("""
                framework: evaluation-questions
                attribution: [role, region]
                quotes_per_theme: 3
                method_roles: { interviews: system leader }
                survey_roles: { leads: BCF lead }
                themes:
                  - { code: delivery, label: Delivery, parent: Q1 }
                """).codeFrame().orElseThrow();
        TheoryOfChange toc = project(null).theoryOfChange();
        assertEquals("Q1: How can delivery be improved?", frame.parentLabel("Q1", toc));
        assertEquals("system leader", frame.methodRole("interviews"));
        assertEquals("interviews", frame.methodRole("documents"));
        assertEquals("BCF lead", frame.surveyRole("leads"));
        assertEquals("survey respondent", frame.surveyRole("other-survey"));
        assertEquals("BCF lead, North West", frame.attribute("BCF lead", "North West"));
        assertEquals("BCF lead", frame.attribute("BCF lead", ""));
        assertEquals(3, frame.quotesPerTheme());
    }

    @Test
    void everyProblem_isReportedWithFileLineAndColumn_inOnePass() {
        List<String> errors = errors("""
                framework: conditions-of-success
                attribution: [role, name]
                method_roles: { intervews: system leader }
                quotes_per_theme: 0
                themes:
                  - { code: trust, label: Trust, parent: relationship }
                  - { code: data, label: Data, parent: relationships, colour: red }
                  - { code: data, label: Data again, parent: relationships }
                  - { code: "a;b", label: Two codes in one, parent: relationships }
                """);
        // Columns counted by hand, 1-based, to the start of the offending value or key: "attribution: [role, " is 20
        // characters, "method_roles: { " 16, "  - { code: trust, label: Trust, parent: " 41, and line 7 up to "colour" 54.
        assertEquals(List.of(
                at(2, 21) + "code frame attribution: 'name' is not role or region (a quote is never attributed to a person)",
                at(3, 17) + "code frame method_roles: unknown field 'intervews'; expected one of interviews",
                at(4, 19) + "code frame quotes_per_theme: '0' is not a whole number, 1 or more",
                at(6, 42) + "theme parent: 'relationship' is not one of the conditions-of-success: data-driven-decision-making,"
                        + " effective-actions-and-planning, measurable-results, relationships",
                at(7, 55) + "theme: unknown field 'colour'; expected one of code, keywords, label, parent",
                at(8, 13) + "theme: code 'data' is used twice (first at line 7)",
                at(9, 13) + "theme: code 'a;b' contains ';', which separates codes in a themes column"), errors);
    }

    @Test
    void aCodeFrameWithoutThemes_isAnError() {
        assertEquals(List.of(at(1, 1) + "code frame: missing required field 'themes'"), errors("framework: conditions-of-success\n"));
        assertEquals(List.of(at(1, 1) + "code frame: unknown field 'frameworks'; expected one of attribution, framework,"
                + " method_roles, quotes_per_theme, survey_roles, themes", at(1, 1) + "code frame: missing required field 'themes'"),
                errors("frameworks: x\n"));
    }
}
