package org.escnet.app.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldDataset;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldSplit;
import org.escnet.adapters.djl.engine.BenchmarkEvaluator;
import org.escnet.adapters.djl.engine.Trainer;
import org.escnet.adapters.djl.engine.TrainingSettings;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.domain.data.PresentClasses;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ConfusionMatrix;
import org.escnet.domain.evaluation.SegmentationScores;
import org.escnet.domain.experiment.EvalMode;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;
import org.escnet.domain.model.WeightPaths;

/**
 * What {@code escnet bench overfit} runs: a preset trained on the first images of ShapesWorld's training split with the
 * phrases they contain, then scored on those same images (whole-image mode). A model that cannot overfit a handful of
 * images has a bug or lacks the signal to tell the classes apart; the majority-class score is printed next to it.
 */
final class OverfitCheck {
    /** What to train: the model, the data and the recipe. */
    record Setup(ModelSpec spec, int images, int side, long dataSeed, TrainingSettings training, int logEvery) {
    }

    /** The outcome: first and last logged loss, the training-set scores and the majority-class baseline. */
    record Result(PresentClasses data, double firstLoss, double lastLoss, SegmentationScores scores,
                  double majorityMIoU, double seconds) {
    }

    private OverfitCheck() {
    }

    static Result run(Setup setup, PrintStream log) {
        ShapesWorldDataset world = new ShapesWorldDataset(ShapesWorldSplit.TRAIN, setup.dataSeed(), setup.side(),
                setup.images());
        PresentClasses data = PresentClasses.firstImages(world, setup.images());
        double majority = majorityMIoU(data);
        TrainingSettings t = setup.training();
        log.printf(Locale.ROOT, "overfitting %s on %d synthetic ShapesWorld images with the %d phrases they contain: "
                + "%d steps of %d, lr %.1e / %.1e (low group)%n", setup.spec().preset(), data.size(),
                data.classNames().size(), t.iterations(), t.batchSize(), t.lr(), t.lrLow());
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) t.seed());
            EscNetNetwork network = EscNetFactory.build(setup.spec(), manager);
            double first = Double.NaN;
            double sum = 0;
            int logged = 0;
            double last = Double.NaN;
            try (Trainer trainer = new Trainer(network, data, t, manager)) {
                while (!trainer.finished()) {
                    Trainer.Step step = trainer.step();
                    if (Double.isNaN(first)) {
                        first = step.loss();
                    }
                    sum += step.loss();
                    logged++;
                    long done = step.iteration() + 1;
                    if (done % setup.logEvery() == 0 || done == t.iterations()) {
                        last = sum / logged;
                        double seconds = (System.nanoTime() - start) / 1e9;
                        log.printf(Locale.ROOT, "step %d/%d  loss %.4f  %.1f s/step  ETA %.0f s%n", done,
                                t.iterations(), last, seconds / done, seconds / done * (t.iterations() - done));
                        sum = 0;
                        logged = 0;
                    }
                }
            }
            ConfusionMatrix matrix = BenchmarkEvaluator.forMode(EvalMode.WHOLE, network, manager)
                    .evaluate(data, 0, () -> false);
            return new Result(data, first, last, matrix.scores(), majority, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The mIoU of predicting each image's most frequent class everywhere: the floor a trained model must clear. */
    static double majorityMIoU(PresentClasses data) {
        ConfusionMatrix matrix = new ConfusionMatrix(data.scoring());
        for (int i = 0; i < data.size(); i++) {
            SegmentationSample s = data.sample(i);
            long[] counts = new long[data.classNames().size()];
            for (int label : s.labels()) {
                if (label != data.ignoreValue()) {
                    counts[label]++;
                }
            }
            int best = 0;
            for (int c = 1; c < counts.length; c++) {
                if (counts[c] > counts[best]) {
                    best = c;
                }
            }
            int[] prediction = new int[s.pixelCount()];
            Arrays.fill(prediction, best);
            matrix.accumulate(prediction, s.labels());
        }
        return matrix.scores().mIoU();
    }

    static String report(Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "training-set mIoU %.2f (majority class %.2f); "
                + "loss %.4f -> %.4f; %.0f s%nper-class IoU:%n", r.scores().mIoU(), r.majorityMIoU(), r.firstLoss(),
                r.lastLoss(), r.seconds()));
        for (int c = 0; c < r.data().classNames().size(); c++) {
            sb.append(String.format(Locale.ROOT, "  %-28s %6.1f%n", r.data().classNames().get(c),
                    r.scores().classIoUPercent(c)));
        }
        return sb.toString();
    }

    /**
     * The recipe of an overfit run: AdamW with weight decay 1e-4, gradient norm clipped at 1, no warm-up, no
     * augmentation, every image of the set, crops of the whole {@code side}.
     */
    static TrainingSettings training(int steps, int batch, double lr, double lrLow, int side, long seed) {
        return new TrainingSettings(steps, batch, 1, lr, lrLow, 1e-4, 1.0, 0, side, false, 0, seed);
    }

    /** The spec of an overfit run: the preset with its defaults, no class cap, and an optional CLIP file. */
    static ModelSpec spec(String preset, SamInit samInit, String clip) {
        ModelSpec d = ModelSpec.DEFAULTS;
        return new ModelSpec(preset, d.prompts(), samInit, d.escBlocks(), d.vlfLayers(), d.samLayerOrder(),
                d.fusion(), d.corrEmbedKernel(), d.templates(), 0, d.ppg(), new WeightPaths(clip, null, "auto"));
    }
}
