package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.GuidedProjection;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.ops.TokenLayerNorm;

/**
 * SAM's TwoWayAttentionBlock (dim 256, 8 heads, MLP 2048 with ReLU, cross-attention downsample 2): token
 * self-attention, token→image attention, token MLP, image→token attention (ESC-NET-SPEC §2.9a). Child names equal
 * SAM's original parameter names, so a checkpoint layer maps onto it key by key.
 */
public final class SamTwoWayBlock extends ShapedBlock {
    public static final int DIM = 256;
    public static final int HEADS = 8;
    public static final int MLP_DIM = 2048;
    public static final int CROSS_DOWNSAMPLE = 2;

    private final boolean skipFirstLayerPe;
    private final SamAttention selfAttn;
    private final TokenLayerNorm norm1;
    private final SamAttention tokenToImage;
    private final TokenLayerNorm norm2;
    private final Dense lin1;
    private final Dense lin2;
    private final TokenLayerNorm norm3;
    private final TokenLayerNorm norm4;
    private final SamAttention imageToToken;

    /** @param skipFirstLayerPe true for copies of SAM decoder layer 0 (no PE and no residual in self-attention) */
    public SamTwoWayBlock(boolean skipFirstLayerPe) {
        this.skipFirstLayerPe = skipFirstLayerPe;
        selfAttn = addChildBlock("self_attn", new SamAttention(DIM, HEADS, 1));
        norm1 = addChildBlock("norm1", new TokenLayerNorm(DIM));
        tokenToImage = addChildBlock("cross_attn_token_to_image", new SamAttention(DIM, HEADS, CROSS_DOWNSAMPLE));
        norm2 = addChildBlock("norm2", new TokenLayerNorm(DIM));
        MlpPair mlp = addChildBlock("mlp", new MlpPair());
        lin1 = mlp.lin1;
        lin2 = mlp.lin2;
        norm3 = addChildBlock("norm3", new TokenLayerNorm(DIM));
        norm4 = addChildBlock("norm4", new TokenLayerNorm(DIM));
        imageToToken = addChildBlock("cross_attn_image_to_token", new SamAttention(DIM, HEADS, CROSS_DOWNSAMPLE));
    }

    public boolean skipsFirstLayerPe() {
        return skipFirstLayerPe;
    }

    /**
     * The three projections that read the image tokens, stacked so that a class chunk runs them as one matrix product:
     * the token-to-image keys (of keys + keyPe) and values (of keys), and the image-to-token queries (of keys + keyPe).
     * The keys do not change between the two attentions, so all three can be taken at the start of the block.
     * Projections are linear, so proj(keys + keyPe) = keys·Wᵀ + (keyPe·Wᵀ + b): the positional part is the same for
     * every class and is projected once per image.
     *
     * @param weights the stacked weights (3·128, 256): token-to-image k, token-to-image v, image-to-token q
     * @param terms   the stacked per-position terms (1 or M, HW, 3·128): keyPe·W_kᵀ + b_k, b_v, keyPe·W_qᵀ + b_q
     */
    public record ImageTokenProjection(NDArray weights, NDArray terms) {
    }

    /** keyPe (1 or M, HW, 256) → the stacked image-token projection, for the per-class form of {@code apply}. */
    public ImageTokenProjection imageTokenProjection(ParameterStore ps, NDArray keyPe, boolean training) {
        Dense keys = tokenToImage.keyProjection();
        Dense values = tokenToImage.valueProjection();
        Dense queries = imageToToken.queryProjection();
        NDArray weights = GuidedProjection.rowWeights(ps, keyPe, training, DIM, keys, values, queries);
        Shape positions = keyPe.getShape().slice(0, keyPe.getShape().dimension() - 1);
        NDArray terms = NDArrays.concat(new NDList(keys.apply(ps, keyPe, training),
                values.biasValue(ps, keyPe, training).broadcast(positions.add(values.outputs())),
                queries.apply(ps, keyPe, training)), -1);
        return new ImageTokenProjection(weights, terms);
    }

    /** keys (M, HW, 256) → their three projections (M, HW, 3·128), for {@link #applyProjected}. */
    public static NDArray projectImageTokens(ImageTokenProjection projection, NDArray keys) {
        // the terms go into the product's fresh output in place
        return GuidedProjection.rows(keys, projection.weights()).addi(projection.terms());
    }

    /**
     * queries (M, T, 256), keys (M, HW, 256), queryPe like queries, keyPe (M or 1, HW, 256) →
     * NDList(queries (M, T, 256), keys (M, HW, 256)).
     */
    public NDList apply(ParameterStore ps, NDArray queries, NDArray keys, NDArray queryPe, NDArray keyPe,
                        boolean training) {
        NDArray projected = projectImageTokens(imageTokenProjection(ps, keyPe, training), keys);
        return applyProjected(ps, queries, keys, queryPe, projected, training);
    }

    /**
     * The same with the image tokens' three projections given, (M, HW, 3·128) as {@link #projectImageTokens} makes
     * them, or any equal sum: per-class chunks compose them from parts shared by all classes.
     */
    public NDList applyProjected(ParameterStore ps, NDArray queries, NDArray keys, NDArray queryPe,
                                 NDArray projected, boolean training) {
        if (skipFirstLayerPe) {
            queries = selfAttn.apply(ps, queries, queries, queries, training);
        } else {
            NDArray q = queries.add(queryPe);
            queries = queries.add(selfAttn.apply(ps, q, q, queries, training));
        }
        queries = norm1.apply(ps, queries, training);

        int inner = DIM / CROSS_DOWNSAMPLE;
        NDArray imageKeys = projected.get(":, :, :{}", inner);
        NDArray imageValues = projected.get(":, :, {}:{}", inner, 2 * inner);
        NDArray imageQueries = projected.get(":, :, {}:", 2 * inner);

        NDArray q = tokenToImage.queryProjection().apply(ps, queries.add(queryPe), training);
        NDArray attended = tokenToImage.attendProjected(ps, q, imageKeys, imageValues, training);
        queries = norm2.apply(ps, queries.add(attended), training);

        NDArray mlpOut = lin2.apply(ps, Activation.relu(lin1.apply(ps, queries, training)), training);
        queries = norm3.apply(ps, queries.add(mlpOut), training);

        NDArray k = imageToToken.keyProjection().apply(ps, queries.add(queryPe), training);
        NDArray v = imageToToken.valueProjection().apply(ps, queries, training);
        // the residual goes into the attention's fresh output projection, which no backward reads
        NDArray answered = imageToToken.attendProjected(ps, imageQueries, k, v, training);
        keys = norm4.apply(ps, answered.addi(keys), training);
        return new NDList(queries, keys);
    }

    /** SAM's MLPBlock: lin1 (256→2048), ReLU, lin2 (2048→256). */
    static final class MlpPair extends ShapedBlock {
        final Dense lin1 = addChildBlock("lin1", new Dense(DIM, MLP_DIM));
        final Dense lin2 = addChildBlock("lin2", new Dense(MLP_DIM, DIM));
    }
}
