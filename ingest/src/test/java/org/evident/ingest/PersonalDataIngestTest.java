package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evident.toc.EvaluationProject;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free text is redacted as it is read, once, for every later output, and where each find was is listed;
 * the input files are left as they were. The names come from evaluation.yaml's personal_data, which is checked.
 */
class PersonalDataIngestTest {
    private static final String CODE_FRAME = "themes:\n  - { code: trust, label: Partnership and trust, parent: relationships }\n";

    @TempDir
    Path dir;

    private TestProject project(String personalData) {
        return new TestProject(dir).write("evaluation.yaml", """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-3, from: 2024-11-01, to: 2025-01-31 }
                sources:
                  - { id: findings, type: findings, file: data/findings.csv }
                  - id: leads
                    type: survey
                    file: data/survey.csv
                    period: phase-3
                    respondent: Respondent
                    items:
                      - { id: comments, type: free_text, column: Any other comments }
                  - { id: lessons, type: lessons, file: data/lessons.csv }
                """ + personalData).write("codeframe.yaml", CODE_FRAME);
    }

    @Test
    void freeText_isRedactedOnRead_andEachFindIsListedByPlace_neverByText() throws IOException {
        TestProject p = project("""
                personal_data:
                  names: [Priya Raman]
                  names_file: names.txt
                """).write("names.txt", "# staff of the support provider\nTom Baxter\n")
                .write("data/findings.csv", """
                        finding_id,node,direction,method,period,strength,quote,source_ref,themes
                        F1,st-sat,supports,interviews,phase-3,Told to Dr Khan,Priya Raman said partners trust each other more.,Case study 1,trust
                        F2,no-such-node,supports,interviews,phase-3,,Mail priya@example.org,,trust
                        F3,st-sat,maybe 020 7946 0958,interviews,phase-3,,,,trust
                        """)
                .write("data/survey.csv", """
                        Respondent,Any other comments,region,themes
                        R-001,Ring Tom Baxter on 020 7946 0958.,London,trust
                        R-002,Nothing to add,London,
                        """)
                .write("data/lessons.csv", "theme,lesson,recommendation,owner,evidence\ntrust,Trust grew,Ask priya.raman@example.org,LGA,F1\n");
        byte[] findingsBefore = Files.readAllBytes(dir.resolve("data/findings.csv"));
        byte[] surveyBefore = Files.readAllBytes(dir.resolve("data/survey.csv"));
        IngestResult r = p.ingest();

        assertEquals("[name] said partners trust each other more.", r.findings().get(0).quote());
        assertEquals("Told to Dr [name]", r.findings().get(0).strength());
        assertEquals(List.of("[name] said partners trust each other more.", "Ring [name] on [phone].", "Nothing to add"),
                r.codedTexts().stream().map(CodedText::text).toList());
        assertEquals("Ring [name] on [phone].", r.freeText().get(0).text());
        assertEquals("Ask [email]", r.lessons().get(0).recommendation());
        // Positions counted by hand, from 1: "Told to Dr " is 11 characters, so Khan is at 12; "Ring " is 5, so Tom
        // Baxter is at 6; "Ring Tom Baxter on " is 19, so the number is at 20; "Ask " is 4, so the address is at 5.
        // F2 is rejected (unknown node), so its text reaches no output and is not listed.
        assertEquals(List.of(
                new PersonalDataFound("data/findings.csv", 2, "strength", PersonalDataKind.NAME, 12),
                new PersonalDataFound("data/findings.csv", 2, "quote", PersonalDataKind.NAME, 1),
                // F3's direction holds a phone number ("maybe " is 6 characters): the reject shows it redacted.
                new PersonalDataFound("data/findings.csv", 4, "direction", PersonalDataKind.PHONE, 7),
                new PersonalDataFound("data/survey.csv", 2, "Any other comments", PersonalDataKind.NAME, 6),
                new PersonalDataFound("data/survey.csv", 2, "Any other comments", PersonalDataKind.PHONE, 20),
                new PersonalDataFound("data/lessons.csv", 2, "recommendation", PersonalDataKind.EMAIL, 5)), r.personalData());
        assertTrue(r.rejects().stream().noneMatch(x -> x.value().contains("@")));
        assertTrue(r.rejects().stream().anyMatch(x -> x.value().equals("maybe [phone]")), r.rejects().toString());
        // The inputs are never touched.
        assertArrayEquals(findingsBefore, Files.readAllBytes(dir.resolve("data/findings.csv")));
        assertArrayEquals(surveyBefore, Files.readAllBytes(dir.resolve("data/survey.csv")));

        Path csv = dir.resolve("personal_data.csv");
        PersonalDataFile.write(r.personalData(), csv);
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals("""
                file,row,column,kind,position
                data/findings.csv,2,strength,name,12
                data/findings.csv,2,quote,name,1
                data/findings.csv,4,direction,phone,7
                data/survey.csv,2,Any other comments,name,6
                data/survey.csv,2,Any other comments,phone,20
                data/lessons.csv,2,recommendation,email,5
                """, written);
        for (String secret : List.of("Khan", "Priya", "Baxter", "7946", "example.org")) {
            assertTrue(!written.contains(secret), secret);
        }
    }

    @Test
    void theNamesList_isChecked_withFileLineAndColumn() {
        project("""
                personal_data:
                  names: [J0hn Smith, "Smith, Anne", Hope Jones, Hope Jones]
                  names_file: staff.txt
                  attribution_k: 1
                """).write("staff.txt", "Tom Baxter\n\nX\n").write("data/findings.csv", "finding_id\n")
                .write("data/survey.csv", "Respondent\n").write("data/lessons.csv", "theme\n").toc(TestProject.TOC);
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(dir));
        List<String> problems = e.problems().stream().map(Problem::toString)
                .map(s -> s.replace(dir.toString() + "/", "")).toList();
        assertTrue(problems.contains("evaluation.yaml:17:11: error: personal_data names: 'J0hn Smith' is not a name: expected"
                + " letters, with spaces, hyphens, apostrophes or full stops between them (no digits, commas or other signs;"
                + " one name per entry)"), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("evaluation.yaml:17:23: error: personal_data names: 'Smith, Anne'"
                + " is not a name")), problems.toString());
        assertTrue(problems.contains("evaluation.yaml:17:38: warning: personal_data names: 'Hope Jones' holds a common English"
                + " word (hope), which will be redacted wherever it starts with a capital letter"), problems.toString());
        assertTrue(problems.contains("evaluation.yaml:17:50: warning: personal_data names: 'Hope Jones' is listed twice"),
                problems.toString());
        assertTrue(problems.contains("staff.txt:3:1: error: 'X' is too short to be a name: at least two letters"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("evaluation.yaml:19:18: error: personal_data attribution_k:"
                + " '1' is not a whole number of at least 2")), problems.toString());
    }
}
