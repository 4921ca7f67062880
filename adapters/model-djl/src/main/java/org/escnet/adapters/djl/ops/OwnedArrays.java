package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays made from Java data whose memory belongs to the engine.
 *
 * <p>DJL's PyTorch engine wraps Java data with {@code torch::from_blob}: the tensor aliases a direct buffer that is
 * kept reachable only while the NDArray is open. Autograd keeps some inputs for the backward pass (the interpolation
 * matrix of a resize inside a class chunk, the targets of the loss), and a scope may close their NDArray before
 * backward runs; once the collector frees the buffer, backward reads freed memory and the gradients come out as NaN
 * at random. A copy made by the engine owns its memory and cannot dangle, so every array the network or the loss
 * builds from Java data is made here.
 */
public final class OwnedArrays {
    private OwnedArrays() {
    }

    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    /** An int64 array, e.g. the positions of a gather. */
    public static NDArray of(NDManager manager, long[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    /** A 0-dimensional array of the given type. */
    public static NDArray scalar(NDManager manager, double value, ai.djl.ndarray.types.DataType type) {
        try (NDArray view = manager.create(value)) {
            return view.toType(type, true); // a converted copy, owned by the engine
        }
    }

    public static NDArray of(NDManager manager, float[][] rows) {
        try (NDArray view = manager.create(rows)) {
            return view.duplicate();
        }
    }

    public static NDArray of(NDManager manager, int[][] rows) {
        try (NDArray view = manager.create(rows)) {
            return view.duplicate();
        }
    }
}
