package org.evident.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * PNGs drawn in this JVM, kept by a text that determines the picture: a chart's SVG (written from
 * every drawing command: shapes, colours, text, fonts, size), or the diagram's SVG with the part of
 * it drawn. So a re-run under {@code run --watch} rasterises only what changed (rasterising is about
 * two thirds of a chart's time, and the Word report's diagram pages a third of its). Keyed by the
 * text's SHA-256; the least recently used go once the PNGs pass the limit.
 */
final class PngCache {
    /** The cache of the report writers: at most 32 MB of PNGs. */
    static final PngCache DRAWN = new PngCache(32L << 20);

    private final long limit;
    private final LinkedHashMap<String, byte[]> pngs = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    PngCache(long limit) {
        this.limit = limit;
    }

    /** The PNG kept for {@code picture}, or the one {@code draw} makes, then kept. */
    byte[] png(String picture, Supplier<byte[]> draw) {
        String key = sha256(picture);
        synchronized (this) {
            byte[] known = pngs.get(key);
            if (known != null) {
                return known;
            }
        }
        byte[] png = draw.get();
        synchronized (this) {
            if (pngs.put(key, png) == null) {
                bytes += png.length;
            }
            for (var eldest = pngs.entrySet().iterator(); bytes > limit && eldest.hasNext(); ) {
                bytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
        return png;
    }

    synchronized int size() {
        return pngs.size();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
