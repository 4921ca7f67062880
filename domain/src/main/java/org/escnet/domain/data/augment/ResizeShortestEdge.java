package org.escnet.domain.data.augment;

import java.util.random.RandomGenerator;
import org.escnet.domain.data.SegmentationSample;

/**
 * detectron2's {@code ResizeShortestEdge} with one edge length: scale so the short side becomes {@code shortEdge},
 * unless the long side would exceed {@code maxSize}, in which case the long side becomes {@code maxSize}.
 * The image is resized bilinearly (pixel centres at +0.5, edges clamped), the label map by nearest neighbour.
 */
public record ResizeShortestEdge(int shortEdge, int maxSize) implements SampleTransform {

    public ResizeShortestEdge {
        if (shortEdge < 1 || maxSize < shortEdge) {
            throw new IllegalArgumentException("need 1 <= short edge <= max size, found " + shortEdge + " and " + maxSize);
        }
    }

    /** The output size {width, height} for an input of width w and height h, rounded as detectron2 does. */
    public int[] outputSize(int w, int h) {
        double scale = (double) shortEdge / Math.min(h, w);
        double newH;
        double newW;
        if (h < w) {
            newH = shortEdge;
            newW = scale * w;
        } else {
            newH = scale * h;
            newW = shortEdge;
        }
        if (Math.max(newH, newW) > maxSize) {
            double s = maxSize / Math.max(newH, newW);
            newH *= s;
            newW *= s;
        }
        return new int[] {(int) (newW + 0.5), (int) (newH + 0.5)};
    }

    @Override
    public SegmentationSample apply(SegmentationSample sample, RandomGenerator random) {
        int[] size = outputSize(sample.width(), sample.height());
        return resize(sample, size[0], size[1]);
    }

    /** Resizes to exactly {@code newWidth × newHeight}: image bilinear, labels nearest. */
    public static SegmentationSample resize(SegmentationSample sample, int newWidth, int newHeight) {
        int w = sample.width();
        int h = sample.height();
        if (w == newWidth && h == newHeight) {
            return sample;
        }
        return sample.withPixels(newWidth, newHeight, bilinear(sample.rgb(), w, h, newWidth, newHeight),
                nearest(sample.labels(), w, h, newWidth, newHeight));
    }

    /** Bilinear resize of an HWC RGB byte image [h, w, 3] → [nh, nw, 3]. */
    static byte[] bilinear(byte[] src, int w, int h, int nw, int nh) {
        int[] x0 = new int[nw];
        int[] x1 = new int[nw];
        float[] fx = new float[nw];
        sourceTaps(w, nw, x0, x1, fx);
        int[] y0 = new int[nh];
        int[] y1 = new int[nh];
        float[] fy = new float[nh];
        sourceTaps(h, nh, y0, y1, fy);
        byte[] out = new byte[nw * nh * 3];
        for (int y = 0; y < nh; y++) {
            int rowA = y0[y] * w;
            int rowB = y1[y] * w;
            float wy = fy[y];
            for (int x = 0; x < nw; x++) {
                float wx = fx[x];
                int a = 3 * (rowA + x0[x]);
                int b = 3 * (rowA + x1[x]);
                int c = 3 * (rowB + x0[x]);
                int d = 3 * (rowB + x1[x]);
                int o = 3 * (y * nw + x);
                for (int ch = 0; ch < 3; ch++) {
                    float top = (src[a + ch] & 0xFF) * (1 - wx) + (src[b + ch] & 0xFF) * wx;
                    float bottom = (src[c + ch] & 0xFF) * (1 - wx) + (src[d + ch] & 0xFF) * wx;
                    out[o + ch] = (byte) Math.min(255, Math.round(top * (1 - wy) + bottom * wy));
                }
            }
        }
        return out;
    }

    private static void sourceTaps(int srcSize, int dstSize, int[] lo, int[] hi, float[] frac) {
        double scale = (double) srcSize / dstSize;
        for (int i = 0; i < dstSize; i++) {
            double s = Math.max(0, (i + 0.5) * scale - 0.5);
            int l = Math.min((int) s, srcSize - 1);
            lo[i] = l;
            hi[i] = Math.min(l + 1, srcSize - 1);
            frac[i] = (float) (s - l);
        }
    }

    /** Nearest-neighbour resize of a label map [h, w] → [nh, nw]; picks the source pixel under the centre. */
    static int[] nearest(int[] src, int w, int h, int nw, int nh) {
        int[] xs = new int[nw];
        for (int x = 0; x < nw; x++) {
            xs[x] = Math.min(w - 1, (int) Math.floor((x + 0.5) * w / nw));
        }
        int[] out = new int[nw * nh];
        for (int y = 0; y < nh; y++) {
            int sy = Math.min(h - 1, (int) Math.floor((y + 0.5) * h / nh));
            int row = sy * w;
            for (int x = 0; x < nw; x++) {
                out[y * nw + x] = src[row + xs[x]];
            }
        }
        return out;
    }
}
