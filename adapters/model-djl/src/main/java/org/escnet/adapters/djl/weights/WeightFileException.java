package org.escnet.adapters.djl.weights;

/** A weight file that cannot be read: truncated, malformed, or holding a tensor of the wrong kind. */
public class WeightFileException extends RuntimeException {

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
