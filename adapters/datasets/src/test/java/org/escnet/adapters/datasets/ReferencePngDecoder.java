package org.escnet.adapters.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An independent reference for the tests: decodes the raw samples of an 8-bit, single-channel (grey or palette),
 * non-interlaced PNG straight from its IDAT chunks (zlib + PNG row filters, RFC 2083), without javax.imageio.
 */
final class ReferencePngDecoder {
    private ReferencePngDecoder() {
    }

    record Raster(int width, int height, int[] values) {
    }

    static Raster decode(Path file) throws IOException, DataFormatException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        buf.position(8);
        int width = 0;
        int height = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (buf.remaining() >= 12) {
            int length = buf.getInt();
            byte[] type = new byte[4];
            buf.get(type);
            byte[] data = new byte[length];
            buf.get(data);
            buf.getInt(); // CRC
            String t = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
            if (t.equals("IHDR")) {
                ByteBuffer h = ByteBuffer.wrap(data);
                width = h.getInt();
                height = h.getInt();
                int bitDepth = h.get();
                int colourType = h.get();
                h.get();
                h.get();
                int interlace = h.get();
                if (bitDepth != 8 || (colourType != 0 && colourType != 3) || interlace != 0) {
                    throw new IOException(file + ": the reference decoder handles 8-bit grey/palette, non-interlaced only");
                }
            } else if (t.equals("IDAT")) {
                idat.write(data);
            }
        }
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] raw = new byte[height * (width + 1)];
        int n = 0;
        while (n < raw.length && !inflater.finished()) {
            n += inflater.inflate(raw, n, raw.length - n);
        }
        inflater.end();
        int[] out = new int[width * height];
        int[] prev = new int[width];
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (width + 1)];
            for (int x = 0; x < width; x++) {
                int v = raw[y * (width + 1) + 1 + x] & 0xFF;
                int a = x > 0 ? line[x - 1] : 0;
                int b = prev[x];
                int c = x > 0 ? prev[x - 1] : 0;
                int predictor = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    case 4 -> paeth(a, b, c);
                    default -> throw new IOException("unknown PNG filter " + filter);
                };
                line[x] = (v + predictor) & 0xFF;
            }
            System.arraycopy(line, 0, out, y * width, width);
            int[] swap = prev;
            prev = line;
            line = swap;
        }
        return new Raster(width, height, out);
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    static java.util.SortedMap<Integer, Long> histogram(int[] values) {
        java.util.SortedMap<Integer, Long> h = new java.util.TreeMap<>();
        for (int v : values) {
            h.merge(v, 1L, Long::sum);
        }
        return h;
    }
}
