package org.escnet.adapters.djl.inference;

/** The image with every pixel tinted by its predicted class's {@link ClassPalette} colour. */
public final class OverlayImage {
    /** Share of the class colour in a tinted pixel: enough to read the classes, little enough to see the photo. */
    static final double ALPHA = 0.5;

    private OverlayImage() {
    }

    /**
     * @param labels  the class index of every pixel, row-major, one per pixel of {@code image}
     * @param classes how many classes the labels index
     */
    public static RgbImage blend(RgbImage image, int[] labels, int classes) {
        if (labels.length != image.pixelCount()) {
            throw new IllegalArgumentException("expected one label per pixel (" + image.pixelCount() + "), found "
                    + labels.length);
        }
        int[] colours = new int[classes];
        for (int k = 0; k < classes; k++) {
            colours[k] = ClassPalette.rgb(k);
        }
        byte[] src = image.rgb();
        byte[] out = new byte[src.length];
        for (int i = 0; i < labels.length; i++) {
            int colour = colours[labels[i]];
            for (int c = 0; c < 3; c++) {
                int tint = colour >> (16 - 8 * c) & 0xFF;
                int pixel = src[3 * i + c] & 0xFF;
                out[3 * i + c] = (byte) Math.round((1 - ALPHA) * pixel + ALPHA * tint);
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
