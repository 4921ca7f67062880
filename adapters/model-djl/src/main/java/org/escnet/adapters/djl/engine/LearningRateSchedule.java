package org.escnet.adapters.djl.engine;

/**
 * The multiplier of the base learning rates at each iteration (ESC-NET-SPEC §3.3): an optional linear warm-up, then
 * a cosine decay to 0 over the remaining iterations, as detectron2's {@code WarmupCosineLR} without a floor.
 *
 * @param iterations total optimizer steps T
 * @param warmup     warm-up steps w (0 = none); iteration i &lt; w gets (i + 1) / w
 */
public record LearningRateSchedule(int iterations, int warmup) {
    public LearningRateSchedule {
        if (iterations < 0 || warmup < 0) {
            throw new IllegalArgumentException("iterations and warm-up must be 0 or more, found " + iterations
                    + " and " + warmup);
        }
    }

    /** The factor for 0-based iteration i: 1 at the first post-warm-up step, 0.5 half-way, towards 0 at the end. */
    public double factor(long iteration) {
        if (iteration < warmup) {
            return (iteration + 1) / (double) warmup;
        }
        int decay = iterations - warmup;
        if (decay <= 0) {
            return 1.0;
        }
        double progress = Math.min(1.0, (iteration - warmup) / (double) decay);
        return 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
