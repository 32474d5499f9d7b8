package org.evident.toc;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

/**
 * PNG encoding for the diagrams and charts: 8-bit RGB, every row with the Up filter, deflated at
 * the fastest level.
 *
 * <p>Written here rather than through ImageIO, whose PNG writer (at its lightest setting) took
 * about 65 ms a chart against 45 ms here, with the JIT limited to C1: it reads the pixels
 * through the generic sample model and tries each filter on each row. Charts and the diagram
 * are mostly flat colour, for which Up alone does about as well (files within 10%). The pixels
 * are the same; only the compressed bytes differ. Other image types still go through ImageIO.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {
    }

    /** The image as PNG bytes. */
    public static byte[] encode(BufferedImage image) {
        try {
            if (image.getType() != BufferedImage.TYPE_INT_RGB || !(image.getRaster().getDataBuffer() instanceof DataBufferInt)
                    || image.getRaster().getParent() != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageIO.write(image, "png", bytes);
                return bytes.toByteArray();
            }
            return rgb(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rgb(BufferedImage image) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = width * 3;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(stride * height / 16 + 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] previous = new byte[stride];
            byte[] current = new byte[stride];
            byte[] filtered = new byte[stride + 1];
            for (int y = 0; y < height; y++) {
                int offset = y * width;
                for (int x = 0, i = 0; x < width; x++) {
                    int p = pixels[offset + x];
                    current[i++] = (byte) (p >> 16);
                    current[i++] = (byte) (p >> 8);
                    current[i++] = (byte) p;
                }
                z.write(up(current, previous, filtered), 0, stride + 1);
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
        DataOutputStream out = new DataOutputStream(png);
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, adaptive filtering, no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** The row with PNG's Up filter: each byte less the one above it (zero for the first row). */
    private static byte[] up(byte[] row, byte[] up, byte[] out) {
        out[0] = 2;
        for (int i = 0; i < row.length; i++) {
            out[i + 1] = (byte) (row[i] - up[i]);
        }
        return out;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
