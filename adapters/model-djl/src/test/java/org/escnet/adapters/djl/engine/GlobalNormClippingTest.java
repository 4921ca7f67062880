package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Global-norm clipping against hand arithmetic: gradients [3, 4] and [12] have norm 13. */
class GlobalNormClippingTest {
    @Test
    void scalesAllGradientsByTheSameFactorWhenTheNormIsTooLarge() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {3, 4});
            NDArray b = m.create(new float[] {12});
            double norm = GlobalNormClipping.clip(List.of(a, b), 1.3);
            assertThat(norm).isCloseTo(13.0, within(1e-6));
            assertThat(a.toFloatArray()).containsExactly(new float[] {0.3f, 0.4f}, within(1e-6f));
            assertThat(b.getFloat()).isCloseTo(1.2f, within(1e-6f));
        }
    }

    @Test
    void leavesSmallGradientsAndNonFiniteNormsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {3, 4});
            assertThat(GlobalNormClipping.clip(List.of(a), 10)).isCloseTo(5.0, within(1e-6));
            assertThat(a.toFloatArray()).containsExactly(3f, 4f);
            NDArray inf = m.create(new float[] {Float.POSITIVE_INFINITY, 1});
            assertThat(GlobalNormClipping.clip(List.of(inf), 1)).isInfinite();
            assertThat(inf.getFloat(1)).isEqualTo(1f);
        }
    }
}
