package org.escnet.adapters.djl.ops;

/**
 * One-dimensional resampling as a matrix (out × in), one row of weights per output pixel, with torch's index
 * conventions. DJL's native interpolation forces antialiasing and ignores align_corners, so resizes that must match
 * torch apply these matrices separably: {@code Ry · x · Rxᵀ}.
 */
public final class InterpolationMatrix {
    /** torch's bicubic convolution coefficient (upsample_bicubic2d). */
    public static final double CUBIC_A = -0.75;

    private InterpolationMatrix() {
    }

    /** Bilinear weights (out × in) as torch.nn.functional.interpolate(mode="bilinear") along one axis. */
    public static float[][] bilinear(int in, int out, boolean alignCorners) {
        check(in, out);
        float[][] m = new float[out][in];
        for (int d = 0; d < out; d++) {
            double src;
            if (alignCorners) {
                src = out > 1 ? d * (double) (in - 1) / (out - 1) : 0;
            } else {
                src = Math.max((d + 0.5) * in / out - 0.5, 0);
            }
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double lambda = src - i0;
            m[d][i0] += (float) (1 - lambda);
            m[d][i1] += (float) lambda;
        }
        return m;
    }

    /** Bicubic weights (out × in), a = -0.75, align_corners = false, border indices clamped, as torch. */
    public static float[][] bicubic(int in, int out) {
        check(in, out);
        float[][] m = new float[out][in];
        for (int d = 0; d < out; d++) {
            double src = (d + 0.5) * in / out - 0.5; // not clamped for cubic, as in torch
            int i = (int) Math.floor(src);
            double t = src - i;
            double[] w = {cubicFar(t + 1), cubicNear(t), cubicNear(1 - t), cubicFar(2 - t)};
            for (int j = 0; j < 4; j++) {
                int idx = Math.min(Math.max(i - 1 + j, 0), in - 1);
                m[d][idx] += (float) w[j];
            }
        }
        return m;
    }

    private static double cubicNear(double x) {
        return ((CUBIC_A + 2) * x - (CUBIC_A + 3)) * x * x + 1;
    }

    private static double cubicFar(double x) {
        return ((CUBIC_A * x - 5 * CUBIC_A) * x + 8 * CUBIC_A) * x - 4 * CUBIC_A;
    }

    private static void check(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("interpolation sizes must be positive, found in=" + in + " out=" + out);
        }
    }
}
