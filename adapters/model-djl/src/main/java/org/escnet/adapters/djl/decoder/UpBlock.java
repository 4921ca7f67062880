package org.escnet.adapters.djl.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ConvTranspose2d;
import org.escnet.adapters.djl.ops.ShapedBlock;

/** CAT-Seg's Up: ConvTranspose ×2 to (in − guidance) channels, concatenate the skip guidance, DoubleConv. */
public final class UpBlock extends ShapedBlock {
    private final ConvTranspose2d up;
    private final DoubleConv conv;
    private final int upChannels;

    public UpBlock(int in, int out, int guidance) {
        upChannels = in - guidance;
        up = addChildBlock("up", new ConvTranspose2d(in, upChannels, 2));
        conv = addChildBlock("conv", new DoubleConv(in, out));
    }

    /** The DoubleConv's share of the skip guidance, once per image: (B, guidance, 2H, 2W) → (B, out, 2H, 2W). */
    public NDArray guidanceTerm(ParameterStore ps, NDArray guidance, boolean training) {
        return conv.firstConvOfShared(ps, guidance, upChannels, training);
    }

    /**
     * x (B·n, in, H, W), the guidance term of {@link #guidanceTerm} for the B images → (B·n, out, 2H, 2W): the same as
     * the DoubleConv of [up(x); guidance] with the guidance repeated for each of an image's n classes.
     */
    public NDArray apply(ParameterStore ps, NDArray x, NDArray guidanceTerm, boolean training) {
        return conv.apply(ps, up.apply(ps, x, training), guidanceTerm, training);
    }
}
