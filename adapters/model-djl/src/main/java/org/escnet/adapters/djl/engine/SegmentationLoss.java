package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.escnet.adapters.djl.ops.OwnedArrays;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.data.SegmentationSample;

/**
 * The training loss of ESC-NET-SPEC §2.11: per-class binary cross-entropy with logits, averaged over every element
 * B×H×W×N_c at the label size. Targets are one-hot; ignored pixels stay in the mean as all-negative targets, as
 * CAT-Seg does.
 */
public final class SegmentationLoss {
    private SegmentationLoss() {
    }

    /**
     * logits (B, N_c, h, w) and B label maps of any size → scalar loss; each sample's logits are bilinearly resized
     * (align_corners = false) to its own label size.
     */
    public static NDArray of(NDArray logits, List<SegmentationSample> samples) {
        long[] dims = logits.getShape().getShape();
        if (dims.length != 4 || dims[0] != samples.size()) {
            throw new IllegalArgumentException("expected logits (B, N_c, h, w) with B = " + samples.size()
                    + " samples, found " + logits.getShape());
        }
        int classes = (int) dims[1];
        NDArray total = null;
        long elements = 0;
        for (int b = 0; b < samples.size(); b++) {
            SegmentationSample s = samples.get(b);
            NDArray x = SeparableResize.resize(logits.get(b), s.height(), s.width(), SeparableResize.Mode.BILINEAR);
            NDArray y = targets(logits.getManager(), s, classes);
            NDArray sum = elementwise(x, y).sum();
            total = total == null ? sum : total.add(sum);
            elements += (long) classes * s.pixelCount();
        }
        return Scalars.over(total, elements);
    }

    /** x, y of one shape → max(x, 0) − x·y + log(1 + e^−|x|), the numerically stable BCE-with-logits. */
    static NDArray elementwise(NDArray x, NDArray y) {
        return x.clip(0, Float.MAX_VALUE).sub(x.mul(y)).add(x.abs().neg().exp().add(1).log());
    }

    /** One sample's labels → (N_c, H, W) one-hot targets; ignored pixels are 0 for every class. */
    static NDArray targets(NDManager manager, SegmentationSample s, int classes) {
        int hw = s.pixelCount();
        float[] t = new float[classes * hw];
        int[] labels = s.labels();
        for (int i = 0; i < hw; i++) {
            int l = labels[i];
            if (l >= 0 && l < classes) {
                t[l * hw + i] = 1f;
            } else if (l != s.ignoreValue()) {
                throw new IllegalArgumentException("sample " + s.id() + ": label " + l + " at pixel " + i
                        + " is neither a class index 0.." + (classes - 1) + " nor the ignore value " + s.ignoreValue());
            }
        }
        return OwnedArrays.of(manager, t, new Shape(classes, s.height(), s.width()));
    }
}
