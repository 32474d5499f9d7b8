package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rows of counts worked by hand under each rule. */
class SuppressionRuleTest {

    @Test
    void nhs_smallCellHidden_secondSmallestHiddenToo_restRoundedToFive() {
        // 3 is in 1..7: "*". One cell hidden and the total (65) shown, so 65 - 42 would give 23 = 3 + 20 back
        // only if 20 were shown: the smallest other non-zero cell, 20, is hidden too. 42 -> 40; 65 -> 65.
        Suppressed row = SuppressionRule.NHS.apply(List.of(3L, 20L, 42L), 65);
        assertEquals(List.of("*", "*", "40"), row.cells());
        assertEquals("65", row.total());
        assertEquals(List.of(true, true, false), row.hidden());
    }

    @Test
    void nhs_nothingToHide_everyCountRoundedToTheNearestFive() {
        // 0 -> 0, 13 -> 15 (3 above 10, 2 below 15), 12 -> 10, 8 -> 10; total 33 -> 35.
        Suppressed row = SuppressionRule.NHS.apply(List.of(0L, 13L, 12L, 8L), 33);
        assertEquals(List.of("0", "15", "10", "10"), row.cells());
        assertEquals("35", row.total());
        assertEquals(List.of(false, false, false, false), row.hidden());
    }

    @Test
    void nhs_twoSmallCells_needNoSecondary() {
        // 2 and 6 are both hidden, so the total only gives their sum: 30 stays shown; 38 -> 40.
        Suppressed row = SuppressionRule.NHS.apply(List.of(2L, 6L, 30L), 38);
        assertEquals(List.of("*", "*", "30"), row.cells());
        assertEquals("40", row.total());
        assertEquals(List.of(true, true, false), row.hidden());
    }

    @Test
    void nhs_tiesForTheSecondaryCell_takeTheFirst() {
        // 4 hidden; the other cells tie at 12, so the first 12 is hidden. 12 -> 10; 28 -> 30.
        Suppressed row = SuppressionRule.NHS.apply(List.of(4L, 12L, 12L), 28);
        assertEquals(List.of("*", "*", "10"), row.cells());
        assertEquals("30", row.total());
    }

    @Test
    void nhs_smallTotal_isHidden_andThenNoSecondaryIsNeeded() {
        // Total 5 is in 1..7: "*". With the total hidden, one small cell cannot be got back: the 0 stays.
        Suppressed row = SuppressionRule.NHS.apply(List.of(5L, 0L), 5);
        assertEquals(List.of("*", "0"), row.cells());
        assertEquals("*", row.total());
        assertEquals(List.of(true, false), row.hidden());
    }

    @Test
    void fewerThan5_hidesOneToFour_andProtectsTheOnlyHiddenCell() {
        // 4 -> "<5"; only one hidden and total 9 shown, so the smallest other non-zero cell (5) is hidden too.
        Suppressed row = SuppressionRule.FEWER_THAN_5.apply(List.of(0L, 4L, 5L), 9);
        assertEquals(List.of("0", "<5", "<5"), row.cells());
        assertEquals("9", row.total());
        assertEquals(List.of(false, true, true), row.hidden());
    }

    @Test
    void fewerThan5_nothingToHide_showsCountsAsTheyAre() {
        Suppressed row = SuppressionRule.FEWER_THAN_5.apply(List.of(5L, 10L, 0L), 15);
        assertEquals(List.of("5", "10", "0"), row.cells());
        assertEquals("15", row.total());
        assertEquals(List.of(false, false, false), row.hidden());
    }

    @Test
    void fewerThan5_smallTotal() {
        Suppressed row = SuppressionRule.FEWER_THAN_5.apply(List.of(3L, 1L), 4);
        assertEquals(List.of("<5", "<5"), row.cells());
        assertEquals("<5", row.total());
    }

    @Test
    void none_showsEverything() {
        Suppressed row = SuppressionRule.NONE.apply(List.of(1L, 2L, 0L), 3);
        assertEquals(List.of("1", "2", "0"), row.cells());
        assertEquals("3", row.total());
        assertEquals(List.of(false, false, false), row.hidden());
    }

    @Test
    void yamlNames_roundTrip_andUnknownNamesListTheChoices() {
        for (SuppressionRule rule : SuppressionRule.values()) {
            assertEquals(rule, SuppressionRule.fromYaml(rule.yamlName()));
        }
        assertEquals("fewer-than-5", SuppressionRule.FEWER_THAN_5.yamlName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuppressionRule.fromYaml("nhs-digital"));
        assertTrue(e.getMessage().contains("none, nhs, fewer-than-5"), e.getMessage());
    }

    @Test
    void negativeCounts_areRefused_andResultsAreUnmodifiable() {
        assertThrows(IllegalArgumentException.class, () -> SuppressionRule.NHS.apply(List.of(-1L), 0));
        assertThrows(IllegalArgumentException.class, () -> SuppressionRule.NHS.apply(List.of(1L), -1));
        Suppressed row = SuppressionRule.NONE.apply(List.of(1L), 1);
        assertThrows(UnsupportedOperationException.class, () -> row.cells().clear());
        assertThrows(UnsupportedOperationException.class, () -> row.hidden().clear());
    }
}
