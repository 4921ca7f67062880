package org.escnet.adapters.djl.engine;

import java.util.List;
import org.escnet.domain.data.SegmentationSample;

/**
 * The soft class targets of a CLIP patch grid: for each of the g×g patches of each image, the share of the patch's
 * pixels that carry each class. Ignored pixels count for no class, so a patch mostly of background has a small total
 * weight and a patch wholly of background has none.
 */
final class PatchTargets {
    private PatchTargets() {
    }

    /**
     * @param samples label maps of any size; pixel (x, y) falls in patch (⌊x·g/W⌋, ⌊y·g/H⌋)
     * @param grid    g
     * @param classes N, the vocabulary size
     * @return row-major (B, g², N) shares, each patch's row summing to its labelled share of pixels (≤ 1)
     */
    static float[] of(List<SegmentationSample> samples, int grid, int classes) {
        int cells = grid * grid;
        float[] shares = new float[samples.size() * cells * classes];
        for (int b = 0; b < samples.size(); b++) {
            SegmentationSample s = samples.get(b);
            int w = s.width();
            int h = s.height();
            float perPixel = cells / (float) (w * h);
            int[] labels = s.labels();
            for (int y = 0; y < h; y++) {
                int row = y * grid / h;
                for (int x = 0; x < w; x++) {
                    int label = labels[y * w + x];
                    if (label == s.ignoreValue()) {
                        continue;
                    }
                    if (label < 0 || label >= classes) {
                        throw new IllegalArgumentException("sample " + s.id() + ": label " + label + " at (" + x + ", "
                                + y + ") is outside the vocabulary 0.." + (classes - 1) + " and not the ignore value "
                                + s.ignoreValue());
                    }
                    int cell = row * grid + x * grid / w;
                    shares[(b * cells + cell) * classes + label] += perPixel;
                }
            }
        }
        return shares;
    }
}
