package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Step 1 of the PPG (ESC-NET-SPEC §2.7, A9): one spatial distribution per (image, class) map, p = softmax over the
 * g·g positions of S/τ. The softmax is spatial because the paper applies it to each class map C^n ∈ R^{1×H×W}.
 */
public final class SpatialProbability {

    private SpatialProbability() {
    }

    /**
     * Shapes: (B, N_c, g, g) maps → (B·N_c, g·g) float32, rows summing to 1, row b·N_c + n. The input is detached,
     * so nothing is recorded for autograd.
     */
    public static NDArray of(NDArray maps, double temperature) {
        Shape shape = maps.getShape();
        long rows = shape.get(0) * shape.get(1);
        long positions = shape.get(2) * shape.get(3);
        return maps.stopGradient().toType(DataType.FLOAT32, false).reshape(rows, positions)
                .div((float) temperature).softmax(1);
    }
}
