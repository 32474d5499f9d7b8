package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redaction on the NHS Friends and Family Test comments of shared/realdata/pxtextmining (7,908 answers,
 * 7,400 with a comment), read directly, never copied. The expected finds come from an independent scan of
 * the file with Python's csv and re modules, read by a person: no e-mail address, web address, run of 10
 * or more digits (so no phone or NHS number) or full postcode in any comment; four comments with a title
 * followed by a capital letter, of which two name a doctor ("Dr Howard", "Dr Omonori") and two are the
 * same sentence "the female Dr I saw on 16th", where "I" is the pronoun. The trusts had already replaced
 * names with "[Name Redacted]" before publishing (16 such marks), and staff named by first name alone
 * without a title (9 comments, such as "Rachel took the time with my daughter") are not found without a
 * project list of names: see the README's section on personal data.
 */
class PersonalDataRealDataTest {
    @TempDir
    Path dir;

    @Test
    void friendsAndFamilyTestComments_twoDoctorsNamed_nothingElse() {
        Path realdata = Path.of(System.getProperty("evident.realdata")).toAbsolutePath().normalize();
        Path file = realdata.resolve("pxtextmining/datasets_v6framework_230831.csv");
        assertTrue(Files.isRegularFile(file), "shared/realdata must sit beside the repository: " + file);
        IngestResult r = new TestProject(dir).write("evaluation.yaml", """
                programme: Friends and Family Test
                reporting_date: 2023-01-01
                periods:
                  phases:
                    - { id: 2021-22, from: 2021-04-01, to: 2022-12-31 }
                sources:
                  - id: fft
                    type: survey
                    file: %s
                    period: 2021-22
                    respondent: Comment ID
                    items:
                      - { id: comment, type: free_text, column: FFT answer }
                """.formatted(file)).ingest(EvaluationProject.Paths.ANYWHERE);
        assertEquals(7908, r.reconciliations().get(0).accepted());
        assertEquals(7908 - 508, r.freeText().size());
        Map<PersonalDataKind, Long> byKind = new TreeMap<>();
        r.personalData().forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
        assertEquals(Map.of(PersonalDataKind.NAME, 2L), byKind);
        assertEquals(2, r.personalData().stream().map(PersonalDataFound::row).distinct().count(), "two cells");
        List<String> redacted = r.freeText().stream().map(FreeTextAnswer::text).filter(t -> t.contains("[")
                && t.contains("Dr [name]")).toList();
        assertEquals(2, redacted.size());
        assertTrue(redacted.get(0).startsWith("Dr [name] explaining things."), redacted.get(0));
        assertTrue(redacted.get(1).startsWith("Having someone (Dr [name]) who listened"), redacted.get(1));
        assertEquals(2, r.freeText().stream().filter(t -> t.text().contains("the female Dr I saw on 16th")).count());
    }
}
