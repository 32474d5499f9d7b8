package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.evident.toc.Grade;
import org.junit.jupiter.api.Test;

/** Percentage agreement and linearly weighted Cohen's kappa between the rule and the evaluators. */
class AgreementTest {
    /*
     * A 3 x 3 table worked by hand, rows one grader, columns the other, Limited / Some / Strongest:
     *
     *            L   S   St | rows
     *       L    4   2   0  |  6
     *       S    1   6   1  |  8
     *       St   0   1   1  |  2
     *     cols   5   9   2  | 16
     *
     * Linear weights: 1 on the diagonal, 1/2 one step off, 0 two steps off.
     * Observed: (4 + 6 + 1) + 1/2 (2 + 1 + 1 + 1) = 13.5, over 16 = 216/256.
     * Expected from the margins, over 16^2 = 256: diagonal 6*5 + 8*9 + 2*2 = 106; one step off
     * 1/2 (6*9 + 8*5 + 8*2 + 2*9) = 1/2 * 128 = 64; so 170/256.
     * kappa_w = (216 - 170) / (256 - 170) = 46/86 = 23/43 = 0.534884.
     * (Unweighted kappa would be (176 - 106) / (256 - 106) = 70/150 = 0.466667: the near misses count.)
     */
    private static final long[][] TABLE = {{4, 2, 0}, {1, 6, 1}, {0, 1, 1}};

    @Test
    void weightedKappa_ofAHandWorkedTable_is23Over43() {
        assertEquals(23.0 / 43.0, Agreement.weightedKappa(TABLE).getAsDouble(), 1e-12);
    }

    @Test
    void agreementOfTwoGradeLists_isTheSameTableCountedPairByPair() {
        Grade[] g = Grade.values();
        List<Grade> rows = new ArrayList<>();
        List<Grade> columns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (long c = 0; c < TABLE[i][j]; c++) {
                    rows.add(g[i]);
                    columns.add(g[j]);
                }
            }
        }
        Agreement a = Agreement.of(rows, columns);
        assertEquals(16, a.n());
        assertEquals(11, a.agreed());
        assertEquals(11.0 / 16, a.share().getAsDouble(), 1e-12);
        assertEquals(23.0 / 43.0, a.kappa().getAsDouble(), 1e-12);
        assertEquals("11 of 16 (69%), linearly weighted kappa 0.53", a.describe());
    }

    @Test
    void perfectAgreement_isKappaOne_andTheOppositeEndsAreBelowZero() {
        assertEquals(1.0, Agreement.of(List.of(Grade.LIMITED, Grade.SOME, Grade.STRONGEST),
                List.of(Grade.LIMITED, Grade.SOME, Grade.STRONGEST)).kappa().getAsDouble(), 1e-12);
        assertTrue(Agreement.of(List.of(Grade.LIMITED, Grade.STRONGEST), List.of(Grade.STRONGEST, Grade.LIMITED))
                .kappa().getAsDouble() < 0);
    }

    @Test
    void everyGradeTheSame_leavesKappaUndefined_notNaN() {
        Agreement a = Agreement.of(List.of(Grade.SOME, Grade.SOME), List.of(Grade.SOME, Grade.SOME));
        assertTrue(a.kappa().isEmpty());
        assertEquals("2 of 2 (100%), linearly weighted kappa undefined (every grade the same)", a.describe());
        assertEquals("no judgement to compare", Agreement.of(List.of(), List.of()).describe());
    }

    @Test
    void listsOfDifferentLengths_areACallersMistake() {
        assertThrows(IllegalArgumentException.class, () -> Agreement.of(List.of(Grade.SOME), List.of()));
    }
}
