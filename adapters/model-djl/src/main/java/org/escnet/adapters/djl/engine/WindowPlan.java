package org.escnet.adapters.djl.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the windows of the sliding-window protocol lie on the square canvas (DATASETS §3.1): CAT-Seg's
 * {@code nn.Unfold} with kernel {@code window} and stride {@code stride}, windows in row-major order.
 *
 * <p>CAT-Seg squashes every image to 640×640 and cuts windows of 384 with {@code stride = int(384 · (1 − 0.333))
 * = 256}, so the canvas is exactly one window plus one stride and each axis holds two windows (offsets 0 and 256).
 * {@link #forWindow(int)} keeps these ratios for any model input: for the tiny preset's 96 px input that gives stride
 * 64 and a 160 px canvas (160 / 96 = 640 / 384).
 *
 * @param canvas side of the square image the windows are cut from
 * @param window side of one window (the model input)
 * @param stride distance between neighbouring window offsets
 */
public record WindowPlan(int canvas, int window, int stride) {
    /** CAT-Seg's {@code overlap} argument of {@code inference_sliding_window}. */
    public static final double OVERLAP = 0.333;

    public WindowPlan {
        if (window < 1 || stride < 1 || canvas < window) {
            throw new IllegalArgumentException("a window plan needs 1 <= window <= canvas and stride >= 1, found canvas "
                    + canvas + ", window " + window + ", stride " + stride);
        }
        if ((canvas - window) % stride != 0) {
            // nn.Unfold would silently leave the last (canvas - window) % stride rows and columns uncovered
            throw new IllegalArgumentException("windows of " + window + " at stride " + stride + " do not end at the "
                    + canvas + " px canvas edge: choose canvas = window + k·stride");
        }
    }

    /** CAT-Seg's plan scaled to a model input of {@code window} px: stride ⌊window·(1 − 0.333)⌋, canvas window + stride. */
    public static WindowPlan forWindow(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("the model input must be at least 2 px for a sliding window, found "
                    + window);
        }
        int stride = (int) (window * (1 - OVERLAP));
        return new WindowPlan(window + stride, window, stride);
    }

    /** The window offsets along one axis: 0, stride, 2·stride, …, canvas − window. */
    public int[] axisOffsets() {
        int count = (canvas - window) / stride + 1;
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = i * stride;
        }
        return offsets;
    }

    /** Every window, row-major (the order of {@code nn.Unfold}). */
    public List<Window> windows() {
        List<Window> all = new ArrayList<>();
        for (int y : axisOffsets()) {
            for (int x : axisOffsets()) {
                all.add(new Window(x, y));
            }
        }
        return all;
    }

    /** How many windows cover each canvas pixel, row-major (canvas · canvas values). */
    public float[] coverage() {
        float[] counts = new float[canvas * canvas];
        for (Window w : windows()) {
            for (int y = w.y(); y < w.y() + window; y++) {
                for (int x = w.x(); x < w.x() + window; x++) {
                    counts[y * canvas + x]++;
                }
            }
        }
        return counts;
    }

    /** The top-left corner of one window on the canvas. */
    public record Window(int x, int y) {
    }
}
