package org.evident.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import org.junit.jupiter.api.Test;

/** The fast path of a cell's stripping gives what String.strip gives, whatever the characters at either end. */
class StrippedCellTest {
    @Property(tries = 2000)
    void stripped_isStrip(@ForAll @StringLength(max = 6) @CharRange(from = '\u0000', to = '\u00ff') @CharRange(from = '\u1ffe', to = '\u3001') String cell) {
        assertEquals(cell.strip(), ColumnMap.stripped(cell));
    }

    @Test
    void everyWhitespaceOfJava_atEitherEnd_isStripped() {
        for (char c = 0; c < 0x3100; c++) {
            String cell = c + "E09000001" + c;
            assertEquals(cell.strip(), ColumnMap.stripped(cell), () -> "U+" + Integer.toHexString(cell.charAt(0)));
        }
        String plain = "E09000001";
        assertSame(plain, ColumnMap.stripped(plain));
    }
}
