package org.escnet.adapters.djl.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BicubicGridResizeTest {

    private static double[][] grid(int side, java.util.function.BiFunction<Integer, Integer, Double> f) {
        double[][] g = new double[side * side][1];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                g[r * side + c][0] = f.apply(r, c);
            }
        }
        return g;
    }

    @Test
    void constantStaysConstant() {
        double[][] out = BicubicGridResize.resize(grid(14, (r, c) -> 3.25), 14, 24);
        for (double[] v : out) {
            assertThat(v[0]).isCloseTo(3.25, within(1e-12));
        }
    }

    @Test
    void linearRampKeepsItsValuesAtHalfwaySamples() {
        // 8 → 4 samples input coordinate 2o + 0.5 (t = 0.5): the symmetric weights reproduce a ramp exactly
        double[][] out = BicubicGridResize.resize(grid(8, (r, c) -> 2.0 * c - 0.5 * r), 8, 4);
        for (int oy = 1; oy < 3; oy++) {
            for (int ox = 1; ox < 3; ox++) {
                assertThat(out[oy * 4 + ox][0]).isCloseTo(2.0 * (2 * ox + 0.5) - 0.5 * (2 * oy + 0.5),
                        within(1e-12));
            }
        }
    }

    @Test
    void linearRampOvershootsByTheHandComputedAmountAtQuarterSamples() {
        // Keys' kernel with a = -0.75 (PyTorch) reproduces ramps exactly only at t = 0 and t = 0.5 (a = -0.5 would be
        // exact everywhere). 8 → 16 samples input k + 0.25 at odd outputs 2k + 1, and there a ramp f(i) = i becomes
        // k + (−w(1.25) + w(0.75) + 2·w(1.75)) = k + 0.10546875 + 0.26171875 − 0.0703125 = k + 0.296875.
        double[][] out = BicubicGridResize.resize(grid(8, (r, c) -> (double) c), 8, 16);
        for (int k = 1; k <= 5; k++) {
            assertThat(out[8 * 16 + 2 * k + 1][0]).isCloseTo(k + 0.296875, within(1e-12));
        }
        // even outputs 2k sample (k − 1) + 0.75, taps k − 2 .. k + 1; by symmetry the value is k − 0.296875
        for (int k = 2; k <= 6; k++) {
            assertThat(out[8 * 16 + 2 * k][0]).isCloseTo(k - 0.296875, within(1e-12));
        }
    }

    @Test
    void weightsAtAQuarterMatchTheCubicConvolutionFormula() {
        // 2 → 4 upsampling: output 1 samples input coordinate 0.25. With a = -0.75 the four weights at t = 0.25
        // are w(1.25), w(0.25), w(0.75), w(1.75) from Keys' kernel, computed here by hand:
        // w(0.25) = 1.25·0.25³ − 2.25·0.25² + 1 = 0.87890625; w(0.75) = 0.26171875;
        // w(1.25) = −0.75·(1.25³ − 5·1.25² + 8·1.25 − 4) = −0.10546875; w(1.75) = −0.03515625.
        // Taps −1 and 0 clamp to input 0, taps 1 and 2 to input 1.
        double[][] w = BicubicGridResize.weights(2, 4);
        assertThat(w[1][0]).isCloseTo(-0.10546875 + 0.87890625, within(1e-15));
        assertThat(w[1][1]).isCloseTo(0.26171875 - 0.03515625, within(1e-15));
    }

    @Test
    void matchesPyTorchBicubicAt14To24() {
        // reference: torch 1.13.1 F.interpolate(g, size=(24, 24), mode="bicubic", align_corners=False) in float64
        // on g[r, c] = sin(0.7 r) + cos(1.3 c) + r c / 50
        double[][] out = BicubicGridResize.resize(
                grid(14, (r, c) -> Math.sin(0.7 * r) + Math.cos(1.3 * c) + r * c / 50.0), 14, 24);
        double[][] expected = {
            {0, 0, 1.0088371783987267}, {0, 23, -0.397360994530325}, {23, 0, 1.3127371940494998},
            {23, 23, 3.389150823068524}, {5, 7, 1.482582968598125}, {11, 12, -0.9330252615031145},
            {17, 3, 0.3499199801080651}, {12, 12, -0.9250998032488018}};
        for (double[] e : expected) {
            assertThat(out[(int) e[0] * 24 + (int) e[1]][0]).as("output (%d, %d)", (int) e[0], (int) e[1])
                    .isCloseTo(e[2], within(1e-12));
        }
    }

    @Test
    void matrixFormEqualsTheDirectResize() {
        double[][] in = grid(4, (r, c) -> r * 1.5 + Math.sin(c));
        double[][] direct = BicubicGridResize.resize(in, 4, 6);
        float[] m = BicubicGridResize.matrix(4, 6);
        for (int o = 0; o < 36; o++) {
            double sum = 0;
            for (int i = 0; i < 16; i++) {
                sum += m[o * 16 + i] * in[i][0];
            }
            assertThat(sum).isCloseTo(direct[o][0], within(1e-6));
        }
    }
}
