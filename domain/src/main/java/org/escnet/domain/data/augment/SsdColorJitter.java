package org.escnet.domain.data.augment;

import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/**
 * MaskFormer's {@code ColorAugSSDTransform} (ESC-NET-SPEC §3.4): brightness, then either contrast → saturation → hue
 * or saturation → hue → contrast; each of the four is applied with probability 1/2. Values follow the original's
 * arithmetic: {@code clip(v·alpha + beta, 0, 255)} truncated to an integer, saturation and hue on OpenCV's 8-bit HSV
 * (hue in 0..179, i.e. degrees / 2). Labels are untouched.
 */
public record SsdColorJitter(int brightnessDelta, double contrastLow, double contrastHigh, double saturationLow,
        double saturationHigh, int hueDelta) implements SampleTransform {

    /** The values of ESC-NET-SPEC §3.4: brightness ±32, contrast and saturation ×[0.5, 1.5], hue ±18. */
    public static final SsdColorJitter DEFAULT = new SsdColorJitter(32, 0.5, 1.5, 0.5, 1.5, 18);

    @Override
    public SegmentationSample apply(SegmentationSample sample, RandomGenerator random) {
        byte[] rgb = sample.rgb().clone();
        if (random.nextInt(2) == 1) {
            affine(rgb, 1, random.nextDouble(-brightnessDelta, brightnessDelta));
        }
        if (random.nextInt(2) == 1) {
            contrast(rgb, random);
            saturation(rgb, random);
            hue(rgb, random);
        } else {
            saturation(rgb, random);
            hue(rgb, random);
            contrast(rgb, random);
        }
        return sample.withPixels(sample.width(), sample.height(), rgb, sample.labels());
    }

    private void contrast(byte[] rgb, RandomGenerator random) {
        if (random.nextInt(2) == 1) {
            affine(rgb, random.nextDouble(contrastLow, contrastHigh), 0);
        }
    }

    private void saturation(byte[] rgb, RandomGenerator random) {
        if (random.nextInt(2) == 1) {
            double alpha = random.nextDouble(saturationLow, saturationHigh);
            adjustHsv(rgb, 0, alpha);
        }
    }

    private void hue(byte[] rgb, RandomGenerator random) {
        if (random.nextInt(2) == 1) {
            adjustHsv(rgb, random.nextInt(-hueDelta, hueDelta + 1), 1);
        }
    }

    /** v ← trunc(clip(v·alpha + beta, 0, 255)) on every channel, as numpy's astype(uint8) after np.clip. */
    static void affine(byte[] rgb, double alpha, double beta) {
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clipToByte((rgb[i] & 0xFF) * alpha + beta);
        }
    }

    private static byte clipToByte(double v) {
        return (byte) (int) Math.max(0, Math.min(255, v));
    }

    /** Shifts 8-bit hue by {@code hueShift} (mod 180) and scales 8-bit saturation by {@code saturationScale}. */
    static void adjustHsv(byte[] rgb, int hueShift, double saturationScale) {
        int[] hsv = new int[3];
        for (int i = 0; i < rgb.length; i += 3) {
            toHsv8(rgb[i] & 0xFF, rgb[i + 1] & 0xFF, rgb[i + 2] & 0xFF, hsv);
            int h = Math.floorMod(hsv[0] + hueShift, 180);
            int s = saturationScale == 1 ? hsv[1] : clipToByte(hsv[1] * saturationScale) & 0xFF;
            fromHsv8(h, s, hsv[2], rgb, i);
        }
    }

    /** OpenCV RGB→HSV for 8-bit images: H = degrees/2 in 0..179, S and V in 0..255, rounded. */
    static void toHsv8(int r, int g, int b, int[] out) {
        int v = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        int diff = v - min;
        int s = v == 0 ? 0 : (int) Math.round(255.0 * diff / v);
        double h;
        if (diff == 0) {
            h = 0;
        } else if (v == r) {
            h = 60.0 * (g - b) / diff;
        } else if (v == g) {
            h = 120 + 60.0 * (b - r) / diff;
        } else {
            h = 240 + 60.0 * (r - g) / diff;
        }
        if (h < 0) {
            h += 360;
        }
        out[0] = (int) Math.round(h / 2) % 180;
        out[1] = s;
        out[2] = v;
    }

    /** OpenCV HSV→RGB for 8-bit images (inverse of {@link #toHsv8}), written to rgb[at..at+2]. */
    static void fromHsv8(int h8, int s8, int v8, byte[] rgb, int at) {
        double h = h8 * 2 / 60.0;
        double s = s8 / 255.0;
        double v = v8 / 255.0;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double r;
        double g;
        double b;
        switch (sector) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        rgb[at] = (byte) Math.round(r * 255);
        rgb[at + 1] = (byte) Math.round(g * 255);
        rgb[at + 2] = (byte) Math.round(b * 255);
    }
}
