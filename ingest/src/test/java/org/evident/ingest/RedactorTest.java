package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constructed comments, one kind at a time. The landlines are from Ofcom's ranges kept for drama (020 7946
 * 0000 to 0999, 0161 496 0000 to 0999), so none is anybody's. Ofcom's drama range for mobiles, 07700 900000
 * to 900999, is not a valid mobile in the numbering plan as libphonenumber has it (those numbers are never
 * issued), so the mobile here is 07400 123456, the example number of the plan's 074 mobile range; the
 * e-mail domains are example.org and example.nhs.uk; the postcodes are well-known public ones.
 */
class RedactorTest {
    private final Redactor none = Redactor.of(List.of());

    private String redact(String text) {
        return none.redact(text).text();
    }

    /*
     * NHS numbers, the Modulus 11 check worked by hand (weights 10, 9, ..., 2 on the first nine digits;
     * check = 11 - sum mod 11, 11 read as 0, 10 invalid):
     * 943 476 5919: 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 90+36+24+28+42+30+20+27+2 = 299;
     *               299 = 27x11 + 2; 11 - 2 = 9 = the tenth digit: valid.
     * 943 476 5918: the same nine digits, so the check digit must be 9, not 8: invalid.
     * 401 023 2137: 40+0+8+0+12+15+8+3+6 = 92; 92 = 8x11 + 4; 11 - 4 = 7: valid.
     * 200 000 0010: 20 + 1x2 = 22 = 2x11, remainder 0; 11 - 0 = 11, read as 0 = the tenth digit: valid.
     * 400 000 0080: 40 + 8x2 = 56 = 5x11 + 1; 11 - 1 = 10: no check digit makes these nine digits valid.
     */
    @Test
    void nhsNumbers_passingModulus11_withOrWithoutSpaces_areRedacted() {
        assertEquals("My NHS number is [NHS number].", redact("My NHS number is 943 476 5919."));
        assertEquals("ref [NHS number] please", redact("ref 9434765919 please"));
        assertEquals("ref [NHS number]", redact("ref 943-476-5919"));
        assertEquals("[NHS number] and [NHS number]", redact("401 023 2137 and 2000000010"));
        assertTrue(Redactor.validNhsNumber("9434765919"));
        assertTrue(Redactor.validNhsNumber("4010232137"));
        assertTrue(Redactor.validNhsNumber("2000000010"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "4000000080", "4000000081", "4000000089"})
    void tenDigitsFailingTheCheck_areNotAnNhsNumber(String digits) {
        assertFalse(Redactor.validNhsNumber(digits), digits);
        assertTrue(none.redact("number " + digits).matches().stream().noneMatch(m -> m.kind() == PersonalDataKind.NHS_NUMBER),
                digits);
    }

    @Test
    void nhsNumber_insideALongerRunOfDigitsOrLetters_isNotOne() {
        // 9434765919 is valid, but here it is part of an 11-digit number or of a code.
        assertTrue(none.redact("order 19434765919").matches().stream().noneMatch(m -> m.kind() == PersonalDataKind.NHS_NUMBER));
        assertEquals("p-9434765919abcdef", redact("p-9434765919abcdef"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"020 7946 0958", "020-7946-0958", "02079460958", "+44 20 7946 0958", "+44 (0)20 7946 0958",
        "(0161) 496 0123", "0161 496 0123", "07400 123456", "07400-123-456", "+44 7400 123456", "+447400123456"})
    void ukPhoneNumbers_inEveryWrittenForm_areRedacted(String number) {
        assertEquals("Ring me on [phone] after 5pm.", redact("Ring me on " + number + " after 5pm."), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"We waited 3 hours on 12/05/2023.", "It cost £1,250 in 2022.", "Ward 12, bay 3, bed 14.",
        "Scored 10 out of 10, 100%.", "Seen at 10:30 on 2023-03-14."})
    void datesAmountsAndSmallNumbers_areNotPhones(String text) {
        assertEquals(text, redact(text));
    }

    @Test
    void emails_areRedacted_keepingTheFullStopAfterThem() {
        assertEquals("Write to [email].", redact("Write to jane.smith@example.nhs.uk."));
        assertEquals("([email]) or [email]", redact("(j_o'brien@example.org) or JS+bcf@example.org"));
        assertEquals("see @team and a@b", redact("see @team and a@b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "NE1 4LP", "m1 1ae", "EC1A1BB", "B33 8TH", "CR2 6XH", "W1A 0AX", "GIR 0AA"})
    void fullPostcodes_inAnyCase_withOrWithoutTheSpace_areRedacted(String postcode) {
        assertEquals("I live at [postcode], near the park.", redact("I live at " + postcode + ", near the park."), postcode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"We are in NE1, by the river.", "Took the M1 north.", "Q11 1AA is no postcode (no Q first).",
        "SW1A is a district, not an address.", "A 1 in 4 chance."})
    void outwardCodesAlone_andInvalidFormats_areNotPostcodes(String text) {
        assertEquals(text, redact(text));
    }

    @Test
    void urls_withPersonalPaths_areRedacted_organisationsPagesAreNot() {
        assertEquals("See [url] for me.", redact("See https://www.linkedin.com/in/jane-smith-1a2b3c for me."));
        assertEquals("[url] or [url]", redact("linkedin.com/in/jsmith or https://example.org/~jsmith/cv.html"));
        assertEquals("staff: [url]", redact("staff: https://www.example.nhs.uk/people/dr-a-khan"));
        assertEquals("[url]", redact("https://x.com/someone"));
        String organisation = "Read https://www.nhs.uk/conditions/ and www.england.nhs.uk/ourwork/ please.";
        assertEquals(organisation, redact(organisation));
        assertEquals("https://twitter.com/", redact("https://twitter.com/"), "a site's home page names nobody");
    }

    @Test
    void capitalisedNamesAfterATitle_areRedacted_theTitleStays() {
        assertEquals("Dr [name] was kind, and Mrs [name] too.", redact("Dr Patel was kind, and Mrs O'Neill too."));
        assertEquals("Prof. [name] and Cllr [name] came.", redact("Prof. Anne Smith-Jones and Cllr Bob Hughes came."));
        assertEquals("Thanks to Ms [name] and Mr [name].", redact("Thanks to Ms J. Okafor and Mr Li."));
        assertEquals("Dr [name] and Dr [name] came.", redact("Dr A Khan and Dr A. Khan came."));
        // Not a name: lower case after the title, a title inside a word, and the pronoun (a comment in the
        // Friends and Family Test data says "the female Dr I saw").
        assertEquals("the dr said; Drew was there; Mr came late", redact("the dr said; Drew was there; Mr came late"));
        assertEquals("the female Dr I saw on the 16th", redact("the female Dr I saw on the 16th"));
    }

    @Test
    void listedNames_asAWholeInAnyCase_andTheirWordsWhenCapitalised() {
        Redactor listed = Redactor.of(List.of("Priya Raman", "Tom Hall"));
        assertEquals("[name] met [name]; [name] said so.", listed.redact("Priya Raman met tom hall; Raman said so.").text());
        assertEquals("Ask [name] in the hall", listed.redact("Ask Priya in the hall").text(), "hall is a word, Hall a name");
        // "Tom" has three letters, so it counts alone; the whole name's match is one find, not two.
        Redactor.Redacted r = listed.redact("Tom Hall and Tom");
        assertEquals("[name] and [name]", r.text());
        assertEquals(List.of(new Redactor.Match(PersonalDataKind.NAME, 0, 8), new Redactor.Match(PersonalDataKind.NAME, 13, 16)),
                r.matches());
    }

    @Test
    void everyKindInOneComment_inTheOrderFound_withTheShareRedacted() {
        String text = "Dr Ngozi Adeyemi (ngozi@example.org, 07400 123456) saw 943 476 5919 at NE1 4LP.";
        Redactor.Redacted r = none.redact(text);
        assertEquals("Dr [name] ([email], [phone]) saw [NHS number] at [postcode].", r.text());
        assertEquals(List.of(PersonalDataKind.NAME, PersonalDataKind.EMAIL, PersonalDataKind.PHONE, PersonalDataKind.NHS_NUMBER,
                PersonalDataKind.POSTCODE), r.matches().stream().map(Redactor.Match::kind).toList());
        // Positions counted by hand: "Dr " is 3 characters, so the name starts at index 3.
        assertEquals(3, r.matches().get(0).start());
        assertEquals(text.indexOf("ngozi@"), r.matches().get(1).start());
        // Redacted: "Ngozi Adeyemi" 13 + "ngozi@example.org" 17 + "07400 123456" 12 + "943 476 5919" 12 + "NE1 4LP" 7 = 61
        // of the text's 79: "Dr " 3, name 13, " (" 2, e-mail 17, ", " 2, phone 12, ") saw " 6, NHS number 12, " at " 4,
        // postcode 7, "." 1.
        assertEquals(79, text.length());
        assertEquals(61.0 / 79, r.share(), 1e-12);
    }

    @Test
    void textWithNothingPersonal_isReturnedAsItIs() {
        String text = "The nurses on ward 7 were lovely; 10/10 and thanks to all the team at the hospital.";
        Redactor.Redacted r = none.redact(text);
        assertEquals(text, r.text());
        assertTrue(r.matches().isEmpty());
        assertEquals(0, r.share());
    }
}
