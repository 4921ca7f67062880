package org.escnet.adapters.datasets.shapesworld;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldVocabulary.Phrase;
import org.escnet.domain.data.SegmentationSample;

/**
 * Draws one ShapesWorld image and its label map (DATASETS.md §7) with its own rasteriser: every pixel centre is
 * tested against the shape, and the colour and label are written together, so labels and pixels always agree and the
 * output is identical on every JVM and thread.
 *
 * <p>Image i of a split depends only on (dataset seed, split, i) through {@link #imageSeed}; all random draws come
 * from one {@link SplittableRandom} (whose algorithm is fixed by its specification) in a fixed order.
 */
public final class ShapesWorldRenderer {
    /** Label of background pixels: not scored, as PAS-20 ignores background. */
    public static final int IGNORE = 255;

    /** Nominal colours (RGB) of {@link ShapesWorldVocabulary#COLOURS}; their hues are at least 23° apart. */
    static final int[][] NOMINAL_RGB = {
            {215, 35, 35}, {40, 165, 60}, {40, 80, 215}, {230, 210, 35}, {135, 55, 185}, {240, 135, 25}};

    /** Share of the way to white of the pattern's second colour: keeps the hue, lowers saturation. */
    static final double TINT = 0.45;

    private static final double HUE_JITTER_DEGREES = 6;

    private final int side;

    /** @param side image width and height in pixels (at least 32) */
    public ShapesWorldRenderer(int side) {
        if (side < 32) {
            throw new IllegalArgumentException("ShapesWorld images need a side of at least 32 pixels, found " + side);
        }
        this.side = side;
    }

    /** One drawn shape: where, how large, in which colour (after jitter) and pattern. */
    public record PlacedShape(Phrase phrase, int label, double centreX, double centreY, double radius, double rotation,
            int rgb, double patternPeriod, double patternAngle) {
    }

    /** An image, its shapes in drawing order (later ones cover earlier ones). */
    public record Rendered(SegmentationSample sample, List<PlacedShape> shapes) {
    }

    /** The seed of image {@code index} of {@code split}: a function of the three values only. */
    public static long imageSeed(long datasetSeed, ShapesWorldSplit split, int index) {
        return mix64(mix64(mix64(datasetSeed) ^ split.code()) + index);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public Rendered render(long datasetSeed, ShapesWorldSplit split, int index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("ShapesWorld index must be 0 or more, found " + index);
        }
        SplittableRandom rng = new SplittableRandom(imageSeed(datasetSeed, split, index));
        int n = side * side;
        byte[] background = new byte[3 * n];
        drawBackground(background, rng);

        List<Phrase> vocabulary = split.vocabulary();
        int count = 2 + rng.nextInt(4);
        int forced = split == ShapesWorldSplit.UNSEEN ? rng.nextInt(count) : -1;
        List<PlacedShape> shapes = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Phrase phrase;
            if (k == forced) {
                phrase = ShapesWorldVocabulary.unseen().get(rng.nextInt(ShapesWorldVocabulary.unseen().size()));
            } else {
                phrase = vocabulary.get(rng.nextInt(vocabulary.size()));
            }
            shapes.add(place(phrase, vocabulary.indexOf(phrase), rng));
        }

