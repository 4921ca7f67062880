package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Picks positions along the last axis with explicit tie rules, so results do not depend on how an engine breaks ties
 * in argmax or sort. Every method works on whole batches with masks; there is no data-dependent control flow.
 */
public final class PositionRanking {

    private PositionRanking() {
    }

    /**
     * The lowest index along the last axis where {@code mask} holds, or N where it never holds.
     * Shapes: (..., N) boolean → (...) int64.
     */
    public static NDArray firstIndexOf(NDArray mask) {
        Shape shape = mask.getShape();
        int last = shape.dimension() - 1;
        long n = shape.get(last);
        NDArray index = mask.getManager().arange(0, (int) n, 1, DataType.INT64).broadcast(shape);
        return NDArrays.where(mask, index, index.add(n)).min(new int[] {last}).minimum(n);
    }

    /**
     * The index of the largest score among the allowed positions, ties to the lower index; N where nothing is allowed.
     * Shapes: (..., N) float scores, (..., N) boolean allowed → (...) int64.
     */
    public static NDArray argMaxLowestIndex(NDArray scores, NDArray allowed) {
        NDArray masked = NDArrays.where(allowed, scores,
                scores.getManager().full(scores.getShape(), Float.NEGATIVE_INFINITY, scores.getDataType()));
        NDArray best = masked.max(new int[] {scores.getShape().dimension() - 1}, true);
        return firstIndexOf(masked.eq(best).logicalAnd(allowed));
    }

    /**
     * A boolean indicator of {@code index} along a new last axis of length n; an index of n or more marks nothing.
     * Shapes: (...) int64 → (..., n) boolean.
     */
    public static NDArray indicator(NDArray index, int n) {
        NDManager manager = index.getManager();
        Shape shape = index.getShape().add(n);
        return manager.arange(0, n, 1, DataType.INT64).broadcast(shape).eq(index.expandDims(index.getShape().dimension()));
    }

    /**
     * The n highest scores of each row, ties to the lower index. Shapes: (M, N) float → (M, N) boolean with
     * min(n, N) positions set per row.
     */
    public static NDArray topMask(NDArray scores, int n) {
        int length = (int) scores.getShape().get(1);
        NDArray chosen = scores.getManager().zeros(scores.getShape(), DataType.BOOLEAN);
        for (int pick = 0; pick < Math.min(n, length); pick++) {
            NDArray next = indicator(argMaxLowestIndex(scores, chosen.logicalNot()), length);
            chosen = chosen.logicalOr(next);
        }
        return chosen;
    }
}
