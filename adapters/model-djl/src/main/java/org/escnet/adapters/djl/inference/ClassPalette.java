package org.escnet.adapters.djl.inference;

import java.util.Locale;

/**
 * The colour of the i-th requested class: twenty hand-picked, well-separated colours first (the classes people
 * usually ask about), then hues spaced by the golden angle so any further class still differs from its neighbours.
 * Fixed, so a class keeps its colour from one request to the next.
 */
public final class ClassPalette {
    private static final int[] FIRST = {
        0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6, 0xBCF60C, 0xFABEBE,
        0x008080, 0xE6BEFF, 0x9A6324, 0xFFFAC8, 0x800000, 0xAAFFC3, 0x808000, 0xFFD8B1, 0x000075, 0x808080};
    private static final double GOLDEN_ANGLE = 137.508;

    private ClassPalette() {
    }

    /** 0xRRGGBB of class {@code index} (0-based, in request order). */
    public static int rgb(int index) {
        if (index < FIRST.length) {
            return FIRST[index];
        }
        double hue = ((index - FIRST.length) * GOLDEN_ANGLE) % 360;
        // alternate lightness so two classes with close hues are still told apart
        double value = index % 2 == 0 ? 0.95 : 0.7;
        return hsvToRgb(hue, 0.75, value);
    }

    /** {@code #rrggbb} of class {@code index}. */
    public static String hex(int index) {
        return String.format(Locale.ROOT, "#%06x", rgb(index));
    }

    private static int hsvToRgb(double hue, double saturation, double value) {
        double c = value * saturation;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = value - c;
        double[] rgb = switch ((int) (hue / 60) % 6) {
            case 0 -> new double[] {c, x, 0};
            case 1 -> new double[] {x, c, 0};
            case 2 -> new double[] {0, c, x};
            case 3 -> new double[] {0, x, c};
            case 4 -> new double[] {x, 0, c};
            default -> new double[] {c, 0, x};
        };
        int r = (int) Math.round((rgb[0] + m) * 255);
        int g = (int) Math.round((rgb[1] + m) * 255);
        int b = (int) Math.round((rgb[2] + m) * 255);
        return r << 16 | g << 8 | b;
    }
}
