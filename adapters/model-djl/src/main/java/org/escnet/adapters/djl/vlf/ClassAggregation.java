package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.List;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.FlatBatches;
import org.escnet.adapters.djl.ops.GuidedProjection;
import org.escnet.adapters.djl.ops.NamedGroup;
import org.escnet.adapters.djl.ops.RowTiles;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.adapters.djl.ops.SeparableResize;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.ops.TokenLayerNorm;

/**
 * CAT-Seg's class aggregation (ESC-NET-SPEC §2.9d): at every (pooled) position, linear attention across the classes,
 * with text guidance in q and k and learnable pad tokens up to {@code padLength} classes. It has no positional
 * embedding, so permuting the classes permutes the output. The attention only couples classes through the sums
 * Σφ(k)vᵀ and Σφ(k), which are accumulated over class chunks first: any chunk size gives the same result.
 */
public final class ClassAggregation extends ShapedBlock {
    private static final float EPS = 1e-6f;

    private final int dim;
    private final int heads;
    private final int padLength;
    private final TokenLayerNorm norm1;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final TokenLayerNorm norm2;
    private final Dense fc1;
    private final Dense fc2;
    private final Parameter padToken;
    private final Parameter padGuidance;

    public ClassAggregation(int dim, int guidanceDim, int heads, int padLength) {
        this.dim = dim;
        this.heads = heads;
        this.padLength = padLength;
        norm1 = addChildBlock("norm1", new TokenLayerNorm(dim));
        NamedGroup attention = addChildBlock("attention", new NamedGroup());
        q = attention.add("q", new Dense(dim + guidanceDim, dim));
        k = attention.add("k", new Dense(dim + guidanceDim, dim));
        v = attention.add("v", new Dense(dim, dim));
        norm2 = addChildBlock("norm2", new TokenLayerNorm(dim));
        NamedGroup mlp = addChildBlock("mlp", new NamedGroup());
        fc1 = mlp.add("fc1", new Dense(dim, 4 * dim));
        fc2 = mlp.add("fc2", new Dense(4 * dim, dim));
        padToken = parameter("pad_token", Parameter.Type.WEIGHT, new Shape(1, dim), new NormalInitializer(0.02f));
        padGuidance = parameter("pad_guidance", Parameter.Type.WEIGHT, new Shape(1, guidanceDim),
                new NormalInitializer(0.02f));
    }

