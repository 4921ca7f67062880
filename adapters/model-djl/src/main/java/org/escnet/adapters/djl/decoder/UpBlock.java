package org.escnet.adapters.djl.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ChunkScope;
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

    /**
     * The DoubleConv's share of the skip guidance and of the transposed convolution's bias, once per image:
     * (B, guidance, 2H, 2W) → (B, out, 2H, 2W). The bias of up(x) is a constant image, and the first convolution is
     * linear, so its convolution is computed once here instead of adding the bias to every class's up(x).
     */
    public NDArray guidanceTerm(ParameterStore ps, NDArray guidance, boolean training) {
        Shape s = guidance.getShape();
        NDArray biasImage = up.biasValue(ps, guidance, training).reshape(1, upChannels, 1, 1)
                .broadcast(new Shape(1, upChannels, s.get(2), s.get(3)));
        return conv.firstConvOfShared(ps, guidance, upChannels, training)
                .add(conv.firstConvOfShared(ps, biasImage, 0, training));
    }

    /**
     * x (B·n, in, H, W), the guidance term of {@link #guidanceTerm} for the B images → (B·n, out, 2H, 2W): the same as
     * the DoubleConv of [up(x); guidance] with the guidance repeated for each of an image's n classes.
     */
    public NDArray apply(ParameterStore ps, NDArray x, NDArray guidanceTerm, boolean training) {
        // its own scope: the decoder's largest arrays are freed as soon as the block is done
        return ChunkScope.result(() -> conv.apply(ps, up.applyWithoutBias(ps, x, training), guidanceTerm, training));
    }
}
