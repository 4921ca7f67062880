package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/**
 * Gradient clipping on the global L2 norm over all given gradients (torch's {@code clip_grad_norm_}); DJL's own
 * {@code optClipGrad} clamps each element one-sidedly, which is not this (DJL-NOTES §2).
 */
public final class GlobalNormClipping {
    private GlobalNormClipping() {
    }

    /**
     * Scales every gradient in place by {@code maxNorm / norm} when the norm exceeds {@code maxNorm}.
     *
     * @param gradients gradients of any shapes
     * @param maxNorm   the limit; 0 or less = only measure
     * @return the global norm before clipping; when it is not finite nothing is scaled (the caller skips the step)
     */
    public static double clip(Collection<NDArray> gradients, double maxNorm) {
        double sumSquares = 0;
        for (NDArray g : gradients) {
            try (NDArray sq = g.square().sum()) {
                sumSquares += sq.getFloat();
            }
        }
        double norm = Math.sqrt(sumSquares);
        if (maxNorm > 0 && norm > maxNorm && Double.isFinite(norm)) {
            // torch adds 1e-6 to the norm so that a tiny norm never scales up
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : gradients) {
                g.muli(scale);
            }
        }
        return norm;
    }
}
