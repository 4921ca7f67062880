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
        // its own scope frees the projections and per-head copies as soon as the attention is done
        return ChunkScope.result(() -> attend(ps, q.apply(ps, queries, training), k.apply(ps, keys, training),
                v.apply(ps, values, training), training));
    }

    /**
     * The attention on inputs its caller has already projected: q (M, Nq, inner), k and v (M, Nk, inner), any of them
     * possibly strided views of a wider product. {@link SamTwoWayBlock} projects the image tokens for two attentions in
     * one matrix product this way.
     */
    public NDArray attendProjected(ParameterStore ps, NDArray queries, NDArray keys, NDArray values,
                                   boolean training) {
        return ChunkScope.result(() -> attend(ps, queries, keys, values, training));
    }

    /** The query projection (dim → inner), for callers that project inputs themselves. */
    Dense queryProjection() {
        return q;
    }

    /** The key projection (dim → inner). */
    Dense keyProjection() {
        return k;
    }

    /** The value projection (dim → inner). */
    Dense valueProjection() {
        return v;
    }

    private NDArray attend(ParameterStore ps, NDArray qp, NDArray kp, NDArray vp, boolean training) {
        float scale = (float) (1 / Math.sqrt(inner / (double) heads));
        // q·(s·k)ᵀ = s·q·kᵀ: the scale goes on whichever side has fewer rows (the prompt tokens in the cross
        // attentions), never on the 576 image tokens
        boolean scaleQueries = qp.getShape().get(1) <= kp.getShape().get(1);
        NDArray qh = split(scaleQueries ? Scalars.times(qp, scale) : qp);
        NDArray kh = split(scaleQueries ? kp : Scalars.times(kp, scale));
        NDArray vh = split(vp);
        NDArray o; // (M, h, Nq, d)
        if (scaleQueries) {
            o = FlatBatches.matMul(FlatBatches.softmaxLast(FlatBatches.matMulTransposed(qh, kh)), vh);
        } else {
            // Image-to-token attention: 576 queries over about 10 keys. libtorch's softmax over a short last axis is
            // several times slower than over axis 2 with the long axis innermost, so the scores are built transposed.
            NDArray scoresT = FlatBatches.matMulTransposed(kh, qh); // (M, h, Nk, Nq)
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
