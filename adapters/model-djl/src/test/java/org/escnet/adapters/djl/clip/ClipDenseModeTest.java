package org.escnet.adapters.djl.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipDenseModeTest {

    @Test
    void tinyPresetDenseShapes() {
        ClipConfig c = ClipConfig.TINY;
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipVisionTransformer vision = new ClipVisionTransformer(c);
            vision.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 96, 96));
            NDArray pixels = manager.randomNormal(new Shape(2, 3, 96, 96));
            NDList out = vision.forward(new ParameterStore(manager, false), new NDList(pixels), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 32, 6, 6));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 64, 6, 6));
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(2, 64, 6, 6));
            assertThat(vision.getOutputShapes(new Shape[] {new Shape(2, 3, 96, 96)}))
                    .containsExactly(new Shape(2, 32, 6, 6), new Shape(2, 64, 6, 6), new Shape(2, 64, 6, 6));
            System.out.printf("tiny: %,d CLIP parameters%n", ClipModel.countParameters(new ClipModel(c)));
        }
    }

    @Test
    void denseLastBlockFollowsTheSpecFormula() {
        // ESC-NET-SPEC §2.2 step 4, computed here with plain Java loops: y_i = out(V(LN1(x_i))) + x_CLS,
        // then y_i += fc2(QuickGELU(fc1(LN2(y_i))))
        int w = 8;
        int mlp = 16;
        int n = 5;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            ClipResidualBlock block = new ClipResidualBlock(w, 2, mlp);
            block.setInitializer(new NormalInitializer(0.5f), p -> true);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, n, w));
            NDArray x = manager.randomNormal(new Shape(1, n, w));
            float[] actual = block.forwardDense(new ParameterStore(manager, false), x, false).toFloatArray();

            Map<String, Parameter> p = block.parametersByHfName("");
            float[] xs = x.toFloatArray();
            float[] expected = new float[n * w];
            for (int i = 0; i < n; i++) {
                double[] xi = row(xs, i, w);
                double[] h = layerNorm(xi, get(p, "layer_norm1.weight"), get(p, "layer_norm1.bias"));
                double[] v = affine(h, get(p, "self_attn.v_proj.weight"), get(p, "self_attn.v_proj.bias"), w, w);
                double[] y = affine(v, get(p, "self_attn.out_proj.weight"), get(p, "self_attn.out_proj.bias"), w, w);
                double[] cls = row(xs, 0, w);
                for (int k = 0; k < w; k++) {
                    y[k] += cls[k];
                }
                double[] a = affine(layerNorm(y, get(p, "layer_norm2.weight"), get(p, "layer_norm2.bias")),
                        get(p, "mlp.fc1.weight"), get(p, "mlp.fc1.bias"), mlp, w);
                for (int k = 0; k < mlp; k++) {
                    a[k] = a[k] / (1 + Math.exp(-1.702 * a[k]));
                }
                double[] m = affine(a, get(p, "mlp.fc2.weight"), get(p, "mlp.fc2.bias"), w, mlp);
                for (int k = 0; k < w; k++) {
                    expected[i * w + k] = (float) (y[k] + m[k]);
                }
            }
            double maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
            }
            System.out.printf("dense last block vs hand formula: max abs difference %.2e%n", maxDiff);
            assertThat(maxDiff).isLessThan(1e-4);
        }
    }

    private static float[] get(Map<String, Parameter> p, String name) {
        return p.get(name).getArray().toFloatArray();
    }

    private static double[] row(float[] data, int i, int w) {
        double[] r = new double[w];
        for (int k = 0; k < w; k++) {
            r[k] = data[i * w + k];
        }
        return r;
    }

    private static double[] layerNorm(double[] x, float[] gamma, float[] beta) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = (x[k] - mean) / Math.sqrt(var + 1e-5) * gamma[k] + beta[k];
        }
        return out;
    }

    /** y = W x + b with W (out, in) row-major. */
    private static double[] affine(double[] x, float[] weight, float[] bias, int out, int in) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias[o];
            for (int i = 0; i < in; i++) {
                s += weight[o * in + i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }
}
