package org.escnet.adapters.djl.engine;

import org.escnet.domain.experiment.TrainSpec;

/**
 * What the trainer needs from a run configuration.
 *
 * @param iterations       optimizer steps
 * @param batchSize        images per step
 * @param gradAccumulation micro-batches per step (batchSize divides by it)
 * @param lr               learning rate of the high group
 * @param lrLow            learning rate of the low group (CLIP q/v, SAM parts)
 * @param weightDecay      AdamW decoupled decay (0 for norms and embeddings regardless)
 * @param clipGradNorm     global gradient-norm limit, 0 = off
 * @param warmup           linear warm-up iterations
 * @param cropSize         augmentation crop side
 * @param augment          apply the §3.4 augmentation
 * @param images           use only the first this many images (0 = all)
 * @param seed             the run's seed (data order, augmentation, the engine's random numbers)
 */
public record TrainingSettings(int iterations, int batchSize, int gradAccumulation, double lr, double lrLow,
                               double weightDecay, double clipGradNorm, int warmup, int cropSize, boolean augment,
                               int images, long seed) {
    public TrainingSettings {
        if (batchSize < 1 || gradAccumulation < 1 || batchSize % gradAccumulation != 0) {
            throw new IllegalArgumentException("batch size must be a positive multiple of grad-accumulation, found "
                    + batchSize + " and " + gradAccumulation);
        }
    }

    public static TrainingSettings of(TrainSpec t, long seed) {
        return new TrainingSettings(t.iterations(), t.batchSize(), t.gradAccumulation(), t.lr(), t.lrLow(),
                t.weightDecay(), t.clipGradNorm(), t.warmupIterations(), t.cropSize(), t.augment(), t.images(), seed);
    }

    public int microBatch() {
        return batchSize / gradAccumulation;
    }
}
