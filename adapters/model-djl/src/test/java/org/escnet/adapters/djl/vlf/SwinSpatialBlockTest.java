package org.escnet.adapters.djl.vlf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.escnet.adapters.djl.ops.ReferenceOps.layerNorm;
import static org.escnet.adapters.djl.ops.ReferenceOps.linear;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ParameterPaths;
import org.escnet.adapters.djl.ops.ReferenceOps;
import org.junit.jupiter.api.Test;

/**
 * The Swin block as it runs (tokens kept in window order, guided projections split, attention scale folded into the
 * query weights, residuals added in place) against the block as Swin and CAT-Seg write it, in grid order: LN, concat
 * [LN(x); g], torch.roll by −shift, window partition, attention with the shifted-window mask, window reverse, roll
 * back, residual, MLP. Both blocks share one set of random parameters.
 */
class SwinSpatialBlockTest {
    private static final int H = 8;
    private static final int WINDOW = 4;
    private static final int DIM = 8;
    private static final int GUIDANCE = 5;
    private static final int HEADS = 2;
    private static final int IMAGES = 2;
    private static final int CLASSES = 3;

    @Test
    void windowOrderOfAShiftedGridMatchesRollThenPartition() {
        // rolled by −1, window 2 of a 4x4 grid: window 0 holds grid rows 1-2 and columns 1-2, and so on
        assertThat(WindowOrder.windows(4, 2, 1).gridIndices())
                .containsExactly(5, 6, 9, 10, 7, 4, 11, 8, 13, 14, 1, 2, 15, 12, 3, 0);
        assertThat(WindowOrder.windows(4, 2, 0).gridIndices())
                .containsExactly(0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15);
        assertThat(WindowOrder.grid(4).to(WindowOrder.grid(4))).isNull();
    }

