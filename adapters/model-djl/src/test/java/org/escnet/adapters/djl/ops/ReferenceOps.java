package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Plain forms of the layers, for tests that compare a block as it runs with the block written out: every step spelt
 * with elementary array operations, none of the fused or in-place paths of the production code.
 */
public final class ReferenceOps {
    private ReferenceOps() {
    }

    /** torch.nn.LayerNorm over the last axis, eps 1e-5. */
    public static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        return centred.div(variance.add(1e-5f).sqrt()).mul(weight).add(bias);
    }

    /** torch.nn.Linear: x·Wᵀ + b. */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.matMul(weight.transpose()).add(bias);
    }

    /**
     * Every parameter of {@code block} (already initialised) drawn from N(0, scale²), biases and norms included, so
     * that no term of a comparison is zero by construction.
     */
    public static void randomize(Block block, NDManager manager, float scale) {
        for (Parameter p : ParameterPaths.of(block).values()) {
            NDArray a = p.getArray();
            a.set(manager.randomNormal(a.getShape()).mul(scale).toFloatArray());
        }
    }
}
