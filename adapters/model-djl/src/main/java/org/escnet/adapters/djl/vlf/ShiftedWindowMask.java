package org.escnet.adapters.djl.vlf;

import org.escnet.adapters.djl.ops.OwnedArrays;

/**
 * The attention mask of a shifted Swin window (Swin Transformer, used by CAT-Seg's spatial aggregation): after the
 * cyclic shift a window can hold pixels from up to four regions that were not neighbours in the image; attention
 * between pixels of different regions gets {@link #BLOCKED} (zero after softmax), within a region 0.
 */
public final class ShiftedWindowMask {
    /**
     * Swin (and ESC-NET-SPEC §2.9c) use -100. Its softmax weights, about e^-100 ≈ 4·10^-44, are denormal floats that
     * x86 handles in slow microcode in the softmax and in the product with the values; -10^4 makes them exactly 0.
     * Both are far below float32 resolution next to the unmasked weights: on a 16-class chunk of ESC-Net-B's shifted
     * block the outputs were bit-identical, and the block took 66.0 ms against 70.2 ms (medians of 35, interleaved).
     */
    public static final float BLOCKED = -1e4f;

    private ShiftedWindowMask() {
    }

    /** → [windows][ws·ws][ws·ws] for an h×w grid, windows in row-major order, positions row-major within a window. */
    public static float[][][] build(int h, int w, int window, int shift) {
        if (h % window != 0 || w % window != 0) {
            throw new IllegalArgumentException("Swin window " + window + " does not tile a " + h + "x" + w + " grid");
        }
        int[][] region = new int[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                region[r][c] = 3 * band(r, h, window, shift) + band(c, w, window, shift);
            }
        }
        int wh = h / window;
        int ww = w / window;
        int n = window * window;
        float[][][] mask = new float[wh * ww][n][n];
        for (int wr = 0; wr < wh; wr++) {
            for (int wc = 0; wc < ww; wc++) {
                float[][] m = mask[wr * ww + wc];
                for (int i = 0; i < n; i++) {
                    int ri = region[wr * window + i / window][wc * window + i % window];
                    for (int j = 0; j < n; j++) {
                        int rj = region[wr * window + j / window][wc * window + j % window];
                        m[i][j] = ri == rj ? 0f : BLOCKED;
                    }
                }
            }
        }
        return mask;
    }

    /** The same mask as an array: → (windows, ws·ws, ws·ws). */
    public static ai.djl.ndarray.NDArray array(ai.djl.ndarray.NDManager manager, int h, int w, int window, int shift) {
        float[][][] m = build(h, w, window, shift);
        int n = window * window;
        float[] flat = new float[m.length * n * n];
        for (int i = 0; i < m.length; i++) {
            for (int r = 0; r < n; r++) {
                System.arraycopy(m[i][r], 0, flat, (i * n + r) * n, n);
            }
        }
        return OwnedArrays.of(manager, flat, new ai.djl.ndarray.types.Shape(m.length, n, n));
    }

    /** Swin's slices (0, −ws), (−ws, −shift), (−shift, end) along one axis, as band 0, 1, 2. */
    private static int band(int i, int size, int window, int shift) {
        if (shift == 0 || i < size - window) {
            return 0;
        }
        return i < size - shift ? 1 : 2;
    }
}
