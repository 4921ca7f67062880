package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.model.Segmentation;

/**
 * Sliding-window evaluation, the CAT-Seg / ESC-Net benchmark protocol (DATASETS §3.1, mode {@code sliding};
 * ESC-NET-SPEC §3.5), on the geometry of a {@link WindowPlan}:
 * <ol>
 *   <li>the image is bilinearly resized to the square canvas (640×640 for a 384 px model; aspect ratio not kept);</li>
 *   <li>each window of the canvas, and a global view (the whole image resized to the window), goes through the
 *       network; its logits are bilinearly resized to the window side and turned into sigmoid probabilities;</li>
 *   <li>the window probabilities are summed into the canvas and divided by the number of windows covering each pixel;
 *       the global probabilities are upsampled to the canvas and the two maps averaged;</li>
 *   <li>the canvas map is bilinearly resized to the label size and the argmax taken.</li>
 * </ol>
 * The views run one at a time rather than as CAT-Seg's batch of five: the result is the same (no layer mixes images)
 * and the peak memory is a fifth. Steps 3–4 run in chunks of classes with a running argmax, so a 847-class canvas
 * never sits in memory at once. The global view is resized from the original image, where CAT-Seg first resizes the
 * short side to 640; both are bilinear without antialiasing.
 *
 * <p>The kept prompts are the global view's: it is the only view that sees the whole image, so its grid maps onto the
 * image.
 */
public final class SlidingWindowPredictor implements ImagePredictor {
    /** Classes per chunk when combining views: one chunk of a 640 px canvas is 64 · 640² floats (105 MB). */
    private static final int CLASS_CHUNK = 64;

    private final NDManager manager;
    private final WindowPlan plan;

    public SlidingWindowPredictor(NDManager manager, WindowPlan plan) {
        this.manager = manager;
        this.plan = plan;
    }

    public WindowPlan plan() {
        return plan;
    }

    @Override
    public ImagePrediction predict(SegmentationSample sample, ViewSegmenter network, boolean keepPrompts) {
        int side = plan.window();
        try (NDScope scope = new NDScope()) {
            NDArray canvas = ImageTensors.of(manager, sample, plan.canvas()); // (3, C, C)
            List<NDArray> windowLogits = new ArrayList<>();
            for (WindowPlan.Window w : plan.windows()) {
                NDArray crop = canvas.get(new NDIndex(":, " + w.y() + ":" + (w.y() + side) + ", "
                        + w.x() + ":" + (w.x() + side)));
                windowLogits.add(network.segment(crop.expandDims(0)).logits().get(0));
            }
            Segmentation global = network.segment(ImageTensors.of(manager, sample, side).expandDims(0));
            PromptSnapshot prompts = keepPrompts ? PromptSnapshot.of(global) : null;
            NDArray globalLogits = global.logits().get(0);
            NDArray coverage = manager.create(plan.coverage(), new Shape(1, plan.canvas(), plan.canvas()));
            scope.suppressNotUsedWarning();
            return new ImagePrediction(argmaxAtLabelSize(windowLogits, globalLogits, coverage, sample), prompts);
        }
    }

    /** Steps 3–4, class chunk by class chunk; ties go to the lower class index, as in a single argmax. */
    private int[] argmaxAtLabelSize(List<NDArray> windowLogits, NDArray globalLogits, NDArray coverage,
                                    SegmentationSample sample) {
        int classes = (int) globalLogits.getShape().get(0);
        int pixels = sample.pixelCount();
        float[] best = new float[pixels];
        int[] arg = new int[pixels];
        for (int from = 0; from < classes; from += CLASS_CHUNK) {
            int to = Math.min(classes, from + CLASS_CHUNK);
            try (NDScope chunkScope = new NDScope()) {
                NDIndex chunk = new NDIndex(from + ":" + to);
                List<NDArray> windows = new ArrayList<>();
                for (NDArray logits : windowLogits) {
                    windows.add(logits.get(chunk));
                }
                NDArray probabilities = SeparableResize.resize(
                        canvasProbabilities(windows, globalLogits.get(chunk), coverage),
                        sample.height(), sample.width(), SeparableResize.Mode.BILINEAR);
                float[] chunkBest = probabilities.max(new int[] {0}).toFloatArray();
                int[] chunkArg = probabilities.argMax(0).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < pixels; i++) {
                    if (from == 0 || chunkBest[i] > best[i]) {
                        best[i] = chunkBest[i];
                        arg[i] = from + chunkArg[i];
                    }
                }
                chunkScope.suppressNotUsedWarning();
            }
        }
        return arg;
    }

    /**
     * Steps 2–3 for some classes. Shapes: window logits n × (K, h, w) in {@link WindowPlan#windows()} order, global
     * logits (K, h, w), coverage (1, C, C) → (K, C, C) probabilities on the canvas.
     */
    NDArray canvasProbabilities(List<NDArray> windowLogits, NDArray globalLogits, NDArray coverage) {
        List<WindowPlan.Window> windows = plan.windows();
        if (windowLogits.size() != windows.size()) {
            throw new IllegalArgumentException("the plan has " + windows.size() + " windows, found logits for "
                    + windowLogits.size());
        }
        int side = plan.window();
        int canvas = plan.canvas();
        NDArray sum = null;
        for (int i = 0; i < windows.size(); i++) {
            WindowPlan.Window w = windows.get(i);
            NDArray p = probabilities(windowLogits.get(i), side);
            // pad order is last axis first: (left, right, top, bottom)
            NDArray placed = p.pad(new Shape(w.x(), canvas - side - w.x(), w.y(), canvas - side - w.y()), 0);
            sum = sum == null ? placed : sum.add(placed);
        }
        NDArray folded = sum.div(coverage);
        NDArray global = SeparableResize.resize(probabilities(globalLogits, side), canvas, canvas,
                SeparableResize.Mode.BILINEAR);
        return folded.add(global).div(2);
    }

    /** logits (K, h, w) → sigmoid of their bilinear resize to (K, side, side). */
    private static NDArray probabilities(NDArray logits, int side) {
        return Activation.sigmoid(SeparableResize.resize(logits, side, side, SeparableResize.Mode.BILINEAR));
    }
}
