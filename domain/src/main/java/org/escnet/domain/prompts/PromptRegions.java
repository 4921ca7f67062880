package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The regions of every map, from which points, boxes and masks are read. M = B·N_c rows, K regions per row.
 *
 * @param probability (M, g·g) float32 spatial probability p
 * @param foreground  (M, g·g) boolean foreground (the union of the regions)
 * @param membership  (M, g·g, K) boolean: position i belongs to region k (at most one k per position)
 * @param grid        g
 */
public record PromptRegions(NDArray probability, NDArray foreground, NDArray membership, int grid) {

    /** K, the number of regions per row. */
    public int count() {
        return (int) membership.getShape().get(2);
    }

    /** Shapes: → (M, g·g) int32 region id per position, -1 outside every region. */
    public NDArray ids() {
        NDArray id = PositionRanking.firstIndexOf(membership);
        return id.eq(count()).toType(DataType.INT64, false).mul(-1 - count()).add(id).toType(DataType.INT32, false);
    }
}
