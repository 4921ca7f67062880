package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.model.Segmentation;

/**
 * Whole-image evaluation (DATASETS §3.1, mode {@code whole}): the image resized to the model input once, logits
 * bilinearly upsampled to the label size, argmax over classes. Sigmoid is left out: it is monotone, so the argmax is
 * the same.
 */
public final class WholeImagePredictor implements ImagePredictor {
    private final NDManager manager;
    private final int side;

    /** @param side the model input side (the preset's CLIP image size) */
    public WholeImagePredictor(NDManager manager, int side) {
        this.manager = manager;
        this.side = side;
    }

    @Override
    public ImagePrediction predict(SegmentationSample sample, ViewSegmenter network, boolean keepPrompts) {
        try (NDScope scope = new NDScope()) {
            NDArray image = ImageTensors.of(manager, sample, side).expandDims(0);
            Segmentation out = network.segment(image);
            PromptSnapshot prompts = keepPrompts ? PromptSnapshot.of(out) : null;
            NDArray up = SeparableResize.resize(out.logits().get(0), sample.height(), sample.width(),
                    SeparableResize.Mode.BILINEAR);
            scope.suppressNotUsedWarning();
            return new ImagePrediction(up.argMax(0).toType(DataType.INT32, false).toIntArray(), prompts);
        }
    }
}
