package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.escnet.adapters.djl.ops.Conv;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.GuidanceProjection;

/** The VLF image guidance G = ReLU(Conv3x3(in → out)(X)) (ESC-NET-SPEC §2.9c; CAT-Seg's guidance projection). */
public final class ConvGuidance extends ShapedBlock implements GuidanceProjection {
    private final Conv conv;

    public ConvGuidance(int in, int out) {
        conv = addChildBlock("conv", Conv.same(in, out, 3, true));
    }

    @Override
    public NDArray project(ForwardPass pass, NDArray image) {
        return Activation.relu(conv.apply(pass.parameters(), image, pass.training()));
    }
}
