package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.FlatBatches;
import org.escnet.adapters.djl.ops.GuidedProjection;
import org.escnet.adapters.djl.ops.NamedGroup;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.ops.TokenLayerNorm;

/**
 * CAT-Seg's Swin block with appearance guidance (ESC-NET-SPEC §2.9c): windowed attention whose queries and keys see
 * [LN(x); guidance], values only x; no relative position bias, no dropout. A shift of 0 gives the plain window block.
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
     * @param rowWeights    the stacked x-parts of the q, k and v weights (3C, C)
     * @param guidanceTerms the per-image parts of the q/k/v projections, laid out as windows (B·nW, ws², 3C)
     * @param mask          the shifted-window attention mask (nW, ws², ws²); null when this block does not shift
     */
    public record Shared(NDArray rowWeights, NDArray guidanceTerms, NDArray mask) {
    }

    /** guidance (B, H·W, C_g), already normalised, grid side h → what {@link #apply} needs for every class chunk. */
    public Shared shared(ParameterStore ps, NDArray guidance, int h, boolean training) {
        NDArray terms = GuidedProjection.sharedTerms(ps, guidance, training, dim, q, k, v);
        NDArray windowed = windows(terms.reshape(terms.getShape().get(0), h, h, 3L * dim), h);
        NDArray mask = shift > 0 ? ShiftedWindowMask.array(guidance.getManager(), h, h, window, shift) : null;
        return new Shared(GuidedProjection.rowWeights(ps, guidance, training, dim, q, k, v), windowed, mask);
    }

    /**
     * x (B·n, H·W, C) for n classes of each of B images, what the chunks share (from {@link #shared}), grid side h
     * → (B·n, H·W, C).
     */
    public NDArray apply(ParameterStore ps, NDArray x, Shared shared, int h, boolean training) {
        long m = x.getShape().get(0);
        NDArray windows = windows(norm1.apply(ps, x, training).reshape(m, h, h, dim), h); // (M·nW, ws², C)
        NDArray attended = attend(ps, windows, shared, m, training);
        NDArray out = reverse(attended, m, h);
        if (shift > 0) {
            out = roll(roll(out, shift, 1, h), shift, 2, h);
        }
        x = x.add(out.reshape(m, (long) h * h, dim));
        NDArray hidden = Activation.gelu(fc1.apply(ps, norm2.apply(ps, x, training), training));
        return x.add(fc2.apply(ps, hidden, training));
    }

    /** (M, H, W, C) → shifted when this block shifts → (M·nW, ws², C). */
    private NDArray windows(NDArray grid, int h) {
        NDArray z = shift > 0 ? roll(roll(grid, -shift, 1, h), -shift, 2, h) : grid;
        return partition(z);
    }

    /** windows of LN(x) (M·nW, N, C) → (M·nW, N, C). */
    private NDArray attend(ParameterStore ps, NDArray windows, Shared shared, long m, boolean training) {
        long mw = windows.getShape().get(0);
        long n = windows.getShape().get(1);
        long nw = mw / m;
        long hd = dim / heads;
        long b = shared.guidanceTerms().getShape().get(0) / nw;
        // one matrix product for the x-parts of q, k and v; the guidance parts were computed once per image
        NDArray qkv = GuidedProjection.rows(windows, shared.rowWeights())
                .reshape(b, m / b, nw, n, 3L * dim)
                .add(shared.guidanceTerms().reshape(b, 1, nw, n, 3L * dim))
                .reshape(mw, n, 3L * dim);
        // the scale goes on the queries, a quarter of the size of the scores at 4 heads and 144-token windows
        NDArray qh = split(Scalars.times(qkv.get(":, :, :{}", dim), 1 / Math.sqrt(hd)), hd);
        NDArray kh = split(qkv.get(":, :, {}:{}", dim, 2 * dim), hd);
        NDArray vh = split(qkv.get(":, :, {}:", 2 * dim), hd);
        NDArray attn = FlatBatches.matMul(qh, kh.transpose(0, 1, 3, 2));
        if (shared.mask() != null) {
            attn = attn.reshape(m, nw, heads, n, n).add(shared.mask().reshape(1, nw, 1, n, n))
                    .reshape(mw, heads, n, n);
        }
        NDArray o = FlatBatches.matMul(FlatBatches.softmaxLast(attn), vh).transpose(0, 2, 1, 3).reshape(mw, n, dim);
        return proj.apply(ps, o, training);
    }

    private NDArray split(NDArray t, long hd) {
        Shape s = t.getShape();
        return t.reshape(s.get(0), s.get(1), heads, hd).transpose(0, 2, 1, 3);
    }

    /** (M, H, W, C) → (M·nW, ws², C). */
    private NDArray partition(NDArray x) {
        Shape s = x.getShape();
        long m = s.get(0);
        long h = s.get(1);
        long c = s.get(3);
        return x.reshape(m, h / window, window, h / window, window, c).transpose(0, 1, 3, 2, 4, 5)
                .reshape(-1, (long) window * window, c);
    }

    /** (M·nW, ws², C) → (M, H, W, C). */
    private NDArray reverse(NDArray windows, long m, int h) {
        long c = windows.getShape().get(2);
        return windows.reshape(m, h / window, h / window, window, window, c).transpose(0, 1, 3, 2, 4, 5)
                .reshape(m, h, h, c);
    }

    /** torch.roll(x, by, axis) on a square grid axis of length {@code size}. */
    static NDArray roll(NDArray x, int by, int axis, int size) {
        int s = ((by % size) + size) % size;
        if (s == 0) {
            return x;
        }
        String head = ":, ".repeat(axis);
        NDArray tail = x.get(head + (size - s) + ":");
        NDArray front = x.get(head + ":" + (size - s));
        return tail.concat(front, axis);
    }
}
