package org.escnet.adapters.djl.inference;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.escnet.adapters.djl.engine.ImageTensors;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.model.ForwardPass;

/**
 * One image → the most likely class of every pixel: the image resized to the model input (bilinear), one forward
 * without gradients, the logits resized back to the image size (bilinear, as whole-image evaluation does) and the
 * argmax over classes.
 */
final class PixelClassifier {
    /** Resized logits held at once (floats): the image is resized in bands of rows so large images stay bounded. */
    private static final long BAND_VALUES = 1L << 24;

    private PixelClassifier() {
    }

    /** @return class indices into {@code classNames}, row-major, one per image pixel */
    static int[] classify(EscNetNetwork network, NDManager manager, RgbImage image, List<String> classNames,
                          ClassChunking chunking) {
        Engine.getInstance(); // the native library must be loaded before any JniUtils call
        JniUtils.setGradMode(false); // request threads start with torch's grad mode on and would record a graph
        ForwardPass pass = new ForwardPass(new ParameterStore(manager, false), false, chunking.classes());
        int side = network.architecture().preset().clip().imageSize();
        // every temporary of the forward is freed here, whatever manager it landed on
        try (NDScope scope = new NDScope()) {
            NDArray input = ImageTensors.of(manager, image.rgb(), image.height(), image.width(), side).expandDims(0);
            NDArray logits = network.segment(pass, input, classNames).logits().get(0);
            scope.suppressNotUsedWarning();
            return argMaxAtSize(logits, image.height(), image.width());
        }
    }

    /** logits (N, h, w) → argmax over N of the logits bilinearly resized to (height, width). */
    private static int[] argMaxAtSize(NDArray logits, int height, int width) {
        long classes = logits.getShape().get(0);
        int h = (int) logits.getShape().get(1);
        int w = (int) logits.getShape().get(2);
        NDManager m = logits.getManager();
        NDArray rows = SeparableResize.matrix(m, h, height, SeparableResize.Mode.BILINEAR);
        NDArray columnsT = SeparableResize.matrix(m, w, width, SeparableResize.Mode.BILINEAR).transpose();
        int band = (int) Math.max(1, Math.min(height, BAND_VALUES / (classes * width)));
        int[] out = new int[height * width];
        for (int top = 0; top < height; top += band) {
            int bottom = Math.min(height, top + band);
            try (NDScope scope = new NDScope()) {
                NDArray resized = rows.get(new NDIndex(top + ":" + bottom)).matMul(logits).matMul(columnsT);
                int[] labels = resized.argMax(0).toType(DataType.INT32, false).toIntArray();
                System.arraycopy(labels, 0, out, top * width, labels.length);
                scope.suppressNotUsedWarning();
            }
        }
        return out;
    }
}
