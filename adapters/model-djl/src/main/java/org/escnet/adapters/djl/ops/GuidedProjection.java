package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Linear layers over the concatenation [x; g] (CAT-Seg's guided attention: queries and keys see the per-class
 * features x next to a guidance g that every class shares), evaluated as x·W_xᵀ + (g·W_gᵀ + b).
 *
 * <p>The two forms are equal, but g·W_gᵀ + b is computed once per image (or once per class) instead of once per
 * class and position, and the per-class copy of g that the concatenation needs is never made. Several layers are
 * fused into one matrix product: their x-parts are stacked into one weight, their shared parts into one tensor. A
 * layer whose input is x alone (SAM-style values) contributes its full weight and just its bias.
 */
public final class GuidedProjection {
    private GuidedProjection() {
    }

    /** The stacked x-part weights (Σ out, xWidth) of {@code layers}, whose inputs start with x of width xWidth. */
    public static NDArray rowWeights(ParameterStore ps, NDArray like, boolean training, int xWidth, Dense... layers) {
        NDList parts = new NDList();
        for (Dense d : layers) {
            NDArray w = d.weightValue(ps, like, training);
            parts.add(d.inputs() == xWidth ? w : w.get(":, :{}", xWidth));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }

    /**
     * The shared terms g·W_gᵀ + b of {@code layers}, stacked on the last axis: g (..., gWidth) → (..., Σ out). A layer
     * without a guidance part contributes its bias, broadcast.
     */
    public static NDArray sharedTerms(ParameterStore ps, NDArray g, boolean training, int xWidth, Dense... layers) {
        NDList parts = new NDList();
        for (Dense d : layers) {
            NDArray b = d.biasValue(ps, g, training);
            if (d.inputs() == xWidth) {
                parts.add(b.broadcast(g.getShape().slice(0, g.getShape().dimension() - 1).add(d.outputs())));
            } else {
                NDArray wg = d.weightValue(ps, g, training).get(":, {}:", xWidth);
                if (wg.getShape().get(1) != g.getShape().get(g.getShape().dimension() - 1)) {
                    throw new IllegalArgumentException("guidance of width " + g.getShape().getLastDimension()
                            + " for a layer whose guidance part is " + wg.getShape().get(1) + " wide");
                }
                parts.add(Linear.linear(g, wg, b).singletonOrThrow());
            }
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, -1);
    }

    /** x (..., xWidth) and stacked x-part weights (out, xWidth) → x·W_xᵀ (..., out), without bias. */
    public static NDArray rows(NDArray x, NDArray rowWeights) {
        return Linear.linear(x, rowWeights, null).singletonOrThrow();
    }
}
