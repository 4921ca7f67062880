package org.escnet.adapters.djl.sam;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ReferenceOps;
import org.escnet.domain.model.DenseEmbedding;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.PromptEmbeddings;
import org.junit.jupiter.api.Test;

/**
 * The refinement as it runs (keys and their projections composed per chunk from parts shared by all classes and the
 * dense embedding's 16 features, {@link ClassKeys}) against ESC-NET-SPEC §2.9a–b written out: the dense embedding
 * materialised by a 1×1 convolution, keys X + dense per class, the two-way block on every class at once, the class
 * mean of the refined keys, the fusion.
 */
class SamSpatialAggregatorTest {
    private static final int DIM = SamTwoWayBlock.DIM;
    private static final int GRID = 4;
    private static final int FEATURES = 16;
    private static final int TOKENS = 3;

    @Test
    void maskEmbeddingFactoredPerChunkEqualsTheWrittenOutRefinement() {
        assertMatchesReference(true, 2, 5, 2, 51);
    }

    @Test
    void noMaskEmbeddingEqualsTheWrittenOutRefinement() {
        assertMatchesReference(false, 1, 4, 3, 52);
    }

    @Test
    void theDenseEmbeddingMaterialisesAsItsOneByOneConvolution() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.randomNormal(new Shape(3, FEATURES, GRID, GRID));
            NDArray weight = m.randomNormal(new Shape(DIM, FEATURES));
            NDArray bias = m.randomNormal(new Shape(DIM));
            NDArray conv = Conv2d.conv2d(features, weight.reshape(DIM, FEATURES, 1, 1), bias, new Shape(1, 1),
                    new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
            NDArray dense = new DenseEmbedding(features, weight, bias, 3, GRID).materialize();
            assertThat(dense.getShape()).isEqualTo(new Shape(3, DIM, GRID, GRID));
            assertThat(dense.sub(conv).abs().max().getFloat() / conv.abs().max().getFloat()).isLessThan(1e-6f);
            NDArray constant = DenseEmbedding.constant(bias, 3, GRID).materialize();
            assertThat(constant.get("2, :, 1, 3").sub(bias).abs().max().getFloat()).isEqualTo(0f);
        }
    }

    private static void assertMatchesReference(boolean masks, int batch, int classes, int chunk, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            SamOutputTokens outputTokens = new SamOutputTokens();
            outputTokens.initializeAll(m);
            ReferenceOps.randomize(outputTokens, m, 0.5f);
            SamSpatialAggregator aggregator = new SamSpatialAggregator(false, outputTokens);
            aggregator.initializeAll(m);
            ReferenceOps.randomize(aggregator, m, 0.1f);
            int rows = batch * classes;
            int hw = GRID * GRID;
            NDArray image = m.randomNormal(new Shape(batch, DIM, GRID, GRID));
            NDArray pe = m.randomNormal(new Shape(hw, DIM));
            NDArray sparse = m.randomNormal(new Shape(rows, TOKENS, DIM));
            DenseEmbedding dense = masks
                    ? new DenseEmbedding(m.randomNormal(new Shape(rows, FEATURES, GRID, GRID)),
                            m.randomNormal(new Shape(DIM, FEATURES)).mul(0.3f), m.randomNormal(new Shape(DIM)), rows,
                            GRID)
                    : DenseEmbedding.constant(m.randomNormal(new Shape(DIM)), rows, GRID);

            NDArray fast = aggregator.refine(new ForwardPass(ps, false, chunk), image, pe,
                    new PromptEmbeddings(sparse, dense));
            NDArray reference = writtenOut(aggregator, outputTokens, ps, image, pe, sparse, dense, batch, classes);

            assertThat(fast.getShape()).isEqualTo(image.getShape());
            float scale = reference.abs().max().getFloat();
            assertThat(fast.sub(reference).abs().max().getFloat() / scale).isLessThan(1e-5f);
        }
    }

    private static NDArray writtenOut(SamSpatialAggregator aggregator, SamOutputTokens outputTokens,
                                      ParameterStore ps, NDArray image, NDArray pe, NDArray sparse,
                                      DenseEmbedding dense, int batch, int classes) {
        int hw = GRID * GRID;
        int rows = batch * classes;
        NDArray tokens = image.reshape(batch, DIM, hw).transpose(0, 2, 1);
        NDArray denseTokens = dense.materialize().reshape(batch, classes, DIM, hw).transpose(0, 1, 3, 2);
        NDArray keys = tokens.expandDims(1).add(denseTokens).reshape(rows, hw, DIM);
        NDArray out = outputTokens.tokens(ps, image, false);
        NDArray queries = out.expandDims(0).broadcast(new Shape(rows, out.getShape().get(0), DIM)).concat(sparse, 1);
        NDArray refined = aggregator.twoWayBlock().apply(ps, queries, keys, queries, pe.expandDims(0), false).get(1);
        NDArray mean = refined.reshape(batch, classes, hw, DIM).mean(new int[] {1});
        return aggregator.fusion().apply(ps, tokens, mean, false).transpose(0, 2, 1).reshape(image.getShape());
    }
}
