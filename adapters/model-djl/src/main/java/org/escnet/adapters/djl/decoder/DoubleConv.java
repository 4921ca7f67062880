package org.escnet.adapters.djl.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.Conv;
import org.escnet.adapters.djl.ops.GroupNorm;
import org.escnet.adapters.djl.ops.ShapedBlock;

/** CAT-Seg's DoubleConv: (Conv3x3 without bias → GroupNorm(out/16) → ReLU) twice. */
public final class DoubleConv extends ShapedBlock {
    private final Conv conv1;
    private final GroupNorm norm1;
    private final Conv conv2;
    private final GroupNorm norm2;

    public DoubleConv(int in, int out) {
        conv1 = addChildBlock("conv1", Conv.same(in, out, 3, false));
        norm1 = addChildBlock("norm1", new GroupNorm(out / 16, out));
        conv2 = addChildBlock("conv2", Conv.same(out, out, 3, false));
        norm2 = addChildBlock("norm2", new GroupNorm(out / 16, out));
    }

    /** (N, in, H, W) → (N, out, H, W). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = Activation.relu(norm1.apply(ps, conv1.apply(ps, x, training), training));
        return Activation.relu(norm2.apply(ps, conv2.apply(ps, y, training), training));
    }
}
