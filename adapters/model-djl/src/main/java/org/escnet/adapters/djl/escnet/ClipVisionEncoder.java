package org.escnet.adapters.djl.escnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.escnet.adapters.djl.clip.ClipImageNormalizer;
import org.escnet.adapters.djl.clip.ClipVisionTransformer;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.VisionEncoder;
import org.escnet.domain.model.VisionFeatures;

/** The CLIP image tower as ESC-Net's {@link VisionEncoder}: normalise, resize to R (bilinear), dense forward. */
public final class ClipVisionEncoder implements VisionEncoder {
    private final ClipVisionTransformer vision;

    public ClipVisionEncoder(ClipVisionTransformer vision) {
        this.vision = vision;
    }

    @Override
    public VisionFeatures encode(ForwardPass pass, NDArray images) {
        int r = vision.config().imageSize();
        NDArray x = ClipImageNormalizer.normalize(images);
        if (x.getShape().get(2) != r || x.getShape().get(3) != r) {
            x = SeparableResize.resize(x, r, r, SeparableResize.Mode.BILINEAR);
        }
        NDList out = vision.forwardDense(pass.parameters(), x, pass.training());
        return new VisionFeatures(out.get(0), out.get(1), out.get(2));
    }

    @Override
    public int grid() {
        return vision.config().grid();
    }
}
