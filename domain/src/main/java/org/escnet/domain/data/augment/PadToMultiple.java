package org.escnet.domain.data.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/**
 * Pads on the right and bottom so both sides are multiples of {@code divisor} (MaskFormer's size divisibility):
 * image with grey {@code imageFill}, labels with the sample's ignore value (255 for COCO-Stuff), so padding is never
 * scored as a class.
 */
public record PadToMultiple(int divisor, int imageFill) implements SampleTransform {

    public PadToMultiple {
        if (divisor < 1 || imageFill < 0 || imageFill > 255) {
            throw new IllegalArgumentException("need divisor >= 1 and fill in 0..255, found " + divisor + ", " + imageFill);
        }
    }

    @Override
    public SegmentationSample apply(SegmentationSample sample, RandomGenerator random) {
        int w = sample.width();
        int h = sample.height();
        int nw = (w + divisor - 1) / divisor * divisor;
        int nh = (h + divisor - 1) / divisor * divisor;
        if (nw == w && nh == h) {
            return sample;
        }
        byte[] rgb = new byte[nw * nh * 3];
        Arrays.fill(rgb, (byte) imageFill);
        int[] labels = new int[nw * nh];
        Arrays.fill(labels, sample.ignoreValue());
        for (int y = 0; y < h; y++) {
            System.arraycopy(sample.rgb(), 3 * y * w, rgb, 3 * y * nw, 3 * w);
            System.arraycopy(sample.labels(), y * w, labels, y * nw, w);
        }
        return sample.withPixels(nw, nh, rgb, labels);
    }
}
