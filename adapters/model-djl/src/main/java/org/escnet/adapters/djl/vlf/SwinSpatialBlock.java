package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.FlatBatches;
import org.escnet.adapters.djl.ops.GuidedProjection;
import org.escnet.adapters.djl.ops.NamedGroup;
import org.escnet.adapters.djl.ops.OwnedArrays;
import org.escnet.adapters.djl.ops.RowTiles;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.ops.TokenLayerNorm;

/**
 * CAT-Seg's Swin block with appearance guidance (ESC-NET-SPEC §2.9c): windowed attention whose queries and keys see
 * [LN(x); guidance], values only x; no relative position bias, no dropout. A shift of 0 gives the plain window block.
 * The block works on tokens in its own {@link WindowOrder}; the caller moves them between orders.
 */
public final class SwinSpatialBlock extends ShapedBlock {
    private final int dim;
    private final int heads;
    private final int window;
    private final int shift;
    private final TokenLayerNorm norm1;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense proj;
    private final TokenLayerNorm norm2;
    private final Dense fc1;
    private final Dense fc2;

    public SwinSpatialBlock(int dim, int guidanceDim, int heads, int window, int shift) {
        this.dim = dim;
        this.heads = heads;
        this.window = window;
        this.shift = shift;
        norm1 = addChildBlock("norm1", new TokenLayerNorm(dim));
        NamedGroup attn = addChildBlock("attn", new NamedGroup());
        q = attn.add("q", new Dense(dim + guidanceDim, dim));
        k = attn.add("k", new Dense(dim + guidanceDim, dim));
        v = attn.add("v", new Dense(dim, dim));
        proj = attn.add("proj", new Dense(dim, dim));
        norm2 = addChildBlock("norm2", new TokenLayerNorm(dim));
        NamedGroup mlp = addChildBlock("mlp", new NamedGroup());
        fc1 = mlp.add("fc1", new Dense(dim, 4 * dim));
        fc2 = mlp.add("fc2", new Dense(4 * dim, dim));
    }

    /**
     * What every class chunk of one forward shares, built once per forward instead of once per chunk.
     *
     * @param rowWeights    the stacked x-parts of the q, v and k weights (3C, C), the q rows already scaled by
     *                      1/√(head dim)
     * @param guidanceTerms the per-image parts of the q/v/k projections (q part scaled alike), in this block's
     *                      window order and laid out as windows (B·nW, ws², 3C)
     * @param mask          the shifted-window attention mask (nW, ws², ws²); null when this block does not shift
     */
    public record Shared(NDArray rowWeights, NDArray guidanceTerms, NDArray mask) {
    }

    /** The token order this block works in on an h×h grid: its (shifted) windows. */
    public WindowOrder order(int h) {
        return WindowOrder.windows(h, window, shift);
    }

    /** guidance (B, H·W, C_g) in grid order, already normalised, grid side h → what {@link #apply} needs. */
    public Shared shared(ParameterStore ps, NDArray guidance, int h, boolean training) {
        // the attention scale goes on the query weights once per forward, not on every chunk's queries
        NDArray scale = queryScale(guidance);
        NDArray terms = GuidedProjection.sharedTerms(ps, guidance, training, dim, q, v, k).mul(scale);
        NDArray ordered = WindowOrder.apply(WindowOrder.grid(h).to(order(h)), terms);
        long b = guidance.getShape().get(0);
        NDArray windowed = ordered.reshape(b * windowsPerGrid(h), (long) window * window, 3L * dim);
        NDArray mask = shift > 0 ? ShiftedWindowMask.array(guidance.getManager(), h, h, window, shift) : null;
        NDArray rows = GuidedProjection.rowWeights(ps, guidance, training, dim, q, v, k).mul(scale.reshape(-1, 1));
        return new Shared(rows, windowed, mask);
    }

    /**
     * x (B·n, H·W, C) for n classes of each of B images, its tokens in {@link #order this block's order}, what the
     * chunks share (from {@link #shared}), grid side h → (B·n, H·W, C) in the same order.
     */
    public NDArray apply(ParameterStore ps, NDArray x, Shared shared, int h, boolean training) {
        long m = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        // each half runs in its own scope, so its temporaries are freed (and their memory reused) right away; the
        // residual sums go into the fresh outputs of linear layers, whose backward does not read them
        NDArray in = x;
        NDArray mid = ChunkScope.result(() -> {
            NDArray windows = norm1.apply(ps, in, training).reshape(m * windowsPerGrid(h), (long) window * window,
                    dim);
            return attend(ps, windows, shared, m, training).reshape(m, tokens, dim).addi(in);
        });
        return ChunkScope.result(() -> RowTiles.residual(mid, 4L * dim, rows -> {
            NDArray hidden = Activation.gelu(fc1.apply(ps, norm2.apply(ps, rows, training), training));
            return fc2.apply(ps, hidden, training);
        }));
    }

    private long windowsPerGrid(int h) {
        return (long) (h / window) * (h / window);
    }

    /** 1/√(head dim) on the q outputs, 1 on v and k: (3C). */
    private NDArray queryScale(NDArray like) {
        float[] scale = new float[3 * dim];
        java.util.Arrays.fill(scale, 0, dim, (float) (1 / Math.sqrt((double) dim / heads)));
        java.util.Arrays.fill(scale, dim, 3 * dim, 1f);
        return OwnedArrays.of(like.getManager(), scale, new Shape(3L * dim));
    }

    /** windows of LN(x) (M·nW, N, C) → (M·nW, N, C). */
    private NDArray attend(ParameterStore ps, NDArray windows, Shared shared, long m, boolean training) {
        long mw = windows.getShape().get(0);
        long n = windows.getShape().get(1);
        long nw = mw / m;
        long hd = dim / heads;
        long b = shared.guidanceTerms().getShape().get(0) / nw;
        // one matrix product for the x-parts of q, v and k; the guidance parts were computed once per image
        NDArray qkv = GuidedProjection.rows(windows, shared.rowWeights());
        qkv.reshape(b, m / b, nw, n, 3L * dim).addi(shared.guidanceTerms().reshape(b, 1, nw, n, 3L * dim));
        // one copy lays q, v and k out head by head, (3, M·nW·heads, N, hd); the product reads the keys transposed
        // as they are (a transposed operand costs the batched product nothing, a transposed copy of the keys did)
        NDArray heads3 = qkv.reshape(mw, n, 3, heads, hd).transpose(2, 0, 3, 1, 4).reshape(3, mw * heads, n, hd);
        NDArray qh = heads3.get(0);
        NDArray vh = heads3.get(1);
        NDArray attn = qh.matMul(heads3.get(2).transpose(0, 2, 1));
        if (shared.mask() != null) {
            attn.reshape(m, nw, heads, n, n).addi(shared.mask().reshape(1, nw, 1, n, n));
        }
        NDArray o = FlatBatches.softmaxLast(attn).matMul(vh).reshape(mw, heads, n, hd).transpose(0, 2, 1, 3)
                .reshape(mw, n, dim);
        return proj.apply(ps, o, training);
    }
}
