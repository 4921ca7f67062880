package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.FlatBatches;
import org.escnet.adapters.djl.ops.GuidedProjection;
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
        return apply(ps, queries, null, keys, null, values, training);
    }

    /**
     * The same for queries x_q + pe_q and keys x_k + pe_k whose positional parts are given as their projections
     * {@link #queryTerm} and {@link #keyTerm} (null: the input is used as it is). The projections are linear, so
     * proj(x + pe) = x·Wᵀ + (pe·Wᵀ + b): the positional term is computed once per image instead of once per class,
     * and neither the sum x + pe nor a separate bias pass is made per class.
     */
    public NDArray apply(ParameterStore ps, NDArray queries, NDArray queryTerm, NDArray keys, NDArray keyTerm,
                         NDArray values, boolean training) {
        // its own scope frees the per-head copies as soon as the attention is done
        return ChunkScope.result(() -> attend(ps, queries, queryTerm, keys, keyTerm, values, training));
    }

    /** pe (…, N, dim) → pe·W_qᵀ + b_q (…, N, inner), for {@link #apply} with positioned queries. */
    public NDArray queryTerm(ParameterStore ps, NDArray pe, boolean training) {
        return q.apply(ps, pe, training);
    }

    /** pe (…, N, dim) → pe·W_kᵀ + b_k (…, N, inner), for {@link #apply} with positioned keys. */
    public NDArray keyTerm(ParameterStore ps, NDArray pe, boolean training) {
        return k.apply(ps, pe, training);
    }

    /** x·Wᵀ + term, the term broadcast over x's leading axes and added in place; the layer itself without a term. */
    private static NDArray project(ParameterStore ps, Dense layer, NDArray x, NDArray term, boolean training) {
        if (term == null) {
            return layer.apply(ps, x, training);
        }
        return GuidedProjection.rows(x, layer.weightValue(ps, x, training)).addi(term);
    }

    private NDArray attend(ParameterStore ps, NDArray queries, NDArray queryTerm, NDArray keys, NDArray keyTerm,
                           NDArray values, boolean training) {
        float scale = (float) (1 / Math.sqrt(inner / (double) heads));
        // the scale goes on the projected queries: never more elements than the scores, usually far fewer
        NDArray qh = split(Scalars.times(project(ps, q, queries, queryTerm, training), scale));
        NDArray kh = split(project(ps, k, keys, keyTerm, training));
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
