package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.evident.toc.EvidenceDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Theme codes on findings and free-text survey answers, and lessons by theme: unknown codes are data problems. */
class ThemeCodesTest {
    private static final String CODE_FRAME = """
            themes:
              - { code: trust, label: Partnership and trust, parent: relationships }
              - { code: data, label: Using data, parent: data-driven-decision-making }
            """;
    private static final String SOURCES = """
            - { id: findings, type: findings, file: data/findings.csv }
            - id: leads
              type: survey
              file: data/survey.csv
              period: phase-3
              respondent: Respondent
              items:
                - { id: comments, type: free_text, column: Comments }
            - { id: lessons, type: lessons, file: data/lessons.csv }
            """;

    @TempDir
    Path dir;

    private TestProject project(String findings, String survey, String lessons) {
        return new TestProject(dir).evaluation(SOURCES)
                .write("data/findings.csv", "finding_id,node,direction,method,period,quote,source_ref,themes,region\n" + findings)
                .write("data/survey.csv", "Respondent,Comments,region,themes\n" + survey)
                .write("data/lessons.csv", "theme,lesson,recommendation,owner,evidence\n" + lessons);
    }

    @Test
    void codedFindingsAndComments_carryTheirCodesAndRegion_butNoRespondent() {
        IngestResult r = project("""
                F1,st-sat,supports,interviews,phase-3,"Partners trust each other more",Case study 1,trust; data,North West
                F2,st-sat,contradicts,interviews,phase-3,No quote coded,,,
                """, """
                R-001,"We share data now",London,data
                R-002,,London,
                """, "trust,Trust grew,Keep it up,LGA,F1; evaluation section 6\n").write("codeframe.yaml", CODE_FRAME).ingest();
        assertEquals(List.of(), r.rejects());
        assertEquals(List.of(
                new CodedText(CodedText.Kind.FINDING, "findings", Optional.of("F1"), "interviews", "Case study 1",
                        Optional.of(EvidenceDirection.SUPPORTS), "Partners trust each other more", "North West",
                        List.of("trust", "data")),
                new CodedText(CodedText.Kind.FINDING, "findings", Optional.of("F2"), "interviews", "",
                        Optional.of(EvidenceDirection.CONTRADICTS), "No quote coded", "", List.of()),
                // Both accepted respondents are in London: 2 behind the region, 2 in the wave.
                new CodedText(CodedText.Kind.SURVEY_COMMENT, "leads", Optional.empty(), "", "", Optional.empty(),
                        "We share data now", "London", List.of("data"), 2, 2)), r.codedTexts());
        assertFalse(r.codedTexts().toString().contains("R-001"), "no respondent id, raw or pseudonymised");
        assertEquals(List.of(new Lesson("trust", "Trust grew", "Keep it up", "LGA", List.of("F1", "evaluation section 6"))),
                r.lessons());
    }

    @Test
    void anUnknownThemeCode_isADataProblem_namingFileRowColumnAndValue() {
        IngestResult r = project("""
                F1,st-sat,supports,interviews,phase-3,"A quote",,trust;relationship,
                """, """
                R-001,"A comment",London,dta
                """, """
                trusts,A lesson,,,
                data,,A recommendation,,
                data,A lesson,,DHSC,
                """).write("codeframe.yaml", CODE_FRAME).ingest();
        String expected = "theme codes of codeframe.yaml separated by ';': trust, data";
        assertEquals(List.of(
                new Reject("findings", "data/findings.csv", 2, "themes", "relationship", "unknown theme code", expected),
                new Reject("leads", "data/survey.csv", 2, "themes", "dta", "unknown theme code", expected),
                new Reject("lessons", "data/lessons.csv", 2, "theme", "trusts", "unknown theme code",
                        "a theme code of codeframe.yaml: trust, data"),
                new Reject("lessons", "data/lessons.csv", 3, "lesson", "", "no lesson", "what was learned, in a sentence or two"),
                new Reject("lessons", "data/lessons.csv", 4, "owner", "DHSC", "an owner without a recommendation",
                        "a recommendation for the owner, or no owner")), r.rejects());
        assertTrue(r.findings().isEmpty());
        assertTrue(r.codedTexts().isEmpty());
        assertTrue(r.lessons().isEmpty());
    }

    @Test
    void themeCodesWithoutACodeFrame_areRejected_andFilesWithoutAThemesColumnStillRead() {
        IngestResult r = project("F1,st-sat,supports,interviews,phase-3,\"A quote\",,trust,\n", "R-001,\"A comment\",London,\n",
                "trust,A lesson,,,\n").ingest();
        assertEquals(List.of("theme code without a code frame", "lessons without a code frame"),
                r.rejects().stream().map(Reject::reason).toList());
        IngestResult plain = new TestProject(dir.resolve("plain")).evaluation("- { id: findings, type: findings, file: data/f.csv }")
                .write("data/f.csv", "finding_id,node,direction,method,period,quote\nF1,st-sat,supports,interviews,phase-3,Q\n")
                .ingest();
        assertEquals(List.of(), plain.rejects());
        assertEquals(List.of(List.of()), plain.codedTexts().stream().map(CodedText::themes).toList());
    }
}
