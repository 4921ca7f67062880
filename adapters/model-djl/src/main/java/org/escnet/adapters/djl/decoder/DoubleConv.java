package org.escnet.adapters.djl.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
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
        return afterFirstConv(ps, conv1.apply(ps, x, training), training);
    }

    /**
     * The same block over the concatenation [y; g] where g is shared by the n = N / B rows of each image: conv1 of y
     * plus conv1 of g, the latter given once per image by {@link #firstConvOfShared}.
     * y (B·n, in − C_g, H, W), shared (B, out, H, W) → (B·n, out, H, W).
     */
    public NDArray apply(ParameterStore ps, NDArray y, NDArray shared, boolean training) {
        NDArray c = conv1.applyToChannels(ps, y, 0, (int) y.getShape().get(1), training);
        Shape s = c.getShape();
        long b = shared.getShape().get(0);
        // into the fresh convolution output, whose backward does not read it
        c.reshape(b, s.get(0) / b, s.get(1), s.get(2), s.get(3)).addi(shared.expandDims(1));
        return afterFirstConv(ps, c, training);
    }

    /** conv1's share of the shared input g, whose channels start at {@code from}: (B, in − from, H, W) → (B, out, H, W). */
    public NDArray firstConvOfShared(ParameterStore ps, NDArray g, int from, boolean training) {
        return conv1.applyToChannels(ps, g, from, from + (int) g.getShape().get(1), training);
    }

    private NDArray afterFirstConv(ParameterStore ps, NDArray c, boolean training) {
        NDArray y = Activation.relu(norm1.apply(ps, c, training));
        return Activation.relu(norm2.apply(ps, conv2.apply(ps, y, training), training));
    }
}
