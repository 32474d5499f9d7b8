package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.evident.toc.SurveyItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey items: scales, the base, multi-select, duplicates and pseudonymised respondents. */
class SurveyRulesTest {
    private static final String SOURCE = """
            - id: wave
              type: survey
              file: data/survey.csv
              period: phase-3
              respondent: Respondent
              items:
                - { id: quality, type: agreement, column: Quality was high }
                - { id: rated, type: rating, column: Rating }
                - { id: measure, type: yes_no, column: Set up to measure }
                - id: primarily
                  type: multi_select
                  column: Seen as
                  separator: ";"
                  options:
                    - { id: helpful, label: Helpful for all systems }
                    - { id: poor, label: For poor performers }
                - id: bcm
                  type: multi_select
                  options:
                    - { id: scoping, label: Scoping }
                    - { id: delivery, label: Delivery }
                - { id: comments, type: free_text, column: Comments }
            """;
    private static final String HEADER = "Respondent,Quality was high,Rating,Set up to measure,Seen as,Scoping,Delivery,Comments\n";

    @TempDir
    Path dir;

    private IngestResult ingest(String rows) {
        return new TestProject(dir).evaluation(SOURCE).write("data/survey.csv", HEADER + rows).ingest();
    }

    private static SurveyItemCounts item(IngestResult r, String id) {
        return r.surveyCounts().stream().filter(c -> c.item().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void agreementItem_countsTopTwoBox_andLeavesDontKnowAndBlankOutOfTheBase() {
        IngestResult r = ingest("""
                R1,Strongly agree,Excellent,Yes,,,,
                R2,agree,Good,No,,,,
                R3,Don’t know,Poor,Don't know,,,,
                R4,,Fair,,,,,
                R5,Strongly disagree,,,,,,
                """);
        SurveyItemCounts quality = item(r, "quality");
        assertEquals(3, quality.base(), "R1, R2 and R5; Don't know and blank are not in the base");
        assertEquals(2, quality.positive());
        assertEquals(1, quality.notInBase());
        assertEquals(Map.of("Strongly agree", 1L, "Agree", 1L, "Neither agree nor disagree", 0L, "Disagree", 0L,
                "Strongly disagree", 1L), quality.counts());
        assertEquals(List.of("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"),
                List.copyOf(quality.counts().keySet()), "categories in scale order, empty ones included");
        SurveyItemCounts measure = item(r, "measure");
        assertEquals(3, measure.base(), "yes, no and don't know are all in the base of a yes/no item");
        assertEquals(1, measure.positive());
        assertEquals(4, item(r, "rated").base());
        assertEquals(2, item(r, "rated").positive());
    }

    @Test
    void unknownLikertLabel_isRejectedWithRowAndColumn_andTheWholeRowIsLeftOut() {
        IngestResult r = ingest("R1,Strongly agree,Good,Yes,,,,\nR2,Agree strongly,Good,Yes,,,,\n");
        Reject reject = r.rejects().get(0);
        assertEquals(3, reject.row());
        assertEquals("Quality was high", reject.column());
        assertEquals("Agree strongly", reject.value());
        assertEquals("answer not in the scale of item 'quality'", reject.reason());
        assertEquals(1, item(r, "rated").base(), "the rejected row counts for no item");
        assertEquals("data/survey.csv: 2 rows read = 1 accepted + 1 rejected", r.reconciliations().get(0).toString());
    }

    @Test
    void multiSelect_inOneCell_andInOptionColumns_countEachOptionOverItsOwnBase() {
        IngestResult r = ingest("""
                R1,,,,Helpful for all systems; For poor performers,1,,
                R2,,,,helpful for all systems,,x,
                R3,,,,,,,
                """);
        SurveyItemCounts primarily = item(r, "primarily");
        assertEquals(2, primarily.base());
        assertEquals(Map.of("helpful", 2L, "poor", 1L), primarily.counts());
        SurveyItemCounts bcm = item(r, "bcm");
        assertEquals(2, bcm.base());
        assertEquals(Map.of("scoping", 1L, "delivery", 1L), bcm.counts());
        assertEquals(SurveyItem.Type.MULTI_SELECT, bcm.type());
    }

    @Test
    void unknownMultiSelectOption_isRejected() {
        IngestResult r = ingest("R1,,,,Helpful for all systems;Something else,,,\n");
        assertEquals("Something else", r.rejects().get(0).value());
        assertEquals("option not in multi-select item 'primarily'", r.rejects().get(0).reason());
    }

    @Test
    void duplicateRespondentInAWave_keepsTheFirst_andTheRejectShowsOnlyThePseudonym() throws Exception {
        IngestResult r = ingest("BCF-LEAD-07,Agree,,,,,,First\nBCF-LEAD-07,Disagree,,,,,,Second\n");
        assertEquals(1, item(r, "quality").positive());
        Reject reject = r.rejects().get(0);
        assertEquals(3, reject.row());
        assertTrue(reject.value().matches("p-[0-9a-f]{16}"), reject.value());
        assertEquals(Pseudonymiser.withKey(TestProject.KEY).pseudonym("BCF-LEAD-07"), reject.value());
        Path rejects = dir.resolve("rejects.csv");
        RejectsFile.write(r.rejects(), rejects);
        assertFalse(Files.readString(rejects).contains("BCF-LEAD-07"), "no raw identifier in rejects.csv");
        assertEquals(List.of(reject.value()), r.freeText().stream().map(FreeTextAnswer::respondent).toList());
    }

    @Test
    void freeText_isKeptAsWritten_evenWhenItLooksLikeAFormula() {
        IngestResult r = ingest("R1,,,,,,,\"=HYPERLINK(\"\"x\"\"), said the lead\"\n");
        assertEquals("=HYPERLINK(\"x\"), said the lead", r.freeText().get(0).text());
    }

    @Test
    void pseudonyms_areStableForAKey_andDifferAcrossKeys() {
        Pseudonymiser a = Pseudonymiser.withKey(TestProject.KEY);
        assertEquals(a.pseudonym("R1"), Pseudonymiser.withKey(TestProject.KEY).pseudonym(" R1 "));
        assertFalse(a.pseudonym("R1").equals(Pseudonymiser.withKey("another key of sixteen+ bytes").pseudonym("R1")));
    }

    @Test
    void pseudonymKeyFile_insideTheProject_isRefused() {
        Path inside = dir.resolve("keys/pseudonym.key");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Pseudonymiser.fromEnvironment(Map.of(Pseudonymiser.KEY_FILE_VARIABLE, inside.toString()), inside, dir));
        assertTrue(e.getMessage().contains("inside the project folder"), e.getMessage());
    }

    @Test
    void defaultKeyFile_isCreatedOnce_andGivesTheSamePseudonymsNextTime(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve(".config/evident/pseudonym.key");
        String first = Pseudonymiser.fromEnvironment(Map.of(), keyFile, dir).pseudonym("R1");
        String second = Pseudonymiser.fromEnvironment(Map.of(), keyFile, dir).pseudonym("R1");
        assertEquals(first, second);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }

    @Test
    void groups_breakEveryItemDown_afterTheWholeWave_withBlankValuesKept() {
        IngestResult r = new TestProject(dir).evaluation("""
                - id: wave
                  type: survey
                  file: data/survey.csv
                  period: phase-3
                  groups: [Region]
                  items:
                    - { id: quality, type: agreement, column: Quality was high }
                """).write("data/survey.csv", """
                respondent_id,Region,Quality was high
                R1,London,Agree
                R2,North East,Disagree
                R3,London,Strongly agree
                R4,,Agree
                """).ingest();
        assertEquals(List.of("", "Region: (blank)", "Region: London", "Region: North East"),
                r.surveyCounts().stream().map(SurveyItemCounts::group).toList());
        SurveyItemCounts london = r.surveyCounts().get(2);
        assertEquals(2, london.base());
        assertEquals(2, london.positive(), "R1 agree, R3 strongly agree");
        assertEquals(4, r.surveyCounts().get(0).base(), "the whole wave first");
        assertEquals(1, r.indicatorData().stream().filter(d -> d.indicator().equals("svy-quality")).count(),
                "indicators take the whole wave only");
    }
}
