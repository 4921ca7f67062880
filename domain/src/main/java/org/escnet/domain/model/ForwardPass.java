package org.escnet.domain.model;

import ai.djl.training.ParameterStore;

/**
 * How one forward pass runs: where parameter values come from, training or inference, and how many classes the
 * per-class stages process at a time (memory stays bounded in N_c; results do not depend on the chunk size).
 *
 * @param parameters the parameter store of the pass
 * @param training   true while training (class-attention pooling 2x2, gradients recorded by the caller's collector)
 * @param classChunk classes per chunk in the per-class stages; 0 = all classes at once
 * @param clock      observes the time of each stage ({@link StageClock#NONE} outside benchmarks)
 */
public record ForwardPass(ParameterStore parameters, boolean training, int classChunk, StageClock clock) {
    public ForwardPass(ParameterStore parameters, boolean training, int classChunk) {
        this(parameters, training, classChunk, StageClock.NONE);
    }

    public ForwardPass {
        if (clock == null) {
            throw new IllegalArgumentException("a forward pass needs a stage clock, found null (use StageClock.NONE)");
        }
        if (parameters == null) {
            throw new IllegalArgumentException("a forward pass needs a parameter store, found null");
        }
        if (classChunk < 0) {
            throw new IllegalArgumentException("class chunk must be 0 (all) or positive, found " + classChunk);
        }
    }

    /** The chunk length to use for {@code classes} classes. */
    public int chunkFor(int classes) {
        return classChunk == 0 ? classes : Math.min(classChunk, classes);
    }

    public ForwardPass withClassChunk(int chunk) {
        return new ForwardPass(parameters, training, chunk, clock);
    }

    public ForwardPass withClock(StageClock stageClock) {
        return new ForwardPass(parameters, training, classChunk, stageClock);
    }
}
