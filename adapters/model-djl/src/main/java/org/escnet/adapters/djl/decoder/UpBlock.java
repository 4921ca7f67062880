package org.escnet.adapters.djl.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ConvTranspose2d;
import org.escnet.adapters.djl.ops.ShapedBlock;

/** CAT-Seg's Up: ConvTranspose ×2 to (in − guidance) channels, concatenate the skip guidance, DoubleConv. */
public final class UpBlock extends ShapedBlock {
    private final ConvTranspose2d up;
    private final DoubleConv conv;

    public UpBlock(int in, int out, int guidance) {
        up = addChildBlock("up", new ConvTranspose2d(in, in - guidance, 2));
        conv = addChildBlock("conv", new DoubleConv(in, out));
    }

    /** x (B·n, in, H, W), guidance (B, guidance, 2H, 2W) shared by the n classes of an image → (B·n, out, 2H, 2W). */
    public NDArray apply(ParameterStore ps, NDArray x, NDArray guidance, boolean training) {
        NDArray y = up.apply(ps, x, training);
        Shape gs = guidance.getShape();
        long perImage = y.getShape().get(0) / gs.get(0);
        NDArray g = guidance.expandDims(1).broadcast(new Shape(gs.get(0), perImage, gs.get(1), gs.get(2), gs.get(3)))
                .reshape(-1, gs.get(1), gs.get(2), gs.get(3));
        return conv.apply(ps, y.concat(g, 1), training);
    }
}
