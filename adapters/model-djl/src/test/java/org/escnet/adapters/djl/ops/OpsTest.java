package org.escnet.adapters.djl.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each workaround of DJL-NOTES §1 against values computed by hand from torch's definitions. */
class OpsTest {
    private NDManager manager;
    private ParameterStore ps;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        ps = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void bilinearWithoutAlignCornersClampsAndBlendsAsTorch() {
        // torch: src = (d + 0.5)·in/out − 0.5, clamped at 0: 2→4 gives a, .75a+.25b, .25a+.75b, b
        float[][] m = InterpolationMatrix.bilinear(2, 4, false);
        assertThat(m[0]).containsExactly(1f, 0f);
        assertThat(m[1]).containsExactly(0.75f, 0.25f);
        assertThat(m[2]).containsExactly(0.25f, 0.75f);
        assertThat(m[3]).containsExactly(0f, 1f);
    }

    @Test
    void bilinearWithAlignCornersHitsTheCorners() {
        float[][] m = InterpolationMatrix.bilinear(2, 3, true);
        assertThat(m[0]).containsExactly(1f, 0f);
        assertThat(m[1]).containsExactly(0.5f, 0.5f);
        assertThat(m[2]).containsExactly(0f, 1f);
        float[][] down = InterpolationMatrix.bilinear(5, 3, true); // src = 0, 2, 4
        assertThat(down[1]).containsExactly(0f, 0f, 1f, 0f, 0f);
    }

    @Test
    void bicubicUsesTorchCoefficientAndClampsBorderTaps() {
        // 4→8, output 0: src = −0.25, floor −1, t = 0.75; taps −2,−1,0,1 (torch: floor−1 … floor+2) with weights
        // cubicFar(1.75) = −0.03515625, cubicNear(0.75) = 0.26171875, cubicNear(0.25) = 0.87890625,
        // cubicFar(1.25) = −0.10546875; taps −2 and −1 clamp onto 0
        float[][] m = InterpolationMatrix.bicubic(4, 8);
        assertThat(m[0][0]).isCloseTo(1.10546875f, within(1e-7f));
        assertThat(m[0][1]).isCloseTo(-0.10546875f, within(1e-7f));
        assertThat(m[0][2]).isEqualTo(0f);
        // output 3: src = 1.25, taps 0..3 with the same four weights in reverse order
        assertThat(m[3][0]).isCloseTo(-0.10546875f, within(1e-7f));
        assertThat(m[3][1]).isCloseTo(0.87890625f, within(1e-7f));
        assertThat(m[3][2]).isCloseTo(0.26171875f, within(1e-7f));
        assertThat(m[3][3]).isCloseTo(-0.03515625f, within(1e-7f));
        for (float[] row : m) {
            float sum = 0;
            for (float v : row) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1f, within(1e-6f));
        }
    }

    @Test
    void separableResizeAppliesBothAxes() {
        NDArray x = manager.create(new float[] {0, 4, 8, 12}, new Shape(1, 1, 2, 2));
        NDArray y = SeparableResize.resize(x, 3, 3, SeparableResize.Mode.BILINEAR_ALIGN_CORNERS);
        assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 3, 3));
        assertThat(y.toFloatArray()).containsExactly(0, 2, 4, 4, 6, 8, 8, 10, 12);
    }

    @Test
    void convTransposeScattersOnePatchPerPixel() {
        NDArray x = manager.create(new float[] {1, 2}, new Shape(1, 1, 1, 2));
        NDArray w = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        NDArray b = manager.create(new float[] {0.5f});
        NDArray y = ConvTranspose2d.apply(x, w, b, 2);
        assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 4));
        assertThat(y.toFloatArray()).containsExactly(1.5f, 2.5f, 2.5f, 4.5f, 3.5f, 4.5f, 6.5f, 8.5f);
    }

    @Test
    void convTransposeMixesChannelsWithTorchWeightLayout() {
        // in 2, out 1, k 1: y = w[0,0]·x0 + w[1,0]·x1 (weight is (in, out, k, k))
        NDArray x = manager.create(new float[] {1, 10}, new Shape(1, 2, 1, 1));
        NDArray w = manager.create(new float[] {2, 3}, new Shape(2, 1, 1, 1));
        assertThat(ConvTranspose2d.apply(x, w, null, 1).toFloatArray()).containsExactly(32f);
    }

    @Test
    void groupNormNormalisesEachGroupThenAppliesTheChannelAffine() {
        GroupNorm gn = new GroupNorm(2, 4);
        gn.initializeAll(manager);
        gn.getParameters().get("weight").getArray().set(new float[] {1, 1, 2, 2});
        gn.getParameters().get("bias").getArray().set(new float[] {0, 0, 0, 1});
        // group 0 = channels {0,1} holding 1,3 (mean 2, var 1); group 1 = {2,3} holding 10,10 (var 0)
        NDArray x = manager.create(new float[] {1, 3, 10, 10}, new Shape(1, 4, 1, 1));
        float[] y = gn.apply(ps, x, false).toFloatArray();
        float s = (float) (1 / Math.sqrt(1 + 1e-5));
        assertThat(y[0]).isCloseTo(-s, within(1e-6f));
        assertThat(y[1]).isCloseTo(s, within(1e-6f));
        assertThat(y[2]).isCloseTo(0f, within(1e-6f));
        assertThat(y[3]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void layerNorm2dNormalisesChannelsPerPixel() {
        LayerNorm2d ln = new LayerNorm2d(2);
        ln.initializeAll(manager);
        // pixel 0 has channels (1, 3), pixel 1 has (5, 5)
        NDArray x = manager.create(new float[] {1, 5, 3, 5}, new Shape(1, 2, 1, 2));
        float[] y = ln.apply(ps, x, false).toFloatArray();
        float s = (float) (1 / Math.sqrt(1 + 1e-6));
        assertThat(y[0]).isCloseTo(-s, within(1e-6f));
        assertThat(y[2]).isCloseTo(s, within(1e-6f));
        assertThat(y[1]).isCloseTo(0f, within(1e-6f));
        assertThat(y[3]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void tokenLayerNormUsesOnlyTheLastAxis() {
        TokenLayerNorm ln = new TokenLayerNorm(2);
        ln.initializeAll(manager);
        NDArray x = manager.create(new float[] {0, 2, 10, 30}, new Shape(2, 2));
        float[] y = ln.apply(ps, x, false).toFloatArray();
        assertThat(y[0]).isCloseTo(-1f, within(1e-4f));
        assertThat(y[1]).isCloseTo(1f, within(1e-4f));
        assertThat(y[2]).isCloseTo(-1f, within(1e-6f));
        assertThat(y[3]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void nearestUpsampleRepeatsEachPixel() {
        NDArray x = manager.create(new float[] {1, 2}, new Shape(1, 1, 1, 2));
        NDArray y = NearestUpsample.times(x, 2);
        assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 4));
        assertThat(y.toFloatArray()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2);
    }
}
