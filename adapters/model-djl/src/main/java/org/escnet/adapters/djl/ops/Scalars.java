package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication and division by a constant for arrays that may carry a gradient.
 *
 * <p>DJL's {@code x.mul(Number)} and {@code x.div(Number)} wrap the number in a Java-backed array and close it as soon
 * as the product exists, while autograd keeps that array to scale the gradient in the backward pass: the gradient is
 * then read from freed memory (see {@link OwnedArrays}). These forms multiply by an engine-owned scalar instead.
 */
public final class Scalars {
    private Scalars() {
    }

    public static NDArray times(NDArray x, double factor) {
        return x.mul(OwnedArrays.scalar(x.getManager(), factor, x.getDataType()));
    }

    public static NDArray over(NDArray x, double divisor) {
        return x.div(OwnedArrays.scalar(x.getManager(), divisor, x.getDataType()));
    }
}
