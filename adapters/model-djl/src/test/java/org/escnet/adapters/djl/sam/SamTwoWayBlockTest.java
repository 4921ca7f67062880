package org.escnet.adapters.djl.sam;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.escnet.adapters.djl.ops.ReferenceOps;
import org.escnet.adapters.djl.ops.TokenLayerNorm;
import org.junit.jupiter.api.Test;

/**
 * SAM's two-way block as it runs (the key positional encoding projected once and added to keys·Wᵀ) against the
 * block as SAM writes it: k = keys + key_pe fed to the token-to-image keys and the image-to-token queries.
 */
class SamTwoWayBlockTest {
    private static final int CLASSES = 3;
    private static final int TOKENS = 7;
    private static final int POSITIONS = 36;

    @Test
    void projectedKeyEncodingEqualsSamsForm() {
        assertMatchesSam(false, 41);
    }

    @Test
    void firstLayerCopyWithoutQueryEncodingEqualsSamsForm() {
        assertMatchesSam(true, 42);
    }

    private static void assertMatchesSam(boolean skipFirstLayerPe, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SamTwoWayBlock block = new SamTwoWayBlock(skipFirstLayerPe);
            block.initializeAll(m);
            ReferenceOps.randomize(block, m, 0.1f);
            int d = SamTwoWayBlock.DIM;
            NDArray queries = m.randomNormal(new Shape(CLASSES, TOKENS, d));
            NDArray keys = m.randomNormal(new Shape(CLASSES, POSITIONS, d));
            NDArray queryPe = m.randomNormal(new Shape(CLASSES, TOKENS, d));
            NDArray keyPe = m.randomNormal(new Shape(1, POSITIONS, d));

            NDList fast = block.apply(ps, queries, keys, queryPe, keyPe, false);
            NDList sam = samForm(block, ps, queries, keys, queryPe, keyPe, skipFirstLayerPe);

            for (int i = 0; i < 2; i++) {
                float scale = sam.get(i).abs().max().getFloat();
                assertThat(fast.get(i).getShape()).isEqualTo(sam.get(i).getShape());
                assertThat(fast.get(i).sub(sam.get(i)).abs().max().getFloat() / scale).isLessThan(1e-5f);
            }
        }
    }

    /** SAM's TwoWayAttentionBlock.forward, with the attentions and layers of {@code block}. */
    private static NDList samForm(SamTwoWayBlock block, ParameterStore ps, NDArray queries, NDArray keys,
                                  NDArray queryPe, NDArray keyPe, boolean skipFirstLayerPe) {
        List<Block> c = block.getChildren().values();
        SamAttention selfAttn = (SamAttention) c.get(0);
        TokenLayerNorm norm1 = (TokenLayerNorm) c.get(1);
        SamAttention tokenToImage = (SamAttention) c.get(2);
        TokenLayerNorm norm2 = (TokenLayerNorm) c.get(3);
        SamTwoWayBlock.MlpPair mlp = (SamTwoWayBlock.MlpPair) c.get(4);
        TokenLayerNorm norm3 = (TokenLayerNorm) c.get(5);
        TokenLayerNorm norm4 = (TokenLayerNorm) c.get(6);
        SamAttention imageToToken = (SamAttention) c.get(7);
        if (skipFirstLayerPe) {
            queries = selfAttn.apply(ps, queries, queries, queries, false);
        } else {
            NDArray q = queries.add(queryPe);
            queries = queries.add(selfAttn.apply(ps, q, q, queries, false));
        }
        queries = norm1.apply(ps, queries, false);
        NDArray q = queries.add(queryPe);
        NDArray k = keys.add(keyPe);
        queries = norm2.apply(ps, queries.add(tokenToImage.apply(ps, q, k, keys, false)), false);
        NDArray mlpOut = mlp.lin2.apply(ps, Activation.relu(mlp.lin1.apply(ps, queries, false)), false);
        queries = norm3.apply(ps, queries.add(mlpOut), false);
        q = queries.add(queryPe);
        k = keys.add(keyPe);
        keys = norm4.apply(ps, keys.add(imageToToken.apply(ps, k, q, queries, false)), false);
        return new NDList(queries, keys);
    }
}
