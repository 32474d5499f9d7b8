package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Interval;
import org.evident.analysis.SurveyRow;
import org.evident.analysis.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executive summary of the worked example. Expected numbers are worked out here from the
 * evaluation's published figures (Tables 2 and 3, Figure 5, the Wilson formula of
 * shared/design/evidence.md) and from the fixture files, not taken from the code's output.
 */
class SummaryTest {
    private static ReportInput input;
    private static List<String> sentences;

    @BeforeAll
    static void read() {
        Locale.setDefault(Locale.UK);
        input = BcfInput.read(List.of());
        sentences = Summary.sentences(input);
    }

    @Test
    void shortTermOutcomes_countedByGrade_withTheStrongestByName() {
        // Table 6 of the evaluation, which the fixture records as the team's judgements and the
        // summary counts: buy-in Strongest, confidence Limited, the other 6 Some.
        assertTrue(sentences.contains("1 of 8 short-term outcomes has the strongest evidence: "
                + "improved buy-in, relationships and collaborative working in local system."), sentences::toString);
        assertTrue(sentences.contains("Of the others, 6 have some evidence and 1 has limited or no evidence."), sentences::toString);
    }

    @Test
    void theTeamsJudgements_leadTheSummary_withTheRulesAgreementAsACheck() {
        // Rule against Tables 6 and 7: 14 of 16, weighted kappa 0.76 (worked by hand in cli's RunTablesTest). The 16
        // judged are of the 27 graded nodes (16 outcomes and 11 impacts).
        assertTrue(sentences.contains("Where the evaluation team recorded its own grade (16 of the 27 outcomes and impacts), that"
                + " grade is the one counted here; over every judgement, the rule gives the same grade for 14 of 16 (88%, linearly"
                + " weighted kappa 0.76)."), sentences::toString);
    }

    @Test
    void mediumTermOutcomes_noneStrongest_saysSo() {
        // Table 7: 4 Some (knowledge, capacity and demand, discharge, follow-up), 4 Limited.
        assertTrue(sentences.contains("None of the 8 medium-term outcomes has the strongest evidence."), sentences::toString);
        assertTrue(sentences.contains("Of the 8, 4 have some evidence and 4 have limited or no evidence."), sentences::toString);
    }

    @Test
    void delivery_matchesTablesTwoAndThree() {
        // Table 3 totals 65 completed, 10 active, 20 pipeline, in all 9 regions of England;
        // Table 2: 28 universal products completed.
        assertTrue(sentences.contains("65 local projects completed, 10 active and 20 in the pipeline across 9 regions; "
                + "28 universal products completed."), sentences::toString);
    }

    @Test
    void changesIntoTheLatestPeriod_countNoFirstGradeAsAMoveUp() {
        // Phase 3 brought the first findings for taking action, monitoring progress, universal learning, knowledge of
        // the BCF, aligned plans and prevention: before it they were not yet assessed (no evidence at all), so their
        // first grades are "first assessed", not moves up (the summary once said "7 outcomes moved up", which partly
        // reflected when findings were written up). No outcome graded at phase 2 went up at phase 3.
        assertTrue(sentences.stream().noneMatch(s -> s.contains("moved up a grade since Phase 2 (August to October 2024)")), sentences::toString);
        // mt-bcf-plans at phase 2: F-041, mixed, one case study (0.75: 0.375 each way): "supported", Some. Phase 3
        // adds F-039 against (1) and F-040 mixed (0.375 each way): 0.75 for, 1.75 against: outweighed, Limited.
        String down = sentences.stream().filter(s -> s.contains("moved down a grade since Phase 2 (August to October 2024)")).findFirst().orElseThrow();
        assertTrue(down.startsWith("1 outcome moved down a grade since Phase 2 (August to October 2024) by the rule: improved BCF plans that are more"
                + " detailed and based on more accurate data (some evidence to limited or no evidence)"), down);
    }

    @Test
    void anEarlierAssessment_isNamedAsTheBaseOfTheChange() {
        AnalysisResult a = input.analysis().withEarlierAssessment(java.util.Map.of("st-presence",
                java.util.Optional.of(org.evident.toc.Grade.SOME)), "2024-06-30");
        ReportInput changed = new ReportInput(input.project(), a, input.reconciliations(), input.rejects(), input.gaps(),
                input.tocSvg(), input.tocPng(), List.of());
        List<String> s = Summary.sentences(changed);
        assertTrue(s.stream().anyMatch(x -> x.startsWith("1 outcome moved down a grade since assessment of 2024-06-30 by the rule: "
                + "increased presence of BCF")), s::toString);
    }

    private static SurveyRow row(String item, long base, long count, double share, Interval interval, Verdict verdict) {
        return new SurveyRow("w", "phase-3", "", item, "Yes", true, OptionalLong.of(base), OptionalLong.of(count), "",
                OptionalDouble.of(share), Optional.of(interval), OptionalDouble.of(0.8), Optional.of(verdict),
                OptionalDouble.empty(), OptionalDouble.empty(), "wilson 95%", Optional.empty());
    }
}