        String id = split.benchmark().benchmarkName() + "/" + String.format("%06d", index);
        SegmentationSample sample = draw(id, background, shapes);
        if (forced >= 0 && visibleUnseenPixels(sample, vocabulary) < minimumVisible()) {
            // the later shapes hid every unseen phrase: draw the forced one last so the image keeps its promise
            shapes.add(shapes.remove(forced));
            sample = draw(id, background, shapes);
        }
        return new Rendered(sample, List.copyOf(shapes));
    }

    /** Pixels an unseen phrase must keep visible: 1/200 of the image, at least 16. */
    int minimumVisible() {
        return Math.max(16, side * side / 200);
    }

    static int visibleUnseenPixels(SegmentationSample sample, List<Phrase> vocabulary) {
        int visible = 0;
        for (int label : sample.labels()) {
            if (label != IGNORE && vocabulary.get(label).unseen()) {
                visible++;
            }
        }
        return visible;
    }

    private PlacedShape place(Phrase phrase, int label, SplittableRandom rng) {
        double radius = side * rng.nextDouble(0.15, 0.40) / 2;
        double cx = rng.nextDouble(0, side);
        double cy = rng.nextDouble(0, side);
        double rotation = rng.nextDouble(0, 2 * Math.PI);
        double hueShift = rng.nextDouble(-HUE_JITTER_DEGREES, HUE_JITTER_DEGREES);
        double brightness = rng.nextDouble(0.85, 1.05);
        double period = side * rng.nextDouble(0.05, 0.10);
        double patternAngle = rng.nextDouble(0, Math.PI);
        int rgb = jitter(NOMINAL_RGB[phrase.colour()], hueShift, brightness);
        return new PlacedShape(phrase, label, cx, cy, radius, rotation, rgb, period, patternAngle);
    }

    /** A smooth two-colour gradient in a random direction, muted so shapes stand out, plus ±6 noise per channel. */
    private void drawBackground(byte[] rgb, SplittableRandom rng) {
        int[] from = mutedColour(rng);
        int[] to = mutedColour(rng);
        double angle = rng.nextDouble(0, 2 * Math.PI);
        double ca = Math.cos(angle);
        double sa = Math.sin(angle);
        double half = side / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double t = Math.max(0, Math.min(1, ((x + 0.5 - half) * ca + (y + 0.5 - half) * sa) / side + 0.5));
                int o = 3 * (y * side + x);
                for (int c = 0; c < 3; c++) {
                    double v = from[c] + (to[c] - from[c]) * t + rng.nextInt(-6, 7);
                    rgb[o + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
                }
            }
        }
    }

    private static int[] mutedColour(SplittableRandom rng) {
        int grey = rng.nextInt(70, 191);
        return new int[] {grey + rng.nextInt(-25, 26), grey + rng.nextInt(-25, 26), grey + rng.nextInt(-25, 26)};
    }

    private SegmentationSample draw(String id, byte[] background, List<PlacedShape> shapes) {
        byte[] rgb = background.clone();
        int[] labels = new int[side * side];
        java.util.Arrays.fill(labels, IGNORE);
        for (PlacedShape s : shapes) {
            drawShape(s, rgb, labels);
        }
        return new SegmentationSample(id, side, side, rgb, labels, IGNORE);
    }

    private void drawShape(PlacedShape s, byte[] rgb, int[] labels) {
        int primary = s.rgb();
        int secondary = tint(primary);
        double cos = Math.cos(s.rotation());
        double sin = Math.sin(s.rotation());
        double pc = Math.cos(s.patternAngle());
        double ps = Math.sin(s.patternAngle());
        int x0 = Math.max(0, (int) Math.floor(s.centreX() - s.radius()));
        int x1 = Math.min(side - 1, (int) Math.ceil(s.centreX() + s.radius()));
        int y0 = Math.max(0, (int) Math.floor(s.centreY() - s.radius()));
        int y1 = Math.min(side - 1, (int) Math.ceil(s.centreY() + s.radius()));
        int pattern = s.phrase().pattern();
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - s.centreY();
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - s.centreX();
                double u = (dx * cos + dy * sin) / s.radius();
                double v = (-dx * sin + dy * cos) / s.radius();
                if (!ShapeGeometry.contains(s.phrase().shape(), u, v)) {
                    continue;
                }
                double a = dx * pc + dy * ps;
                double b = -dx * ps + dy * pc;
                boolean second = switch (pattern) {
                    case 1 -> Math.floorMod((long) Math.floor(a / (s.patternPeriod() / 2)), 2L) == 1;
                    case 2 -> dotted(a, b, s.patternPeriod());
                    default -> false;
                };
                int colour = second ? secondary : primary;
                int i = y * side + x;
                rgb[3 * i] = (byte) (colour >> 16);
                rgb[3 * i + 1] = (byte) (colour >> 8);
                rgb[3 * i + 2] = (byte) colour;
                labels[i] = s.label();
            }
        }
    }

    private static boolean dotted(double a, double b, double period) {
        double fa = a / period - Math.rint(a / period);
        double fb = b / period - Math.rint(b / period);
        return (fa * fa + fb * fb) <= 0.3 * 0.3;
    }

    /** The pattern's second colour: same hue, {@link #TINT} of the way to white. */
    static int tint(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return lighten(r) << 16 | lighten(g) << 8 | lighten(b);
    }

    private static int lighten(int c) {
        return (int) Math.round(c + (255 - c) * TINT);
    }

    /** Shifts the hue of a colour by {@code degrees} and scales its brightness; returns 0xRRGGBB. */
    static int jitter(int[] rgb, double degrees, double brightness) {
        double[] hsv = toHsv(rgb[0], rgb[1], rgb[2]);
        double h = ((hsv[0] + degrees) % 360 + 360) % 360;
        double v = Math.min(1, hsv[2] * brightness);
        return fromHsv(h, hsv[1], v);
    }

    /** RGB 0..255 → {hue in degrees, saturation 0..1, value 0..1}. */
    static double[] toHsv(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double d = max - min;
        double h;
        if (d == 0) {
            h = 0;
        } else if (max == r) {
            h = 60 * ((g - b) / d);
        } else if (max == g) {
            h = 60 * ((b - r) / d) + 120;
        } else {
            h = 60 * ((r - g) / d) + 240;
        }
        return new double[] {(h + 360) % 360, max == 0 ? 0 : d / max, max / 255.0};
    }

    private static int fromHsv(double h, double s, double v) {
        double c = v * s;
        double hp = h / 60;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r;
        double g;
        double b;
        switch ((int) hp) {
            case 0 -> { r = c; g = x; b = 0; }
            case 1 -> { r = x; g = c; b = 0; }
            case 2 -> { r = 0; g = c; b = x; }
            case 3 -> { r = 0; g = x; b = c; }
            case 4 -> { r = x; g = 0; b = c; }
            default -> { r = c; g = 0; b = x; }
        }
        double m = v - c;
        return channel(r + m) << 16 | channel(g + m) << 8 | channel(b + m);
    }

    private static int channel(double unit) {
        return (int) Math.max(0, Math.min(255, Math.round(unit * 255)));
    }
}
