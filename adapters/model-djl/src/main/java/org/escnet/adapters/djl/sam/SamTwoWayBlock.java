package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.Dense;
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
     * The key positional encoding through the two projections that read keys + keyPe: the token-to-image keys and
     * the image-to-token queries. It is the same for every class, so it is projected once per image.
     *
     * @param tokenToImageKeys    keyPe·W_kᵀ + b_k of the token-to-image attention (1 or M, HW, 128)
     * @param imageToTokenQueries keyPe·W_qᵀ + b_q of the image-to-token attention (1 or M, HW, 128)
     */
    public record KeyPeTerms(NDArray tokenToImageKeys, NDArray imageToTokenQueries) {
    }

    /** keyPe (1 or M, HW, 256) → its two projections, for the per-class form of {@code apply}. */
    public KeyPeTerms keyPeTerms(ParameterStore ps, NDArray keyPe, boolean training) {
        return new KeyPeTerms(tokenToImage.keyTerm(ps, keyPe, training), imageToToken.queryTerm(ps, keyPe, training));
    }

    /**
     * queries (M, T, 256), keys (M, HW, 256), queryPe like queries, keyPe (M or 1, HW, 256) →
     * NDList(queries (M, T, 256), keys (M, HW, 256)).
     */
    public NDList apply(ParameterStore ps, NDArray queries, NDArray keys, NDArray queryPe, NDArray keyPe,
                        boolean training) {
        return apply(ps, queries, keys, queryPe, keyPeTerms(ps, keyPe, training), training);
    }

    /** The same with the key positional encoding already projected ({@link #keyPeTerms}), as per-class chunks use it. */
    public NDList apply(ParameterStore ps, NDArray queries, NDArray keys, NDArray queryPe, KeyPeTerms keyPe,
                        boolean training) {
        if (skipFirstLayerPe) {
            queries = selfAttn.apply(ps, queries, queries, queries, training);
        } else {
            NDArray q = queries.add(queryPe);
            queries = queries.add(selfAttn.apply(ps, q, q, queries, training));
        }
        queries = norm1.apply(ps, queries, training);

        NDArray q = queries.add(queryPe);
        // keys + keyPe enters through its projections: keys·Wᵀ plus the projected keyPe
        NDArray attended = tokenToImage.apply(ps, q, null, keys, keyPe.tokenToImageKeys(), keys, training);
        queries = norm2.apply(ps, queries.add(attended), training);

        NDArray mlpOut = lin2.apply(ps, Activation.relu(lin1.apply(ps, queries, training)), training);
        queries = norm3.apply(ps, queries.add(mlpOut), training);

        q = queries.add(queryPe);
        // the keys have not changed since the token-to-image attention, so neither has keys + keyPe; the residual
        // goes into the attention's fresh output projection, which no backward reads
        NDArray answered = imageToToken.apply(ps, keys, keyPe.imageToTokenQueries(), q, null, queries, training);
        keys = norm4.apply(ps, answered.addi(keys), training);
        return new NDList(queries, keys);
    }

    /** SAM's MLPBlock: lin1 (256→2048), ReLU, lin2 (2048→256). */
    static final class MlpPair extends ShapedBlock {
        final Dense lin1 = addChildBlock("lin1", new Dense(DIM, MLP_DIM));
        final Dense lin2 = addChildBlock("lin2", new Dense(MLP_DIM, DIM));
    }
}
