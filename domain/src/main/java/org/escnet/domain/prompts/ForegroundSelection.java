package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * Step 2 of the PPG (ESC-NET-SPEC §2.7, A9): the foreground of each map is fg = [p ≥ α/HW]; a map with fewer than
 * N_o such positions uses its N_o most probable positions instead (ties to the lower flat index).
 *
 * <p>A flat map (every p equal to 1/HW) carries no evidence of any object; with α = 1 ("above the uniform
 * probability") it has no foreground of its own and takes the N_o fallback, rather than making the whole grid
 * foreground on the strength of an exact float equality.
 */
public final class ForegroundSelection {

    private ForegroundSelection() {
    }

    /** Shapes: (M, HW) probability → (M, HW) boolean with at least min(atLeast, HW) positions set per row. */
    public static NDArray of(NDArray probability, double alpha, int atLeast) {
        long positions = probability.getShape().get(1);
        NDArray flat = probability.max(new int[] {1}, true).eq(probability.min(new int[] {1}, true));
        NDArray above = probability.gte((float) (alpha / positions)).logicalAnd(flat.logicalNot());
        NDArray tooFew = above.toType(DataType.INT32, false).sum(new int[] {1}, true).lt(atLeast)
                .broadcast(probability.getShape());
        return NDArrays.where(tooFew, PositionRanking.topMask(probability, atLeast), above);
    }
}
