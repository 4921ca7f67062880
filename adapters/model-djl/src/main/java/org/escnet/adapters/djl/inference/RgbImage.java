package org.escnet.adapters.djl.inference;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decoded pixels: RGB bytes, row-major HWC. Decoding reads the size from the header first, so an image over the
 * pixel limit is refused before its pixels are allocated.
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        if (width < 1 || height < 1 || rgb == null || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " RGB pixels, found "
                    + (rgb == null ? "none" : rgb.length + " bytes"));
        }
    }

    public int pixelCount() {
        return width * height;
    }

    /**
     * Decodes PNG or JPEG bytes; grey and palette images are expanded to RGB and alpha is dropped.
     *
     * @throws IllegalArgumentException "could not decode …" for bytes that are no readable image, or naming the size
     *                                  and the limit for an image over {@code maxPixels}
     */
    public static RgbImage decode(byte[] encoded, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("could not decode the image: its " + encoded.length
                        + " bytes are in no readable image format (expected PNG or JPEG)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) readSize(reader, true, encoded) * readSize(reader, false, encoded);
                if (pixels > maxPixels) {
                    throw new IllegalArgumentException("the image is " + readSize(reader, true, encoded) + "x"
                            + readSize(reader, false, encoded) + " = " + pixels + " pixels; at most " + maxPixels
                            + " are accepted (escnet.segment.max-pixels)");
                }
                try {
                    return fromBuffered(reader.read(0));
                } catch (IOException | RuntimeException e) {
                    throw corrupt(encoded, e);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw corrupt(encoded, e);
        }
    }

    private static int readSize(ImageReader reader, boolean width, byte[] encoded) {
        try {
            return width ? reader.getWidth(0) : reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw corrupt(encoded, e);
        }
    }

    private static IllegalArgumentException corrupt(byte[] encoded, Exception cause) {
        return new IllegalArgumentException("could not decode the image (" + encoded.length + " bytes): it is corrupt "
                + "or truncated (" + cause.getMessage() + ")", cause);
    }

    private static RgbImage fromBuffered(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w); // colour-managed conversion of any layout
            int o = 3 * y * w;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[o++] = (byte) (p >> 16);
                out[o++] = (byte) (p >> 8);
                out[o++] = (byte) p;
            }
        }
        return new RgbImage(w, h, out);
    }

    /** These pixels as a PNG file. */
    public byte[] toPng() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int o = 3 * y * width;
            for (int x = 0; x < width; x++) {
                row[x] = (rgb[o++] & 0xFF) << 16 | (rgb[o++] & 0xFF) << 8 | rgb[o++] & 0xFF;
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }
}
