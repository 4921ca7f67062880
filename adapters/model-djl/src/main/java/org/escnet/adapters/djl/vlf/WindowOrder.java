package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.escnet.adapters.djl.ops.OwnedArrays;

/**
 * The token orders of a square grid that Swin blocks work in. A Swin block attends within windows of the grid after
 * a cyclic shift; everything else it does (LayerNorm, residuals, MLP) is per token. So the tokens can stay in the
 * window order of the block for the whole block, and move between orders with one gather each, instead of the
 * roll, partition, reverse and roll back (six copies for a shifted block) that a block in grid order needs.
 *
 * <p>A window order lists the windows row-major and the positions row-major within each window, after the grid was
 * rolled by −shift on both axes, exactly as torch.roll followed by Swin's window_partition.
 */
public final class WindowOrder {
    private final long[] sources;

    private WindowOrder(long[] sources) {
        this.sources = sources;
    }

    /** The grid order of an h×h grid. */
    public static WindowOrder grid(int h) {
        long[] ids = new long[h * h];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new WindowOrder(ids);
    }

    /** The order of windows of side {@code window} on an h×h grid rolled by −shift on both axes. */
    public static WindowOrder windows(int h, int window, int shift) {
        if (window <= 0 || h % window != 0) {
            throw new IllegalArgumentException("Swin window " + window + " does not tile a " + h + "x" + h + " grid");
        }
        long[] ids = new long[h * h];
        int perSide = h / window;
        int p = 0;
        for (int wy = 0; wy < perSide; wy++) {
            for (int wx = 0; wx < perSide; wx++) {
                for (int iy = 0; iy < window; iy++) {
                    for (int ix = 0; ix < window; ix++) {
                        int y = Math.floorMod(wy * window + iy + shift, h);
                        int x = Math.floorMod(wx * window + ix + shift, h);
                        ids[p++] = (long) y * h + x;
                    }
                }
            }
        }
        return new WindowOrder(ids);
    }

    /** Grid index of the token at each position of this order. */
    long[] gridIndices() {
        return sources.clone();
    }

    /**
     * The gather that takes tokens laid out in this order to {@code target}'s order: position p of the result reads
     * position {@code index[p]} of the input. Null when the two orders are the same.
     */
    public Move to(WindowOrder target) {
        if (target.sources.length != sources.length) {
            throw new IllegalArgumentException("token orders of " + sources.length + " and " + target.sources.length
                    + " positions");
        }
        long[] positionOf = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            positionOf[(int) sources[i]] = i;
        }
        long[] index = new long[sources.length];
        boolean identity = true;
        for (int p = 0; p < index.length; p++) {
            index[p] = positionOf[(int) target.sources[p]];
            identity &= index[p] == p;
        }
        return identity ? null : new Move(index);
    }

    /** One reordering of the token axis. */
    public static final class Move {
        private final long[] index;

        private Move(long[] index) {
            this.index = index;
        }

        /**
         * tokens with their T positions on {@code axis} → the same in the target order, as a new array laid out
         * contiguously in its own axis order whatever the strides of {@code tokens} (so a transposed view is moved and
         * made contiguous in one copy); the index array lives in {@code manager}.
         */
        public NDArray apply(NDArray tokens, int axis, NDManager manager) {
            NDArray ids = OwnedArrays.of(manager, index, new Shape(index.length)); // backward reads it
            return tokens.get(new NDIndex(":, ".repeat(axis) + "{}", ids));
        }
    }

    /** tokens (M, T, C) → (M, T, C) with {@code move} applied when there is one. */
    public static NDArray apply(Move move, NDArray tokens) {
        return apply(move, tokens, 1);
    }

    /** Applies {@code move} to the positions on {@code axis} when there is one. */
    public static NDArray apply(Move move, NDArray tokens, int axis) {
        return move == null ? tokens : move.apply(tokens, axis, tokens.getManager());
    }
}
