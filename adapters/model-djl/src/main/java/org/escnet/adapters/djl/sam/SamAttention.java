package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.FlatBatches;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.adapters.djl.ops.ShapedBlock;

/** SAM's Attention: q/k/v project to dim/downsample, multi-head softmax attention, project back to dim. */
public final class SamAttention extends ShapedBlock {
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense out;
    private final int heads;
    private final int inner;

    public SamAttention(int dim, int heads, int downsample) {
        this.heads = heads;
        this.inner = dim / downsample;
        if (inner % heads != 0) {
            throw new IllegalArgumentException("SAM attention: inner dim " + inner + " does not split into " + heads
                    + " heads");
        }
        q = addChildBlock("q_proj", new Dense(dim, inner));
        k = addChildBlock("k_proj", new Dense(dim, inner));
        v = addChildBlock("v_proj", new Dense(dim, inner));
        out = addChildBlock("out_proj", new Dense(inner, dim));
    }

    /** q (M, Nq, dim), k and v (M, Nk, dim) → (M, Nq, dim). */
    public NDArray apply(ParameterStore ps, NDArray queries, NDArray keys, NDArray values, boolean training) {
        return ChunkScope.result(() -> attend(ps, queries, keys, values, training)); // frees the per-head copies
    }

    private NDArray attend(ParameterStore ps, NDArray queries, NDArray keys, NDArray values, boolean training) {
        float scale = (float) (1 / Math.sqrt(inner / (double) heads));
        // the scale goes on the projected queries: never more elements than the scores, usually far fewer
        NDArray qh = split(Scalars.times(q.apply(ps, queries, training), scale));
        NDArray kh = split(k.apply(ps, keys, training));
        NDArray vh = split(v.apply(ps, values, training));
        NDArray o; // (M, h, Nq, d)
        if (keys.getShape().get(1) >= queries.getShape().get(1)) {
            o = FlatBatches.matMul(FlatBatches.softmaxLast(FlatBatches.matMul(qh, kh.transpose(0, 1, 3, 2))), vh);
        } else {
            // Image-to-token attention: 576 queries over about 10 keys. libtorch's softmax over a short last axis is
            // several times slower than over axis 2 with the long axis innermost, so the scores are built transposed.
            NDArray scoresT = FlatBatches.matMul(kh, qh.transpose(0, 1, 3, 2)); // (M, h, Nk, Nq)
            Shape st = scoresT.getShape();
            NDArray weights = scoresT.reshape(st.get(0) * st.get(1), st.get(2), st.get(3)).softmax(1).reshape(st);
            o = FlatBatches.matMul(weights.transpose(0, 1, 3, 2), vh);
        }
        Shape s = o.getShape();
        return out.apply(ps, o.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), inner), training);
    }

    private NDArray split(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, inner / heads).transpose(0, 2, 1, 3);
    }
}
