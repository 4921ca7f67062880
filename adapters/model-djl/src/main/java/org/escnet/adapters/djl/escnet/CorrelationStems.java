package org.escnet.adapters.djl.escnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.Conv;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.LayerNorm2d;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.domain.model.CorrelationStem;
import org.escnet.domain.model.CorrelationVolume;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.HeadInputs;

/**
 * The stems of ESC-NET-SPEC §2.6: correlation embedding Conv(P → C_h, k×k), text guidance ReLU(Linear(E → C_h)) of the
 * normalised template mean, and the image embedding X_0: SAM's neck (Conv1x1(E → 256, no bias) + LayerNorm2d) for
 * ESC-Net, or F_v itself for CAT-Seg (whose guidance projection reads the CLIP features).
 */
public final class CorrelationStems extends ShapedBlock implements CorrelationStem {
    private final Conv corrEmbed;
    private final Dense textGuidance;
    private final Conv projIn;
    private final LayerNorm2d projNorm;
    private final int hidden;

    /** @param samNeck true for ESC-Net (X_0 = LN2d(Conv1x1(F_v))), false for CAT-Seg (X_0 = F_v) */
    public CorrelationStems(int templates, int embedDim, int hidden, int corrKernel, boolean samNeck) {
        this.hidden = hidden;
        corrEmbed = addChildBlock("corr_embed", Conv.same(templates, hidden, corrKernel, true));
        textGuidance = addChildBlock("text_guidance", new Dense(embedDim, hidden));
        if (samNeck) {
            projIn = addChildBlock("proj_in", new Conv(embedDim, 256, 1, 1, 0, false));
            projNorm = addChildBlock("proj_in_norm", new LayerNorm2d(256));
        } else {
            projIn = null;
            projNorm = null;
        }
    }

    @Override
    public HeadInputs embed(ForwardPass pass, NDArray visionDense, NDArray text, CorrelationVolume correlation) {
        ParameterStore ps = pass.parameters();
        boolean training = pass.training();
        Shape cs = correlation.cosine().getShape(); // (B, P, N, g, g)
        long b = cs.get(0);
        long p = cs.get(1);
        long n = cs.get(2);
        long g = cs.get(3);
        NDArray perClass = correlation.cosine().transpose(0, 2, 1, 3, 4).reshape(b * n, p, g, g);
        NDArray e0 = corrEmbed.apply(ps, perClass, training).reshape(b, n, hidden, g, g).transpose(0, 2, 1, 3, 4);
        NDArray gt = Activation.relu(textGuidance.apply(ps, text.mean(new int[] {2}).normalize(2, -1), training));
        NDArray x0 = projIn == null ? visionDense
                : projNorm.apply(ps, projIn.apply(ps, visionDense, training), training);
        return new HeadInputs(e0, gt, x0);
    }
}
