package org.escnet.adapters.djl.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.Conv;
import org.escnet.adapters.djl.ops.ConvTranspose2d;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.MaskDecoder;
import org.escnet.domain.model.VisionFeatures;

/**
 * CAT-Seg's upsampling decoder with CLIP skips (ESC-NET-SPEC §2.3, §2.10): the shallower tap, ConvT ×2, guides the
 * 2g stage; the deeper tap, ConvT ×4, guides the 4g stage. Per class, in class chunks.
 */
public final class UpsamplingDecoder extends ShapedBlock implements MaskDecoder {
    private final ConvTranspose2d skip1;
    private final ConvTranspose2d skip2;
    private final Conv guidance1;
    private final Conv guidance2;
    private final UpBlock up1;
    private final UpBlock up2;
    private final Conv head;

    /** @param visionWidth W_v of the CLIP image tower; @param hidden the correlation embedding width (128) */
    public UpsamplingDecoder(int visionWidth, int hidden) {
        skip1 = addChildBlock("skip_up1", new ConvTranspose2d(visionWidth, 256, 2));
        skip2 = addChildBlock("skip_up2", new ConvTranspose2d(visionWidth, 128, 4));
        guidance1 = addChildBlock("decoder_guidance1", Conv.same(256, 32, 3, true));
        guidance2 = addChildBlock("decoder_guidance2", Conv.same(128, 16, 3, true));
        up1 = addChildBlock("up1", new UpBlock(hidden, 64, 32));
        up2 = addChildBlock("up2", new UpBlock(64, 32, 16));
        head = addChildBlock("head", Conv.same(32, 1, 3, true));
    }

    @Override
    public NDArray decode(ForwardPass pass, NDArray correlation, VisionFeatures vision) {
        ParameterStore ps = pass.parameters();
        boolean training = pass.training();
        NDArray g1 = Activation.relu(guidance1.apply(ps, skip1.apply(ps, vision.tapA(), training), training));
        NDArray g2 = Activation.relu(guidance2.apply(ps, skip2.apply(ps, vision.tapB(), training), training));
        Shape s = correlation.getShape();
        long b = s.get(0);
        long c = s.get(1);
        int n = (int) s.get(2);
        long h = s.get(3);
        NDArray t1 = up1.guidanceTerm(ps, g1, training); // once per image, shared by its classes
        NDArray t2 = up2.guidanceTerm(ps, g2, training);
        int chunk = pass.chunkFor(n);
        NDList parts = new NDList();
        for (int n0 = 0; n0 < n; n0 += chunk) {
            try (ChunkScope scope = new ChunkScope()) {
            int len = Math.min(chunk, n - n0);
            NDArray x = correlation.get(":, :, {}:{}", n0, n0 + len).transpose(0, 2, 1, 3, 4).reshape(b * len, c, h, h);
            x = up2.apply(ps, up1.apply(ps, x, t1, training), t2, training);
            NDArray logits = head.apply(ps, x, training);
            NDArray part = logits.reshape(b, len, logits.getShape().get(2), logits.getShape().get(3));
            scope.keep(part);
            parts.add(part);
            }
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }
}
