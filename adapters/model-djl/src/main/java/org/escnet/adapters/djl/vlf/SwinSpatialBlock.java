package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.Dense;
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

    /** x (M, H·W, C), guidance (M, H·W, C_g) already normalised, grid side h → (M, H·W, C). */
    public NDArray apply(ParameterStore ps, NDArray x, NDArray guidance, int h, boolean training) {
        long m = x.getShape().get(0);
        NDArray z = norm1.apply(ps, x, training).concat(guidance, -1).reshape(m, h, h, -1);
        if (shift > 0) {
            z = roll(roll(z, -shift, 1, h), -shift, 2, h);
        }
        NDArray windows = partition(z); // (M·nW, ws², C + C_g)
        NDArray attended = attend(ps, windows, h, training);
        NDArray out = reverse(attended, m, h);
        if (shift > 0) {
            out = roll(roll(out, shift, 1, h), shift, 2, h);
        }
        x = x.add(out.reshape(m, (long) h * h, dim));
        NDArray hidden = Activation.gelu(fc1.apply(ps, norm2.apply(ps, x, training), training));
        return x.add(fc2.apply(ps, hidden, training));
    }

    /** windows (M·nW, N, C + C_g) → (M·nW, N, C). */
    private NDArray attend(ParameterStore ps, NDArray windows, int h, boolean training) {
        long mw = windows.getShape().get(0);
        long n = windows.getShape().get(1);
        long hd = dim / heads;
        NDArray qh = split(q.apply(ps, windows, training), hd);
        NDArray kh = split(k.apply(ps, windows, training), hd);
        NDArray vh = split(v.apply(ps, windows.get(":, :, :{}", dim), training), hd);
        NDArray attn = Scalars.times(qh.matMul(kh.transpose(0, 1, 3, 2)), 1 / Math.sqrt(hd));
        if (shift > 0) {
            int nw = (h / window) * (h / window);
            try (NDArray mask = ShiftedWindowMask.array(windows.getManager(), h, h, window, shift)) {
                attn = attn.reshape(mw / nw, nw, heads, n, n).add(mask.reshape(1, nw, 1, n, n))
                        .reshape(mw, heads, n, n);
            }
        }
        NDArray o = attn.softmax(-1).matMul(vh).transpose(0, 2, 1, 3).reshape(mw, n, dim);
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
