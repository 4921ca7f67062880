package org.escnet.adapters.djl.clip;

/**
 * PyTorch's {@code F.interpolate(mode="bicubic", align_corners=False)} (cubic convolution with a = -0.75, border
 * samples clamped, no antialiasing) in plain Java doubles. DJL's native bicubic forces antialiasing with a = -0.5
 * (DJL-NOTES §1), so the ViT-B/16 positional-embedding resize (14x14 → 24x24) is done with these weights instead.
 */
public final class BicubicGridResize {

    static final double A = -0.75;

    private BicubicGridResize() {
    }

    /**
     * One-dimensional weights: row {@code o} holds the weights of the input samples for output sample {@code o}.
     *
     * @return (outSize, inSize) weights; every row sums to 1
     */
    public static double[][] weights(int inSize, int outSize) {
        double[][] w = new double[outSize][inSize];
        double scale = (double) inSize / outSize;
        for (int o = 0; o < outSize; o++) {
            // align_corners=False source coordinate; for cubic PyTorch does not clamp it at 0
            double real = scale * (o + 0.5) - 0.5;
            int floor = (int) Math.floor(real);
            int index = Math.min(floor, inSize - 1);
            double t = Math.min(Math.max(real - index, 0.0), 1.0);
            double[] c = {cubicFar(t + 1), cubicNear(t), cubicNear(1 - t), cubicFar(2 - t)};
            for (int k = 0; k < 4; k++) {
                int src = Math.max(0, Math.min(inSize - 1, index - 1 + k));
                w[o][src] += c[k];
            }
        }
        return w;
    }

    private static double cubicNear(double x) {
        return ((A + 2) * x - (A + 3)) * x * x + 1;
    }

    private static double cubicFar(double x) {
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }

    /**
     * Resizes a square grid of vectors.
     *
     * @param grid    (inSide·inSide, channels) row-major, position index = row·inSide + col
     * @return (outSide·outSide, channels)
     */
    public static double[][] resize(double[][] grid, int inSide, int outSide) {
        double[][] w = weights(inSide, outSide);
        int channels = grid[0].length;
        double[][] out = new double[outSide * outSide][channels];
        for (int oy = 0; oy < outSide; oy++) {
            for (int ox = 0; ox < outSide; ox++) {
                double[] dst = out[oy * outSide + ox];
                for (int iy = 0; iy < inSide; iy++) {
                    if (w[oy][iy] == 0) {
                        continue;
                    }
                    for (int ix = 0; ix < inSide; ix++) {
                        double wt = w[oy][iy] * w[ox][ix];
                        if (wt == 0) {
                            continue;
                        }
                        double[] src = grid[iy * inSide + ix];
                        for (int c = 0; c < channels; c++) {
                            dst[c] += wt * src[c];
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The resize as one matrix, so it can be applied to an NDArray by a single matMul.
     *
     * @return (outSide², inSide²) row-major float weights: out = M · in
     */
    public static float[] matrix(int inSide, int outSide) {
        double[][] w = weights(inSide, outSide);
        int nIn = inSide * inSide;
        float[] m = new float[outSide * outSide * nIn];
        for (int oy = 0; oy < outSide; oy++) {
            for (int ox = 0; ox < outSide; ox++) {
                int row = (oy * outSide + ox) * nIn;
                for (int iy = 0; iy < inSide; iy++) {
                    for (int ix = 0; ix < inSide; ix++) {
                        m[row + iy * inSide + ix] = (float) (w[oy][iy] * w[ox][ix]);
                    }
                }
            }
        }
        return m;
    }
}
