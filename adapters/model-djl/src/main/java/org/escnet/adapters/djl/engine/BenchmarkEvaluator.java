package org.escnet.adapters.djl.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ConfusionMatrix;
import org.escnet.domain.experiment.EvalMode;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.TextFeatures;

/**
 * Scores a network on a dataset: the vocabulary's text features are encoded once, every image goes through an
 * {@link ImagePredictor} (whole image or sliding window), and the predictions are accumulated into one dataset-level
 * {@link ConfusionMatrix} with the dataset's own scoring rule (DATASETS §3.2; PAS-20b's background collapse lives
 * there). The time of each image's prediction is kept for the latency metric.
 */
public final class BenchmarkEvaluator {
    private final EscNetNetwork network;
    private final NDManager manager;
    private final ImagePredictor predictor;
    private final ParameterStore parameters;
    private final ClassChunking chunking;

    /** @param chunking classes per chunk in the per-class stages: bounds memory on the 847- and 459-class sets */
    public BenchmarkEvaluator(EscNetNetwork network, NDManager manager, ImagePredictor predictor,
                              ClassChunking chunking) {
        Engine.getInstance();
        this.network = network;
        this.manager = manager;
        this.predictor = predictor;
        this.parameters = new ParameterStore(manager, false);
        this.chunking = chunking;
    }

    /** {@link #forMode(EvalMode, EscNetNetwork, NDManager, ClassChunking)} with the default chunking. */
    public static BenchmarkEvaluator forMode(EvalMode mode, EscNetNetwork network, NDManager manager) {
        return forMode(mode, network, manager, ClassChunking.DEFAULT);
    }

    /** The evaluator of an {@code eval.mode}, windows sized by the network's input (see {@link WindowPlan}). */
    public static BenchmarkEvaluator forMode(EvalMode mode, EscNetNetwork network, NDManager manager,
                                             ClassChunking chunking) {
        int side = network.architecture().preset().clip().imageSize();
        ImagePredictor predictor = switch (mode) {
            case WHOLE -> new WholeImagePredictor(manager, side);
            case SLIDING -> new SlidingWindowPredictor(manager, WindowPlan.forWindow(side));
        };
        return new BenchmarkEvaluator(network, manager, predictor, chunking);
    }

    /** Receives the first images' predictions, e.g. to draw them. */
    @FunctionalInterface
    public interface SampleListener {
        void accept(int index, SegmentationSample sample, ImagePrediction prediction);
    }

    /**
     * The scores of one dataset and the time each image took.
     *
     * @param matrix     the accumulated confusion matrix
     * @param latencyMs  wall time of each evaluated image's prediction, in evaluation order
     */
    public record Evaluation(ConfusionMatrix matrix, double[] latencyMs) {
        public int images() {
            return latencyMs.length;
        }
    }

    /** Scores the first {@code maxImages} images (0 = all); see {@link #evaluate(SegmentationDataset, int, int,
     * SampleListener, BooleanSupplier)}. */
    public ConfusionMatrix evaluate(SegmentationDataset dataset, int maxImages, BooleanSupplier stop) {
        return evaluate(dataset, maxImages, 0, (i, s, p) -> { }, stop).matrix();
    }

    /**
     * Scores the first {@code maxImages} images (0 = all) of a dataset.
     *
     * @param samples  the first this many images are also handed to {@code listener}, with their prompts
     * @param stop     checked before every image; when true the images so far are returned
     */
    public Evaluation evaluate(SegmentationDataset dataset, int maxImages, int samples, SampleListener listener,
                               BooleanSupplier stop) {
        JniUtils.setGradMode(false); // this may run on a worker thread, where torch records graphs by default
        ForwardPass pass = new ForwardPass(parameters, false, chunking.classes());
        ConfusionMatrix matrix = new ConfusionMatrix(dataset.scoring());
        int n = maxImages > 0 ? Math.min(maxImages, dataset.size()) : dataset.size();
        double[] latency = new double[n];
        int done = 0;
        TextFeatures text;
        try (NDScope scope = new NDScope()) {
            // the encoder's intermediates land on the parameters' manager: the scope frees them, keeping only F_l
            text = network.net().textEncoder().encode(pass, manager, dataset.classNames());
            NDScope.unregister(text.features());
            scope.suppressNotUsedWarning();
        }
        try (NDArray features = text.features()) {
            ViewSegmenter segmenter = view -> network.segment(pass, view, text);
            for (int i = 0; i < n && !stop.getAsBoolean(); i++) {
                SegmentationSample s = dataset.sample(i);
                boolean keep = i < samples;
                long start = System.nanoTime();
                ImagePrediction prediction = predictor.predict(s, segmenter, keep);
                latency[done++] = (System.nanoTime() - start) / 1e6;
                matrix.accumulate(prediction.classes(), s.labels());
                if (keep) {
                    listener.accept(i, s, prediction);
                }
            }
        }
        return new Evaluation(matrix, Arrays.copyOf(latency, done));
    }
}
