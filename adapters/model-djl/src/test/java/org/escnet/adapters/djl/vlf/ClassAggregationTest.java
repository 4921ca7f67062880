package org.escnet.adapters.djl.vlf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.escnet.adapters.djl.ops.ReferenceOps.layerNorm;
import static org.escnet.adapters.djl.ops.ReferenceOps.linear;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.escnet.adapters.djl.ops.ParameterPaths;
import org.escnet.adapters.djl.ops.ReferenceOps;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.junit.jupiter.api.Test;

/**
 * The class aggregation as it runs (position-major class chunks in, guided projections split, the queries projected
 * in the first pass, class sums accumulated over chunks, residuals in place) against ESC-NET-SPEC §2.9d written out
 * at once for every position: pooling, pad tokens and pad guidance appended, z = x̄ + LinAttn(LN1(x̄), g),
 * z + MLP(LN2(z)), pads dropped, x + up(z).
 */
class ClassAggregationTest {
    private static final int DIM = 8;
    private static final int GUIDANCE = 6;
    private static final int HEADS = 2;
    private static final int PAD_LENGTH = 9;
    private static final int IMAGES = 2;
    private static final int CLASSES = 5;
    private static final int GRID = 4;

    @Test
    void inferenceEqualsTheSpecWrittenOut() {
        assertMatchesSpec(1, 2, 31);
    }

    @Test
    void trainingPoolingEqualsTheSpecWrittenOut() {
        assertMatchesSpec(2, 3, 32);
    }

    private static void assertMatchesSpec(int pool, int chunk, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            ClassAggregation block = new ClassAggregation(DIM, GUIDANCE, HEADS, PAD_LENGTH);
            block.initializeAll(m);
            ReferenceOps.randomize(block, m, 0.4f);
            Map<String, Parameter> params = ParameterPaths.of(block);
            NDArray x = m.randomNormal(new Shape(IMAGES, DIM, CLASSES, GRID, GRID));
            NDArray g = m.randomNormal(new Shape(IMAGES, CLASSES, GUIDANCE));

            NDArray fast = block.apply(ps, positionMajorChunks(x, chunk), GRID, g, pool, false);
            NDArray spec = spec(name -> params.get(name).getArray(), x, g, pool);

            assertThat(fast.getShape()).isEqualTo(x.getShape());
            float scale = spec.abs().max().getFloat();
            assertThat(fast.sub(spec).abs().max().getFloat() / scale).isLessThan(1e-5f);
        }
    }

    /** x (B, C, N, H, W) → its class chunks as the layer hands them over: (B, H·W, n_i, C) each. */
    private static List<NDArray> positionMajorChunks(NDArray x, int chunk) {
        NDArray tokens = x.transpose(0, 3, 4, 2, 1).reshape(IMAGES, GRID * GRID, CLASSES, DIM);
        List<NDArray> chunks = new ArrayList<>();
        for (int n0 = 0; n0 < CLASSES; n0 += chunk) {
            chunks.add(tokens.get(":, :, {}:{}", n0, Math.min(CLASSES, n0 + chunk)).duplicate());
        }
        return chunks;
    }

    private static NDArray spec(Function<String, NDArray> p, NDArray x, NDArray g, int pool) {
        int hp = GRID / pool;
        long positions = (long) hp * hp;
        NDArray pooled = x.reshape(IMAGES, DIM, CLASSES, hp, pool, hp, pool).mean(new int[] {6}).mean(new int[] {4});
        NDArray tokens = pooled.transpose(0, 3, 4, 2, 1).reshape(IMAGES * positions, CLASSES, DIM);
        int pads = PAD_LENGTH - CLASSES;
        NDArray xBar = tokens.concat(p.apply("pad_token").reshape(1, 1, DIM)
                .broadcast(new Shape(IMAGES * positions, pads, DIM)), 1);
        NDArray guide = g.expandDims(1).broadcast(new Shape(IMAGES, positions, CLASSES, GUIDANCE))
                .reshape(IMAGES * positions, CLASSES, GUIDANCE)
                .concat(p.apply("pad_guidance").reshape(1, 1, GUIDANCE)
                        .broadcast(new Shape(IMAGES * positions, pads, GUIDANCE)), 1);
        NDArray z1 = layerNorm(xBar, p.apply("norm1.weight"), p.apply("norm1.bias"));
        NDArray qkIn = z1.concat(guide, -1);
        NDArray q = phi(linear(qkIn, p.apply("attention.q.weight"), p.apply("attention.q.bias")));
        NDArray k = phi(linear(qkIn, p.apply("attention.k.weight"), p.apply("attention.k.bias")));
        NDArray v = linear(z1, p.apply("attention.v.weight"), p.apply("attention.v.bias"));
        NDArray qh = heads(q);
        NDArray kh = heads(k);
        NDArray vh = heads(v);
        NDArray kv = kh.transpose(0, 1, 3, 2).matMul(vh); // Σ_s φ(k_s) v_sᵀ: (B·P, h, d, d)
        NDArray ks = kh.sum(new int[] {2}, true).transpose(0, 1, 3, 2); // Σ_s φ(k_s): (B·P, h, d, 1)
        NDArray out = qh.matMul(kv).div(qh.matMul(ks).add(1e-6f)).transpose(0, 2, 1, 3)
                .reshape(IMAGES * positions, PAD_LENGTH, DIM);
        NDArray z = xBar.add(out);
        NDArray mlp = linear(linear(layerNorm(z, p.apply("norm2.weight"), p.apply("norm2.bias")),
                p.apply("mlp.fc1.weight"), p.apply("mlp.fc1.bias")).maximum(0f),
                p.apply("mlp.fc2.weight"), p.apply("mlp.fc2.bias"));
        z = z.add(mlp).get(":, :{}", CLASSES);
        NDArray map = z.reshape(IMAGES, hp, hp, CLASSES, DIM).transpose(0, 4, 3, 1, 2);
        if (pool > 1) {
            map = SeparableResize.resize(map, GRID, GRID, SeparableResize.Mode.BILINEAR_ALIGN_CORNERS);
        }
        return x.add(map);
    }

    private static NDArray heads(NDArray t) {
        Shape s = t.getShape();
        return t.reshape(s.get(0), s.get(1), HEADS, DIM / HEADS).transpose(0, 2, 1, 3);
    }

    private static NDArray phi(NDArray a) {
        return a.gt(0f).toType(a.getDataType(), false).mul(a).add(a.lte(0f).toType(a.getDataType(), false)
                .mul(a.exp().sub(1f))).add(1f);
    }

}