    @Test
    void movesBetweenOrdersComposeToTheIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            WindowOrder grid = WindowOrder.grid(H);
            WindowOrder plain = WindowOrder.windows(H, WINDOW, 0);
            WindowOrder shifted = WindowOrder.windows(H, WINDOW, WINDOW / 2);
            NDArray tokens = m.arange(2 * H * H).reshape(2, H * H, 1).toType(ai.djl.ndarray.types.DataType.FLOAT32,
                    false);
            NDArray round = WindowOrder.apply(shifted.to(grid),
                    WindowOrder.apply(plain.to(shifted), WindowOrder.apply(grid.to(plain), tokens)));
            assertThat(round.toFloatArray()).containsExactly(tokens.toFloatArray());
            NDArray inShifted = WindowOrder.apply(grid.to(shifted), tokens);
            long[] expected = shifted.gridIndices();
            float[] got = inShifted.get("0").toFloatArray();
            for (int p = 0; p < expected.length; p++) {
                assertThat(got[p]).isEqualTo((float) expected[p]);
            }
        }
    }

    @Test
    void plainBlockEqualsTheGridOrderReference() {
        assertBlockMatchesReference(0, 11);
    }

    @Test
    void shiftedBlockEqualsTheGridOrderReference() {
        assertBlockMatchesReference(WINDOW / 2, 12);
    }

    @Test
    void shiftedBlockBackpropagatesAsTheReference() {
        Engine.getInstance().setRandomSeed(13);
        int shift = WINDOW / 2;
        try (NDManager m = NDManager.newBaseManager()) {
            SwinSpatialBlock block = randomBlock(m, shift);
            NDArray x0 = m.randomNormal(new Shape(IMAGES * CLASSES, H * H, DIM));
            NDArray g = m.randomNormal(new Shape(IMAGES, H * H, GUIDANCE));
            float[] fast = inputGradient(x0, x -> {
                ParameterStore ps = new ParameterStore(m, false);
                WindowOrder grid = WindowOrder.grid(H);
                SwinSpatialBlock.Shared shared = block.shared(ps, g, H, true);
                NDArray y = block.apply(ps, WindowOrder.apply(grid.to(block.order(H)), x), shared, H, true);
                return WindowOrder.apply(block.order(H).to(grid), y);
            });
            float[] reference = inputGradient(x0, x -> reference(block, x, g, shift));
            float max = 0;
            float diff = 0;
            for (int i = 0; i < fast.length; i++) {
                max = Math.max(max, Math.abs(reference[i]));
                diff = Math.max(diff, Math.abs(fast[i] - reference[i]));
            }
            assertThat(max).isGreaterThan(0.1f);
            assertThat(diff / max).isLessThan(1e-4f);
        }
    }

    /** d(Σ y²)/dx for y = f(x) with x a fresh copy of x0. */
    private static float[] inputGradient(NDArray x0, java.util.function.UnaryOperator<NDArray> f) {
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        try (ai.djl.training.GradientCollector c = Engine.getInstance().newGradientCollector()) {
            c.backward(f.apply(x).square().sum());
        }
        return x.getGradient().toFloatArray();
    }

    private static SwinSpatialBlock randomBlock(NDManager m, int shift) {
        SwinSpatialBlock block = new SwinSpatialBlock(DIM, GUIDANCE, HEADS, WINDOW, shift);
        block.initializeAll(m);
        ReferenceOps.randomize(block, m, 0.4f);
        return block;
    }

    private static void assertBlockMatchesReference(int shift, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SwinSpatialBlock block = randomBlock(m, shift);
            NDArray x = m.randomNormal(new Shape(IMAGES * CLASSES, H * H, DIM));
            NDArray g = m.randomNormal(new Shape(IMAGES, H * H, GUIDANCE));

            WindowOrder grid = WindowOrder.grid(H);
            SwinSpatialBlock.Shared shared = block.shared(ps, g, H, false);
            NDArray ordered = WindowOrder.apply(grid.to(block.order(H)), x);
            NDArray fast = WindowOrder.apply(block.order(H).to(grid), block.apply(ps, ordered, shared, H, false));

            NDArray reference = reference(block, x, g, shift);
            assertThat(fast.getShape()).isEqualTo(x.getShape());
            double scale = reference.abs().max().getFloat();
            assertThat(fast.sub(reference).abs().max().getFloat() / scale).isLessThan(1e-5);
            assertThat(fast.sub(x).abs().max().getFloat()).isGreaterThan(0.1f); // the block did change x
        }
    }

    /** x (M, H·W, C) in grid order, g (B, H·W, C_g) → (M, H·W, C), written the way Swin writes the block. */
    private static NDArray reference(SwinSpatialBlock block, NDArray x, NDArray g, int shift) {
        java.util.Map<String, Parameter> params = ParameterPaths.of(block);
        java.util.function.Function<String, NDArray> p = name -> params.get(name).getArray();
        long mCount = x.getShape().get(0);
        NDArray xn = layerNorm(x, p.apply("norm1.weight"), p.apply("norm1.bias"));
        NDArray gRep = g.expandDims(1).broadcast(new Shape(IMAGES, CLASSES, H * H, GUIDANCE))
                .reshape(mCount, H * H, GUIDANCE);
        NDArray cat = xn.concat(gRep, -1).reshape(mCount, H, H, DIM + GUIDANCE);
        NDArray rolled = shift > 0 ? roll(roll(cat, -shift, 1), -shift, 2) : cat;
        NDArray win = partition(rolled); // (M·nW, n, C + C_g)
        NDArray xWin = win.get(":, :, :{}", DIM);
        NDArray q = linear(win, p.apply("attn.q.weight"), p.apply("attn.q.bias"));
        NDArray k = linear(win, p.apply("attn.k.weight"), p.apply("attn.k.bias"));
        NDArray v = linear(xWin, p.apply("attn.v.weight"), p.apply("attn.v.bias"));
        long mw = win.getShape().get(0);
        long n = win.getShape().get(1);
        int hd = DIM / HEADS;
        NDArray qh = q.reshape(mw, n, HEADS, hd).transpose(0, 2, 1, 3).mul((float) (1 / Math.sqrt(hd)));
        NDArray kh = k.reshape(mw, n, HEADS, hd).transpose(0, 2, 1, 3);
        NDArray vh = v.reshape(mw, n, HEADS, hd).transpose(0, 2, 1, 3);
        NDArray attn = qh.matMul(kh.transpose(0, 1, 3, 2)); // (M·nW, heads, n, n)
        if (shift > 0) {
            long nw = mw / mCount;
            NDArray mask = ShiftedWindowMask.array(x.getManager(), H, H, WINDOW, shift);
            attn = attn.reshape(mCount, nw, HEADS, n, n).add(mask.reshape(1, nw, 1, n, n)).reshape(mw, HEADS, n, n);
        }
        NDArray o = attn.softmax(-1).matMul(vh).transpose(0, 2, 1, 3).reshape(mw, n, DIM);
        o = linear(o, p.apply("attn.proj.weight"), p.apply("attn.proj.bias"));
        NDArray back = reverse(o, mCount);
        if (shift > 0) {
            back = roll(roll(back, shift, 1), shift, 2);
        }
        NDArray y = x.add(back.reshape(mCount, H * H, DIM));
        NDArray hidden = Activation.gelu(linear(layerNorm(y, p.apply("norm2.weight"), p.apply("norm2.bias")),
                p.apply("mlp.fc1.weight"), p.apply("mlp.fc1.bias")));
        return y.add(linear(hidden, p.apply("mlp.fc2.weight"), p.apply("mlp.fc2.bias")));
    }


    /** torch.roll on axis 1 or 2 of (M, H, W, C). */
    private static NDArray roll(NDArray x, int by, int axis) {
        int s = Math.floorMod(by, H);
        String head = ":, ".repeat(axis);
        return x.get(head + (H - s) + ":").concat(x.get(head + ":" + (H - s)), axis);
    }

    /** Swin's window_partition: (M, H, W, C) → (M·nW, ws², C). */
    private static NDArray partition(NDArray x) {
        long c = x.getShape().get(3);
        return x.reshape(-1, H / WINDOW, WINDOW, H / WINDOW, WINDOW, c).transpose(0, 1, 3, 2, 4, 5)
                .reshape(-1, WINDOW * WINDOW, c);
    }

    /** Swin's window_reverse: (M·nW, ws², C) → (M, H, W, C). */
    private static NDArray reverse(NDArray windows, long mCount) {
        long c = windows.getShape().get(2);
        return windows.reshape(mCount, H / WINDOW, H / WINDOW, WINDOW, WINDOW, c).transpose(0, 1, 3, 2, 4, 5)
                .reshape(mCount, H, H, c);
    }
}
