package org.escnet.domain.data;

import java.util.Arrays;

/**
 * One image with its label map, decoded once and kept as flat primitive arrays (no per-pixel objects).
 *
 * <p>Pixels are RGB bytes in row-major HWC order: the red value of pixel (x, y) is {@code rgb[3 * (y * width + x)]}.
 * Labels are raw class indices in row-major order ({@code labels[y * width + x]}); {@code ignoreValue} marks pixels
 * that are not scored (255 for most benchmarks, 65535 for A-847).
 *
 * @param id           the file stem or generated name identifying the sample inside its dataset
 * @param width        image width in pixels
 * @param height       image height in pixels
 * @param rgb          {@code height * width * 3} bytes, RGB, HWC
 * @param labels       {@code height * width} raw class indices
 * @param ignoreValue  the label value that means "not scored"
 */
public record SegmentationSample(String id, int width, int height, byte[] rgb, int[] labels, int ignoreValue) {

    public SegmentationSample {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("sample " + id + ": size must be positive, found " + width + "x" + height);
        }
        if (rgb == null || rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("sample " + id + ": expected " + (3 * width * height) + " RGB bytes for "
                    + width + "x" + height + ", found " + (rgb == null ? "none" : rgb.length));
        }
        if (labels == null || labels.length != width * height) {
            throw new IllegalArgumentException("sample " + id + ": expected " + (width * height) + " labels for "
                    + width + "x" + height + ", found " + (labels == null ? "none" : labels.length));
        }
    }

    public int pixelCount() {
        return width * height;
    }

    /** The label at column x, row y. */
    public int label(int x, int y) {
        return labels[y * width + x];
    }

    /** Channel c (0 = red, 1 = green, 2 = blue) of pixel (x, y) as 0..255. */
    public int channel(int x, int y, int c) {
        return rgb[3 * (y * width + x) + c] & 0xFF;
    }

    /** Pixel (x, y) packed as 0xRRGGBB. */
    public int packedRgb(int x, int y) {
        int i = 3 * (y * width + x);
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
    }

    /** The same sample with other pixels and labels (for augmentation steps); the id and ignore value are kept. */
    public SegmentationSample withPixels(int newWidth, int newHeight, byte[] newRgb, int[] newLabels) {
        return new SegmentationSample(id, newWidth, newHeight, newRgb, newLabels, ignoreValue);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentationSample s && id.equals(s.id) && width == s.width && height == s.height
                && ignoreValue == s.ignoreValue && Arrays.equals(rgb, s.rgb) && Arrays.equals(labels, s.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id.hashCode() + Arrays.hashCode(rgb)) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "SegmentationSample[" + id + ", " + width + "x" + height + ", ignore " + ignoreValue + "]";
    }
}
