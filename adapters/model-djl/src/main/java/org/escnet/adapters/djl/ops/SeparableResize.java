package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Resizes the last two axes with interpolation matrices: differentiable and equal to torch's non-antialiased modes. */
public final class SeparableResize {
    /** The resampling kernel. */
    public enum Mode { BILINEAR, BILINEAR_ALIGN_CORNERS, BICUBIC }

    private SeparableResize() {
    }

    /** (..., H, W) → (..., outH, outW). */
    public static NDArray resize(NDArray x, int outH, int outW, Mode mode) {
        long[] dims = x.getShape().getShape();
        int h = (int) dims[dims.length - 2];
        int w = (int) dims[dims.length - 1];
        if (h == outH && w == outW && mode != Mode.BICUBIC) {
            return x;
        }
        NDManager m = x.getManager();
        try (NDArray ry = matrix(m, h, outH, mode); NDArray rxT = matrix(m, w, outW, mode).transpose()) {
            return ry.matMul(x).matMul(rxT);
        }
    }

    /** The (out × in) matrix of one axis as an array on the given manager. */
    public static NDArray matrix(NDManager manager, int in, int out, Mode mode) {
        float[][] rows = switch (mode) {
            case BILINEAR -> InterpolationMatrix.bilinear(in, out, false);
            case BILINEAR_ALIGN_CORNERS -> InterpolationMatrix.bilinear(in, out, true);
            case BICUBIC -> InterpolationMatrix.bicubic(in, out);
        };
        return OwnedArrays.of(manager, rows);
    }
}
