package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The input of every prompt strategy: the template-mean cosine map S of Eq. 1 (ESC-NET-SPEC §2.5, §2.7), one
 * g×g map per (image, class) pair.
 *
 * @param maps    (B, N_c, g, g) cosine similarities
 * @param batch   B, the number of images
 * @param classes N_c, the number of classes processed (after the 256-class cap)
 * @param grid    g, the side of the feature grid (24 for both CLIP presets)
 */
public record CorrelationMaps(NDArray maps, int batch, int classes, int grid) {

    public CorrelationMaps {
        if (maps == null) {
            throw new IllegalArgumentException("correlation maps: expected an array of shape (B, N_c, g, g), found null");
        }
        if (batch < 1 || classes < 1 || grid < 1) {
            throw new IllegalArgumentException("correlation maps: batch, classes and grid must be at least 1, found B="
                    + batch + ", N_c=" + classes + ", g=" + grid);
        }
        Shape expected = new Shape(batch, classes, grid, grid);
        if (!maps.getShape().equals(expected)) {
            throw new IllegalArgumentException("correlation maps: expected shape (B, N_c, g, g) = " + expected
                    + ", found " + maps.getShape());
        }
    }

    /** Reads B, N_c and g from a (B, N_c, g, g) array. */
    public static CorrelationMaps of(NDArray maps) {
        if (maps == null) {
            throw new IllegalArgumentException("correlation maps: expected an array of shape (B, N_c, g, g), found null");
        }
        Shape shape = maps.getShape();
        if (shape.dimension() != 4 || shape.get(2) != shape.get(3)) {
            throw new IllegalArgumentException(
                    "correlation maps: expected shape (B, N_c, g, g) with square g×g maps, found " + shape);
        }
        return new CorrelationMaps(maps, (int) shape.get(0), (int) shape.get(1), (int) shape.get(2));
    }

    /** M = B·N_c, the number of prompt sets; row b·N_c + n belongs to image b and class n. */
    public int rows() {
        return batch * classes;
    }

    /** g·g, the number of grid positions per map. */
    public int positions() {
        return grid * grid;
    }
}
