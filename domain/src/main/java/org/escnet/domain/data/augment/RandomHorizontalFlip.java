package org.escnet.domain.data.augment;

import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/** Mirrors image and labels left–right with probability {@code probability}. */
public record RandomHorizontalFlip(double probability) implements SampleTransform {

    public RandomHorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], found " + probability);
        }
    }

    @Override
    public SegmentationSample apply(SegmentationSample sample, RandomGenerator random) {
        return random.nextDouble() < probability ? flip(sample) : sample;
    }

    public static SegmentationSample flip(SegmentationSample sample) {
        int w = sample.width();
        int h = sample.height();
        byte[] src = sample.rgb();
        int[] srcLabels = sample.labels();
        byte[] rgb = new byte[src.length];
        int[] labels = new int[srcLabels.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int from = row + (w - 1 - x);
                int to = row + x;
                labels[to] = srcLabels[from];
                rgb[3 * to] = src[3 * from];
                rgb[3 * to + 1] = src[3 * from + 1];
                rgb[3 * to + 2] = src[3 * from + 2];
            }
        }
        return sample.withPixels(w, h, rgb, labels);
    }
}
