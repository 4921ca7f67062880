package org.escnet.adapters.datasets;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.escnet.domain.data.DatasetReadException;

/**
 * Decodes image files with {@code javax.imageio} (PNG, JPEG, TIFF including 16-bit) into flat arrays, once per file
 * and without per-pixel objects.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Decoded RGB pixels, HWC, 3 bytes per pixel. */
    public record Rgb(int width, int height, byte[] rgb) {
    }

    /** Raw single-channel sample values, row-major: palette indices, 8-bit grey or unsigned 16-bit values. */
    public record Labels(int width, int height, int[] values) {
    }

    /** Reads a photo as RGB; grey and palette images are expanded, alpha is dropped. */
    public static Rgb readRgb(Path file) {
        BufferedImage img = decode(file, "image");
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h * 3];
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1 && buffer.getData().length == out.length) {
            byte[] bgr = buffer.getData();
            for (int i = 0; i < out.length; i += 3) {
                out[i] = bgr[i + 2];
                out[i + 1] = bgr[i + 1];
                out[i + 2] = bgr[i];
            }
        } else {
            // colour-managed conversion for every other layout, one row at a time
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                int o = 3 * y * w;
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    out[o++] = (byte) (p >> 16);
                    out[o++] = (byte) (p >> 8);
                    out[o++] = (byte) p;
                }
            }
        }
        return new Rgb(w, h, out);
    }

    /**
     * Reads a label map as raw sample values, never as colours: a VOC palette PNG yields its indices, a 16-bit TIFF its
     * unsigned values (65535 stays 65535).
     */
    public static Labels readLabels(Path file) {
        BufferedImage img = decode(file, "label map");
        Raster raster = img.getRaster();
        if (raster.getNumBands() != 1) {
            throw new DatasetReadException("label map " + file + " has " + raster.getNumBands() + " channels; expected a"
                    + " single-channel grey, palette or 16-bit image of class indices (is this a colour rendering of"
                    + " the labels rather than the prepared annotation?)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] values = raster.getSamples(0, 0, w, h, 0, new int[w * h]);
        return new Labels(w, h, values);
    }

    /** Width and height from the file header, without decoding the pixels. */
    public static int[] size(Path file) {
        requireFile(file, "image");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetReadException("image " + file + " is not in a format javax.imageio can read"
                        + " (expected PNG, JPEG or TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DatasetReadException("image " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(Path file, String what) {
        requireFile(file, what);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetReadException(what + " " + file + " is corrupt or truncated: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new DatasetReadException(what + " " + file + " is not in a format javax.imageio can read"
                    + " (expected PNG, JPEG or TIFF)");
        }
        return img;
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetReadException(what + " " + file + " does not exist");
        }
    }
}
