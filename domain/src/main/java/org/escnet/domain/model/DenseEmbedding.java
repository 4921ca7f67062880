package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The dense prompt embedding of M prompt sets, (M, D, g, g), in the factored form SAM's mask encoder ends with: a 1×1
 * convolution of narrow features, dense = W·f + b at every position. The no-mask embedding has no features: it is b
 * at every position.
 *
 * <p>Kept factored because its consumer adds it to the image tokens and projects the sum, once per class: a linear
 * map P of tokens + W·f + b equals P·tokens + P·b (once per image) plus (P·W)·f, a product c wide instead of D wide.
 *
 * @param features (M, c, g, g) narrow features (c = 16 in SAM), or null for the no-mask embedding
 * @param weight   (D, c) the 1×1 convolution's weight, or null with the features
 * @param bias     (D) the 1×1 convolution's bias, or the no-mask embedding
 * @param rows     M
 * @param grid     g
 */
public record DenseEmbedding(NDArray features, NDArray weight, NDArray bias, int rows, int grid) {

    public DenseEmbedding {
        if ((features == null) != (weight == null)) {
            throw new IllegalArgumentException("a dense embedding has both features and a weight or neither, found "
                    + (features == null ? "a weight without features" : "features without a weight"));
        }
        long width = bias.getShape().get(0);
        if (features != null && (!features.getShape().equals(new Shape(rows, weight.getShape().get(1), grid, grid))
                || weight.getShape().get(0) != width)) {
            throw new IllegalArgumentException("dense embedding: expected features (" + rows + ", c, " + grid + ", "
                    + grid + ") and a weight (" + width + ", c), found " + features.getShape() + " and "
                    + weight.getShape());
        }
    }

    /** The no-mask embedding: {@code embedding} (D) at every position of every row. */
    public static DenseEmbedding constant(NDArray embedding, int rows, int grid) {
        return new DenseEmbedding(null, null, embedding, rows, grid);
    }

    /** D, the embedding width. */
    public long width() {
        return bias.getShape().get(0);
    }

    /** The embedding itself: → (M, D, g, g). */
    public NDArray materialize() {
        long d = width();
        if (features == null) {
            return bias.reshape(1, d, 1, 1).broadcast(new Shape(rows, d, grid, grid));
        }
        long c = weight.getShape().get(1);
        return weight.matMul(features.reshape(rows, c, (long) grid * grid)).add(bias.reshape(1, d, 1))
                .reshape(rows, d, grid, grid);
    }
}
