package org.escnet.domain.data.augment;

import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/**
 * detectron2's absolute {@code RandomCrop}: a window of at most {@code cropWidth × cropHeight} (smaller sides are kept
 * whole) at a uniformly random position. CAT-Seg's category-area constraint is 1.0, i.e. off, so none is applied.
 */
public record RandomCrop(int cropWidth, int cropHeight) implements SampleTransform {

    public RandomCrop {
        if (cropWidth < 1 || cropHeight < 1) {
            throw new IllegalArgumentException("crop size must be positive, found " + cropWidth + "x" + cropHeight);
        }
    }

    @Override
    public SegmentationSample apply(SegmentationSample sample, RandomGenerator random) {
        int cw = Math.min(cropWidth, sample.width());
        int ch = Math.min(cropHeight, sample.height());
        int y0 = random.nextInt(sample.height() - ch + 1);
        int x0 = random.nextInt(sample.width() - cw + 1);
        return crop(sample, x0, y0, cw, ch);
    }

    /** The window with top-left corner (x0, y0) and size cw × ch. */
    public static SegmentationSample crop(SegmentationSample sample, int x0, int y0, int cw, int ch) {
        if (x0 < 0 || y0 < 0 || x0 + cw > sample.width() || y0 + ch > sample.height()) {
            throw new IllegalArgumentException("crop " + cw + "x" + ch + " at (" + x0 + "," + y0 + ") leaves the "
                    + sample.width() + "x" + sample.height() + " image");
        }
        if (x0 == 0 && y0 == 0 && cw == sample.width() && ch == sample.height()) {
            return sample;
        }
        byte[] rgb = new byte[cw * ch * 3];
        int[] labels = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            int src = (y0 + y) * sample.width() + x0;
            System.arraycopy(sample.rgb(), 3 * src, rgb, 3 * y * cw, 3 * cw);
            System.arraycopy(sample.labels(), src, labels, y * cw, cw);
        }
        return sample.withPixels(cw, ch, rgb, labels);
    }
}
