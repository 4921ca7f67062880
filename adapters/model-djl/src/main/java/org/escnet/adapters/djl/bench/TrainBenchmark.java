package org.escnet.adapters.djl.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Locale;
import org.escnet.adapters.djl.engine.Trainer;
import org.escnet.adapters.djl.engine.TrainingSettings;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.experiment.TrainSpec;

/**
 * What {@code escnet bench train --preset P} runs: the time of one optimizer step (forward, backward, clipping,
 * AdamW) of the real trainer on this machine, random weights, with the recipe's learning rates and no augmentation.
 * The first steps allocate the optimizer moments and warm the allocator, so they are run but not timed; the median
 * of the timed steps resists the 2–4x swings of shared vCPUs.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    /**
     * @param medianMs       median wall time of one timed step
     * @param imagesPerSecond batch ÷ median step time
     * @param fastestMs      fastest timed step
     * @param slowestMs      slowest timed step
     */
    public record Report(String preset, String dataset, int classes, int imageSide, int batch, int warmup,
                         int iterations, double medianMs, double imagesPerSecond, double fastestMs, double slowestMs,
                         long peakRssMiB) {
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "train benchmark: %s, random weights, batch %d, %s (%d classes, "
                    + "%dx%d images)%n", preset, batch, dataset, classes, imageSide, imageSide));
            sb.append(String.format(Locale.ROOT, "%d warm-up step(s) not timed, median of %d timed step(s)%n", warmup,
                    iterations));
            sb.append(String.format(Locale.ROOT, "%-22s %14s %10s %12s %12s%n", "preset", "step ms", "images/s",
                    "fastest ms", "slowest ms"));
            sb.append(String.format(Locale.ROOT, "%-22s %14.1f %10.2f %12.1f %12.1f%n", preset, medianMs,
                    imagesPerSecond, fastestMs, slowestMs));
            sb.append(String.format(Locale.ROOT, "peak resident memory (VmHWM): %d MiB%n", peakRssMiB));
            return sb.toString();
        }
    }

    /**
     * @param data       the images to train on (synthetic: their content does not change the cost)
     * @param warmup     untimed steps first (at least 1)
     * @param iterations timed steps
     */
    public static Report run(String preset, SegmentationDataset data, int batch, int warmup, int iterations) {
        if (batch < 1 || warmup < 1 || iterations < 1) {
            throw new IllegalArgumentException("batch, warm-up and iterations must be at least 1, found " + batch
                    + ", " + warmup + " and " + iterations);
        }
        NetworkPreset p = NetworkPreset.byName(preset);
        TrainSpec recipe = TrainSpec.DEFAULTS;
        int side = data.sample(0).width();
        TrainingSettings settings = new TrainingSettings(warmup + iterations, batch, 1, recipe.lr(), recipe.lrLow(),
                recipe.weightDecay(), recipe.clipGradNorm(), 0, side, false, 0, 0);
        Engine.getInstance().setRandomSeed(0);
        double[] ms = new double[iterations];
        try (NDManager manager = NDManager.newBaseManager()) {
            EscNetNetwork network = EscNetFactory.buildRandom(p.randomWeightsSpec(), manager);
            try (Trainer trainer = new Trainer(network, data, settings, manager)) {
                for (int i = 0; i < warmup; i++) {
                    trainer.step();
                }
                for (int i = 0; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    trainer.step(); // returns after the loss and the update are computed
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        double median = iterations % 2 == 1 ? ms[iterations / 2] : (ms[iterations / 2 - 1] + ms[iterations / 2]) / 2;
        return new Report(p.name(), data.name(), data.classNames().size(), side, batch, warmup, iterations, median,
                batch / (median / 1000), ms[0], ms[iterations - 1], PeakMemory.residentMiB());
    }
}
