package org.escnet.adapters.djl.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.escnet.adapters.djl.ops.ConvTranspose2d;
import org.escnet.adapters.djl.ops.ParameterPaths;
import org.escnet.adapters.djl.ops.ReferenceOps;
import org.junit.jupiter.api.Test;

/**
 * The decoder's Up block as it runs (the skip guidance and the transposed convolution's bias convolved once per
 * image, the per-class part without bias) against CAT-Seg's Up as written: ConvTranspose with bias, concatenation
 * with the guidance repeated for every class, DoubleConv.
 */
class UpBlockTest {

    @Test
    void foldedGuidanceAndBiasEqualTheBlockOnTheConcatenation() {
        Engine.getInstance().setRandomSeed(21);
        int images = 2;
        int classes = 3;
        int in = 12;
        int guidance = 4;
        int out = 32;
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            UpBlock block = new UpBlock(in, out, guidance);
            block.initializeAll(m);
            ReferenceOps.randomize(block, m, 0.5f);
            Map<String, Parameter> params = ParameterPaths.of(block);
            NDArray x = m.randomNormal(new Shape(images * classes, in, 5, 5));
            NDArray g = m.randomNormal(new Shape(images, guidance, 10, 10));

            NDArray fast = block.apply(ps, x, block.guidanceTerm(ps, g, false), false);

            NDArray up = ConvTranspose2d.apply(x, params.get("up.weight").getArray(), params.get("up.bias").getArray(),
                    2);
            NDArray repeated = g.expandDims(1).broadcast(new Shape(images, classes, guidance, 10, 10))
                    .reshape(images * classes, guidance, 10, 10);
            DoubleConv conv = block.getChildren().values().stream().filter(DoubleConv.class::isInstance)
                    .map(DoubleConv.class::cast).findFirst().orElseThrow();
            NDArray reference = conv.apply(ps, up.concat(repeated, 1), false);

            assertThat(fast.getShape()).isEqualTo(new Shape(images * classes, out, 10, 10));
            assertThat(params.get("up.bias").getArray().abs().max().getFloat()).isGreaterThan(0.1f);
            assertThat(fast.sub(reference).abs().max().getFloat()).isLessThan(1e-4f);
        }
    }
}