    /**
     * The class chunks of x, each (B, H·W, n_i, C) with its positions in grid order and each position's classes
     * together (position-major), the grid side h, text guidance (B, N, C_g), pooling kernel (2 in training, 1 at test)
     * → x + upsample(z) as (B, C, N, H, W): a view of position-major memory, the layout the next layer's chunks are
     * gathered from.
     */
    public NDArray apply(ParameterStore ps, List<NDArray> chunks, int h, NDArray guidance, int pool,
                         boolean training) {
        NDArray first = chunks.get(0);
        long b = first.getShape().get(0);
        int n = chunks.stream().mapToInt(t -> (int) t.getShape().get(2)).sum();
        int hp = h / pool;
        long positions = (long) hp * hp;
        // the text-guidance parts of q and k are computed once per class, not once per class and position
        NDArray rowWeights = GuidedProjection.rowWeights(ps, first, training, dim, k, v, q); // (3C, C)
        NDArray terms = GuidedProjection.sharedTerms(ps, guidance, training, dim, k, v, q); // (B, N, 3C)

        // pass 1: the class-coupling sums, over chunks and the pad tokens; each chunk's queries are kept for pass 2,
        // so the tokens are normalised and projected once. A chunk's tokens (B·P, n, C) are its position-major
        // memory as it is (at test time) or pooled from it (in training)
        NDList chunkTokens = new NDList();
        NDArray kvSum = null;
        NDArray kSum = null;
        NDList queries = new NDList();
        int n0 = 0;
        for (NDArray chunk : chunks) {
            int n1 = n0 + (int) chunk.getShape().get(2);
            try (ChunkScope scope = new ChunkScope()) {
            NDArray tokens = scope.keep(pooled(chunk, h, pool).reshape(b * positions, n1 - n0, dim));
            chunkTokens.add(tokens);
            NDArray z = norm1.apply(ps, tokens, training);
            NDArray kvq = perPosition(GuidedProjection.rows(z, rowWeights), terms, b, n0, n1);
            // φ runs on the projections' rows as they lie (C contiguous floats each) before the heads are split off
            // as a view; on the head-split view it walks memory in pieces of one head's d floats
            NDArray phiK = heads(phi(kvq.get(":, :, :{}", dim))); // (B·P, h, n, d)
            NDArray vh = heads(kvq.get(":, :, {}:{}", dim, 2 * dim));
            NDArray partKv = FlatBatches.matMul(phiK.transpose(0, 1, 3, 2), vh);
            NDArray partK = phiK.sum(new int[] {2});
            // the running sums accumulate in place: nothing reads them before the last chunk is in
            kvSum = kvSum == null ? partKv : kvSum.addi(partKv);
            kSum = kSum == null ? partK : kSum.addi(partK);
            scope.keep(kvSum);
            scope.keep(kSum);
            queries.add(scope.keep(heads(phi(kvq.get(":, :, {}:", 2 * dim)))));
            }
            n0 = n1;
        }
        int pads = Math.max(0, padLength - n);
        if (pads > 0) {
            NDArray z = norm1.apply(ps, value(ps, padToken, first, training), training); // (1, C)
            NDArray qk = z.concat(value(ps, padGuidance, first, training), -1);
            NDArray phiK = phi(heads(k.apply(ps, qk, training).expandDims(0))); // (1, h, 1, d)
            NDArray vh = heads(v.apply(ps, z, training).expandDims(0));
            kvSum = kvSum.add(Scalars.times(phiK.transpose(0, 1, 3, 2).matMul(vh), pads));
            kSum = kSum.add(Scalars.times(phiK.sum(new int[] {2}), pads));
        }

        // pass 2: every class queries the shared sums. Σφ(k) rides along as one more column of Σφ(k)vᵀ, so each
        // query row meets numerator and denominator in one product
        NDArray sums = kvSum.concat(kSum.expandDims(3), 3); // (B·P, h, d, d + 1)
        long d = dim / heads;
        // at inference each chunk's output goes straight into its slice of the result; a list of outputs concatenated
        // at the end held the vocabulary's outputs twice (while torch records a graph the outputs are concatenated)
        NDArray joined = JniUtils.isGradMode() ? null
                : first.getManager().create(new Shape(b, (long) h * h, n, dim), first.getDataType());
        NDList outputs = new NDList();
        n0 = 0;
        for (int i = 0; i < chunks.size(); i++) {
            NDArray chunk = chunks.get(i);
            int len = (int) chunk.getShape().get(2);
            try (ChunkScope scope = new ChunkScope()) {
            NDArray xc = chunkTokens.get(i);
            NDArray phiQ = queries.get(i);
            NDArray products = FlatBatches.matMul(phiQ, sums); // (B·P, h, n, d + 1)
            NDArray attention = products.get("..., :{}", d).div(products.get("..., {}:", d).add(EPS));
            // the heads go back beside each other in the sum with x̄, which is laid out like x̄ (its first operand); the
            // later residual sums go into fresh arrays (this sum, a linear layer's output) that no backward reads
            NDArray y = xc.reshape(b * positions, len, heads, d).add(attention.transpose(0, 2, 1, 3))
                    .reshape(b * positions, len, dim);
            NDArray attended = y;
            y = ChunkScope.result(() -> RowTiles.residual(attended, 4L * dim, rows -> fc2.apply(ps,
                    Activation.relu(fc1.apply(ps, norm2.apply(ps, rows, training), training)), training)));
            NDArray part = (pool > 1 ? chunk.add(upsampled(y, b, hp, h, len)) : y.addi(xc))
                    .reshape(b, (long) h * h, len, dim);
            if (joined != null) {
                joined.set(new NDIndex(":, :, {}:{}", n0, n0 + len), part);
            } else {
                outputs.add(scope.keep(part));
            }
            phiQ.close(); // this chunk's queries and tokens are done with: free them before the next chunk
            xc.close();
            }
            n0 += len;
        }
        if (joined == null) {
            joined = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(outputs, 2);
        }
        return joined.reshape(b, h, h, n, dim).transpose(0, 4, 3, 1, 2); // (B, H·W, N, C) seen as (B, C, N, H, W)
    }

    /** a chunk (B, H·W, n, C) → its pool×pool averages (B, H'·W', n, C); the chunk itself for pool 1. */
    private NDArray pooled(NDArray chunk, int h, int pool) {
        if (pool == 1) {
            return chunk;
        }
        Shape s = chunk.getShape();
        long hp = h / pool;
        return chunk.reshape(s.get(0), hp, pool, hp, pool, s.get(2) * s.get(3)).mean(new int[] {4}).mean(new int[] {2})
                .reshape(s.get(0), hp * hp, s.get(2), s.get(3));
    }

    /** z (B·H'·W', n, C) → bilinearly upsampled (align corners) to the h×h grid, as (B, h·h, n, C). */
    private NDArray upsampled(NDArray z, long b, int hp, int h, int len) {
        NDArray map = z.reshape(b, hp, hp, len, dim).transpose(0, 3, 4, 1, 2); // (B, n, C, H', W')
        return SeparableResize.resize(map, h, h, SeparableResize.Mode.BILINEAR_ALIGN_CORNERS).transpose(0, 3, 4, 1, 2)
                .reshape(b, (long) h * h, len, dim);
    }

    /**
     * rows (B·P, n, D) of classes n0..n1, fresh from a matrix product, per-class terms (B, N, D) → rows + terms of
     * each row's class, added in place.
     */
    private static NDArray perPosition(NDArray rows, NDArray terms, long b, int n0, int n1) {
        Shape s = rows.getShape();
        rows.reshape(b, s.get(0) / b, s.get(1), s.get(2)).addi(terms.get(":, {}:{}", n0, n1).expandDims(1));
        return rows;
    }

    /** elu(a) + 1, the +1 in place on the fresh elu output (elu's backward reads its input). */
    private static NDArray phi(NDArray a) {
        return Activation.elu(a, 1f).addi(1f);
    }

    /** (M, n, C) → (M, h, n, C/h). */
    private NDArray heads(NDArray t) {
        Shape s = t.getShape();
        return t.reshape(s.get(0), s.get(1), heads, dim / heads).transpose(0, 2, 1, 3);
    }
}
