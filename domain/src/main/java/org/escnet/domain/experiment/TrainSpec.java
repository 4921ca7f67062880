package org.escnet.domain.experiment;

import org.escnet.domain.config.ConfigException;

/**
 * The training recipe (ESC-NET-SPEC §3.3–3.4; CAT-Seg values unless the paper says otherwise).
 *
 * @param dataset            training set: {@code coco-stuff-train} or {@code shapesworld-train}
 * @param iterations         optimizer steps
 * @param batchSize          images per optimizer step
 * @param gradAccumulation   micro-batches per step (batch-size must divide by it): a large batch on little memory
 * @param lr                 learning rate of everything not CLIP/SAM
 * @param lrLow              learning rate of CLIP q/v projections and all SAM parts
 * @param weightDecay        AdamW decoupled weight decay (0 for norms and embeddings)
 * @param clipGradNorm       global L2 norm limit of the gradient; 0 = off
 * @param warmupIterations   linear warm-up before the cosine schedule
 * @param cropSize           training crop side in pixels
 * @param checkpointEvery    iterations between checkpoints (a checkpoint is also written on cancel and at the end)
 * @param logEvery           iterations between logged training metrics
 * @param augment            apply the §3.4 augmentation
 * @param images             limit the training set to this many images (0 = all); for overfitting checks
 */
public record TrainSpec(
        String dataset,
        int iterations,
        int batchSize,
        int gradAccumulation,
        double lr,
        double lrLow,
        double weightDecay,
        double clipGradNorm,
        int warmupIterations,
        int cropSize,
        int checkpointEvery,
        int logEvery,
        boolean augment,
        int images) {

    public static final TrainSpec DEFAULTS = new TrainSpec(
            "coco-stuff-train", 80_000, 4, 1, 2e-4, 2e-6, 1e-4, 0.01, 0, 384, 1000, 20, true, 0);

    public TrainSpec {
        require(dataset != null && !dataset.isBlank(), "dataset", "a training dataset name is required");
        require(iterations >= 0, "iterations", "must be 0 or more, found " + iterations);
        require(batchSize >= 1, "batch-size", "must be at least 1, found " + batchSize);
        require(gradAccumulation >= 1, "grad-accumulation", "must be at least 1, found " + gradAccumulation);
        require(batchSize % gradAccumulation == 0, "grad-accumulation",
                "batch-size " + batchSize + " is not divisible by grad-accumulation " + gradAccumulation);
        require(lr >= 0 && Double.isFinite(lr), "lr", "must be a non-negative number, found " + lr);
        require(lrLow >= 0 && Double.isFinite(lrLow), "lr-low", "must be a non-negative number, found " + lrLow);
        require(weightDecay >= 0, "weight-decay", "must be 0 or more, found " + weightDecay);
        require(clipGradNorm >= 0, "clip-grad-norm", "must be 0 (off) or more, found " + clipGradNorm);
        require(warmupIterations >= 0, "warmup-iterations", "must be 0 or more, found " + warmupIterations);
        require(cropSize >= 16, "crop-size", "must be at least 16 pixels, found " + cropSize);
        require(checkpointEvery >= 1, "checkpoint-every", "must be at least 1, found " + checkpointEvery);
        require(logEvery >= 1, "log-every", "must be at least 1, found " + logEvery);
        require(images >= 0, "images", "must be 0 (all) or more, found " + images);
    }

    static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new ConfigException(key, message);
        }
    }
}
