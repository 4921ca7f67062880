package org.escnet.adapters.djl.engine;

/** Training stopped because the loss became NaN or infinite: continuing would only corrupt the weights. */
public final class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(long iteration, double loss) {
        super("training loss is " + loss + " at iteration " + iteration
                + ": expected a finite number (lower the learning rate or check the labels)");
    }
}
