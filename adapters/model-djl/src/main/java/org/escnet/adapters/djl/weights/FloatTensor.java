package org.escnet.adapters.djl.weights;

import java.util.Arrays;

/**
 * A tensor read into host memory as float values in row-major (C) order.
 *
 * @param shape  the tensor's shape; {@code []} for a scalar
 * @param values {@code elementCount(shape)} values
 */
public record FloatTensor(long[] shape, float[] values) {

    public FloatTensor {
        shape = shape.clone();
        long expected = TensorShapes.elementCount(shape);
        if (values.length != expected) {
            throw new IllegalArgumentException("a tensor of shape " + TensorShapes.format(shape) + " needs "
                    + expected + " values, found " + values.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the same values viewed with another shape of equal element count */
    public FloatTensor reshape(long... newShape) {
        return new FloatTensor(newShape, values);
    }

    /** @return the transpose of a 2-D tensor: (r, c) → (c, r) */
    public FloatTensor transpose2d() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("transpose2d needs a 2-D tensor, found shape " + TensorShapes.format(shape));
        }
        int rows = Math.toIntExact(shape[0]);
        int cols = Math.toIntExact(shape[1]);
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return new FloatTensor(new long[] {cols, rows}, out);
    }

    /** @return rows {@code [from, to)} along the first axis: (n, ...) → (to - from, ...) */
    public FloatTensor sliceRows(long from, long to) {
        if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
            throw new IllegalArgumentException("cannot take rows [" + from + ", " + to + ") of shape "
                    + TensorShapes.format(shape));
        }
        long rowSize = shape[0] == 0 ? 0 : values.length / shape[0];
        long[] newShape = shape.clone();
        newShape[0] = to - from;
        return new FloatTensor(newShape,
                Arrays.copyOfRange(values, Math.toIntExact(from * rowSize), Math.toIntExact(to * rowSize)));
    }
}
