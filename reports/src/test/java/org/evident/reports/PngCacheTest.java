package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The PNGs kept for re-runs: the same SVG is not drawn twice, a changed one is, and the cache stays within its bytes. */
class PngCacheTest {
    @Test
    void theSameSvg_isDrawnOnce_anotherSvgAgain_andTheOldestGoesPastTheLimit() {
        List<String> drawn = new ArrayList<>();
        PngCache cache = new PngCache(10);
        byte[] a = cache.png("<svg>a</svg>", () -> draw(drawn, "a", 4));
        assertArrayEquals(a, cache.png("<svg>a</svg>", () -> draw(drawn, "a again", 4)));
        cache.png("<svg>b</svg>", () -> draw(drawn, "b", 4));
        assertEquals(List.of("a", "b"), drawn);
        // 4 + 4 + 4 bytes is over the limit of 10: the least recently used (a) goes.
        cache.png("<svg>c</svg>", () -> draw(drawn, "c", 4));
        assertEquals(2, cache.size());
        cache.png("<svg>a</svg>", () -> draw(drawn, "a redrawn", 4));
        assertEquals(List.of("a", "b", "c", "a redrawn"), drawn);
    }

    @Test
    void aChartDrawnTwice_givesTheSamePng_andAMovedShapeANewOne() {
        ChartImage first = ChartCanvas.image("box", "A box", 40, 30, g -> box(g, 5));
        ChartImage second = ChartCanvas.image("box", "A box", 40, 30, g -> box(g, 5));
        ChartImage moved = ChartCanvas.image("box", "A box", 40, 30, g -> box(g, 6));
        assertArrayEquals(first.png(), second.png());
        // Drawn again (the rectangle moved): a different picture.
        assertEquals(false, java.util.Arrays.equals(first.png(), moved.png()));
    }

    private static void box(java.awt.Graphics2D g, int x) {
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(x, 5, 20, 10);
    }

    private static byte[] draw(List<String> drawn, String what, int size) {
        drawn.add(what);
        return new byte[size];
    }
}
