package org.escnet.adapters.djl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/**
 * The split evaluation of layers over [x; g] against the layers applied to the concatenation itself, which is how
 * CAT-Seg writes them: per class x, and one g per image repeated for each class.
 */
class GuidedProjectionTest {

    @Test
    void splitLinearLayersEqualTheLayersOnTheConcatenation() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            Dense q = new Dense(8 + 5, 6);
            Dense k = new Dense(8 + 5, 6);
            Dense v = new Dense(8, 6); // x only, as the values
            for (Dense d : new Dense[] {q, k, v}) {
                d.initializeAll(m);
                d.getParameters().get("bias").getArray().set(m.randomNormal(new Shape(6)).toFloatArray());
            }
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 8)); // 2 images, 3 classes, 4 positions
            NDArray g = m.randomNormal(new Shape(2, 1, 4, 5)); // one guidance per image and position

            NDArray split = GuidedProjection.rows(x, GuidedProjection.rowWeights(ps, x, false, 8, q, k, v))
                    .add(GuidedProjection.sharedTerms(ps, g, false, 8, q, k, v));

            NDArray cat = x.concat(g.broadcast(new Shape(2, 3, 4, 5)), -1);
            NDArray direct = q.apply(ps, cat, false).concat(k.apply(ps, cat, false), -1)
                    .concat(v.apply(ps, x, false), -1);
            assertThat(split.getShape()).isEqualTo(new Shape(2, 3, 4, 18));
            assertThat(split.sub(direct).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @Test
    void splitConvolutionEqualsTheConvolutionOfTheConcatenation() {
        Engine.getInstance().setRandomSeed(4);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            Conv conv = Conv.same(3 + 2, 4, 3, false);
            conv.initializeAll(m);
            NDArray y = m.randomNormal(new Shape(6, 3, 5, 5)); // 2 images × 3 classes
            NDArray g = m.randomNormal(new Shape(2, 2, 5, 5));
            NDArray shared = conv.applyToChannels(ps, g, 3, 5, false); // once per image
            NDArray split = conv.applyToChannels(ps, y, 0, 3, false).reshape(2, 3, 4, 5, 5)
                    .add(shared.expandDims(1)).reshape(6, 4, 5, 5);
            NDArray repeated = g.expandDims(1).broadcast(new Shape(2, 3, 2, 5, 5)).reshape(6, 2, 5, 5);
            NDArray direct = conv.apply(ps, y.concat(repeated, 1), false);
            assertThat(split.sub(direct).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }
}
