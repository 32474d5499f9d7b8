package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which page the diagram goes on, and where a diagram too large for A3 is cut. */
class TocSectionTest {
    private static final double MM_TO_PT = 72 / 25.4;

    @Test
    void theWorkedExamplesSize_fitsA4_aLargerOneA3() {
        // 11-unit text on a 1,293 x 914 diagram (the worked example's): on A4's 277 x 178 mm it prints
        // at 11 x min(277 / 1293, 178 / 914) mm/unit = 2.14 mm = 6.07 pt.
        assertEquals(11 * 178.0 / 914 * MM_TO_PT, TocSection.Sheet.A4.printed(11, 1293, 914), 1e-9);
        assertEquals(TocSection.Sheet.A4, TocSection.sheet(11, 1293, 914));
        // Half as large again no longer reads on A4 (4.0 pt), but does on A3: 11 x min(400 / 1940, 265 / 1371) mm = 6.0 pt.
        assertTrue(TocSection.Sheet.A4.printed(11, 1940, 1371) < 6);
        assertEquals(TocSection.Sheet.A3, TocSection.sheet(11, 1940, 1371));
    }

    @Test
    void aGraphTooLargeForA3_isCutBetweenColumns_intoPartsThatReadAtSixPoints() {
        // Twelve columns 300 units wide with 100 between them: 4,760 units across, 600 high.
        List<Rectangle2D> bands = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bands.add(new Rectangle2D.Double(20 + i * 400, 40, 300, 540));
        }
        double width = 20 + 12 * 400 - 100 + 20;
        assertTrue(TocSection.Sheet.A3.printed(11, width, 600) < 6);
        List<double[]> parts = TocSection.parts(bands, 11, TocSection.Sheet.A3, width, 600);
        // At 6 pt, 11 units are 6 pt: A3's 400 mm (1,133.9 pt) hold 1,133.9 x 11 / 6 = 2,078.7 units, five columns.
        double widest = 400 * MM_TO_PT * 11 / 6;
        assertEquals(List.of(0.0, 1970.0, 3970.0), parts.stream().map(p -> p[0]).toList());
        double right = 0;
        for (double[] part : parts) {
            assertEquals(right, part[0], 1e-9, "parts follow one another");
            right = part[0] + part[1];
            assertTrue(part[1] <= widest, "part " + part[0] + " is " + part[1] + " wide");
            for (Rectangle2D band : bands) {
                assertTrue(band.getMaxX() <= part[0] || band.getMinX() >= part[0], "a cut through the column at " + band.getX());
            }
        }
        assertEquals(width, right, 1e-9);
    }
}
