package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.ingest.CodedText;
import org.evident.toc.CodeFrame;
import org.evident.toc.EvidenceDirection;
import org.evident.toc.PersonalDataSettings;
import org.junit.jupiter.api.Test;

/** The quote rule after redaction: a mostly redacted text is never quoted, and attributions are k-anonymous. */
class QuotePersonalDataTest {
    private static final CodeFrame.Theme TRUST = new CodeFrame.Theme("trust", "Trust", "relationships", List.of());
    private static final CodeFrame FRAME = new CodeFrame(CodeFrame.Framework.CONDITIONS_OF_SUCCESS, List.of(TRUST),
            Set.of(CodeFrame.Attribution.ROLE, CodeFrame.Attribution.REGION), Map.of("interviews", "case study interviews"),
            Map.of("leads", "BCF lead"), 3);

    private static CodedText comment(String text, String region, int inRegion, int inWave) {
        return new CodedText(CodedText.Kind.SURVEY_COMMENT, "leads", Optional.empty(), "", "", Optional.empty(), text, region,
                List.of("trust"), inRegion, inWave);
    }

    private static CodedText finding(String text, String region, int cases) {
        return new CodedText(CodedText.Kind.FINDING, "findings", Optional.of("F1"), "interviews", "Case study 1",
                Optional.of(EvidenceDirection.SUPPORTS), text, region, List.of("trust"), cases, 0);
    }

    @Test
    void aMostlyRedactedText_isNeverQuoted_evenWhenNothingElseIs() {
        // "[name], [phone] or [email] please." has 5 words, 3 of them placeholders: more than half.
        assertTrue(Insights.mostlyRedacted("[name], [phone] or [email] please."));
        // "Call [name] on [phone] if the plan slips again." has 9 words, 2 placeholders.
        assertFalse(Insights.mostlyRedacted("Call [name] on [phone] if the plan slips again."));
        // "[NHS number]" is two words, both of the placeholder: 2 of 3.
        assertTrue(Insights.mostlyRedacted("Mine: [NHS number]"));
        List<Insights.Quote> quotes = Insights.quotes(FRAME, TRUST, List.of(
                comment("[name], [phone] or [email] please.", "London", 9, 30),
                comment("Call [name] on [phone] if the plan slips again.", "London", 9, 30)), 5);
        assertEquals(List.of("Call [name] on [phone] if the plan slips again."), quotes.stream().map(Insights.Quote::text).toList());
    }

    @Test
    void attribution_namesARegionOrRole_onlyWhenKShareIt() {
        // k = 5: 5 in the region is enough, 4 is not; a wave of 4 is not enough for the role either.
        assertEquals("BCF lead, London", Insights.attribution(FRAME, comment("t", "London", 5, 38), 5));
        assertEquals("BCF lead, England", Insights.attribution(FRAME, comment("t", "North East", 2, 38), 5));
        assertEquals("respondent, England", Insights.attribution(FRAME, comment("t", "North East", 2, 4), 5));
        assertEquals("BCF lead", Insights.attribution(FRAME, comment("t", "", 3, 38), 5), "no region given, none shown");
        // A finding's region stands on its cases; without them (0) it is generalised; its role is a method, kept.
        assertEquals("case study interviews, South West", Insights.attribution(FRAME, finding("t", "South West", 6), 5));
        assertEquals("case study interviews, England", Insights.attribution(FRAME, finding("t", "South West", 0), 5));
    }

    @Test
    void k_respectsTheSuppressionRule() {
        PersonalDataSettings k5 = new PersonalDataSettings(List.of(), 5);
        // Under nhs a count of 1 to 7 is hidden, so a group of 7 may not be named: k is at least 8.
        assertEquals(8, k5.effectiveK("nhs"));
        assertEquals(5, k5.effectiveK("fewer-than-5"));
        assertEquals(5, k5.effectiveK("none"));
        assertEquals(10, new PersonalDataSettings(List.of(), 10).effectiveK("nhs"));
        assertEquals("BCF lead, England", Insights.attribution(FRAME, comment("t", "London", 7, 38), k5.effectiveK("nhs")));
    }
}
