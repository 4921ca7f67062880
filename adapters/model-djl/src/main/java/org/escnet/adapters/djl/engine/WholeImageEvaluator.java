package org.escnet.adapters.djl.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.function.BooleanSupplier;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ConfusionMatrix;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.TextFeatures;

/**
 * Whole-image evaluation (DATASETS §3.1, mode {@code whole}): each image resized to the model input once, logits
 * bilinearly upsampled to the label size, argmax over classes, accumulated into one dataset-level
 * {@link ConfusionMatrix} with the dataset's own scoring rule (DATASETS §3.2).
 */
public final class WholeImageEvaluator {
    /** Classes per chunk in the per-class stages: bounds memory on the 847- and 459-class vocabularies. */
    private static final int CLASS_CHUNK = 64;

    private final EscNetNetwork network;
    private final NDManager manager;
    private final ParameterStore parameters;

    public WholeImageEvaluator(EscNetNetwork network, NDManager manager) {
        Engine.getInstance();
        this.network = network;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
    }

    /**
     * Scores the first {@code maxImages} images (0 = all) of a dataset.
     *
     * @param stop checked before every image; when true the images so far are returned
     */
    public ConfusionMatrix evaluate(SegmentationDataset dataset, int maxImages, BooleanSupplier stop) {
        JniUtils.setGradMode(false); // this may run on a worker thread, where torch records graphs by default
        ForwardPass pass = new ForwardPass(parameters, false, CLASS_CHUNK);
        ConfusionMatrix matrix = new ConfusionMatrix(dataset.scoring());
        int n = maxImages > 0 ? Math.min(maxImages, dataset.size()) : dataset.size();
        TextFeatures text;
        try (NDScope scope = new NDScope()) {
            // the encoder's intermediates land on the parameters' manager: the scope frees them, keeping only F_l
            text = network.net().textEncoder().encode(pass, manager, dataset.classNames());
            NDScope.unregister(text.features());
            scope.suppressNotUsedWarning();
        }
        try (NDArray features = text.features()) {
            for (int i = 0; i < n && !stop.getAsBoolean(); i++) {
                SegmentationSample s = dataset.sample(i);
                matrix.accumulate(predict(pass, s, text), s.labels());
            }
        }
        return matrix;
    }

    /** One sample → predicted class per pixel at the label size (row-major, H·W values). */
    int[] predict(ForwardPass pass, SegmentationSample s, TextFeatures text) {
        int side = network.architecture().preset().clip().imageSize();
        try (NDScope scope = new NDScope()) {
            NDArray image = ImageTensors.of(manager, s, side).expandDims(0);
            NDArray logits = network.segment(pass, image, text).logits().get(0);
            NDArray up = SeparableResize.resize(logits, s.height(), s.width(), SeparableResize.Mode.BILINEAR);
            scope.suppressNotUsedWarning();
            return up.argMax(0).toType(DataType.INT32, false).toIntArray();
        }
    }
}
