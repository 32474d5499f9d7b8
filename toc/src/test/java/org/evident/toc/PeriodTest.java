package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void financialYearQuarter_q1IsAprilToJune_q4IsJanuaryToMarchOfTheNextYear() {
        Period q1 = Period.quarter("2024-25 Q1");
        assertEquals(LocalDate.of(2024, 4, 1), q1.start());
        assertEquals(LocalDate.of(2024, 6, 30), q1.end());
        Period q3 = Period.quarter("2024-25 Q3");
        assertEquals(LocalDate.of(2024, 10, 1), q3.start());
        assertEquals(LocalDate.of(2024, 12, 31), q3.end());
        Period q4 = Period.quarter("2024-25q4");
        assertEquals("2024-25 Q4", q4.id());
        assertEquals(LocalDate.of(2025, 1, 1), q4.start());
        assertEquals(LocalDate.of(2025, 3, 31), q4.end());
        assertEquals(Period.Kind.FINANCIAL_QUARTER, q4.kind());
    }

    @Test
    void calendarQuarter() {
        Period q3 = Period.quarter("2024 Q3");
        assertEquals(LocalDate.of(2024, 7, 1), q3.start());
        assertEquals(LocalDate.of(2024, 9, 30), q3.end());
        assertEquals(Period.Kind.CALENDAR_QUARTER, q3.kind());
    }

    @Test
    void quarters_runAcrossYearEnds() {
        List<String> ids = Period.quarters(Period.quarter("2023-24 Q3"), Period.quarter("2024-25 Q2"))
                .stream().map(Period::id).toList();
        assertEquals(List.of("2023-24 Q3", "2023-24 Q4", "2024-25 Q1", "2024-25 Q2"), ids);
        assertEquals(List.of("2024 Q4", "2025 Q1"), Period.quarters(Period.quarter("2024 Q4"), Period.quarter("2025 Q1"))
                .stream().map(Period::id).toList());
    }

    @Test
    void financialYearMustSpanConsecutiveYears() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.quarter("2024-26 Q1"));
        assertTrue(e.getMessage().contains("expected 2024-25"), e.getMessage());
    }

    @Test
    void notAQuarter_saysWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.quarter("Q3 2024"));
        assertEquals("'Q3 2024' is not a quarter; expected e.g. 2024-25 Q3 (financial year) or 2024 Q3", e.getMessage());
    }

    @Test
    void contains_includesBothEnds() {
        Period q = Period.quarter("2024-25 Q3");
        assertTrue(q.contains(LocalDate.of(2024, 10, 1)));
        assertTrue(q.contains(LocalDate.of(2024, 12, 31)));
        assertTrue(!q.contains(LocalDate.of(2025, 1, 1)));
    }
}
