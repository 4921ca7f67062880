package org.escnet.adapters.djl.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The flattened batched products against sums written out in plain Java. */
class FlatBatchesTest {
    @Test
    void productWithATransposedHeadSplitViewEqualsTheSumsWrittenOut() {
        int images = 2;
        int heads = 3;
        int n = 4; // query tokens
        int nk = 5; // key tokens
        int d = 2; // head width
        try (NDManager m = NDManager.newBaseManager()) {
            float[] qv = values(images * n * heads * d, 1);
            float[] kv = values(images * nk * heads * d, 2);
            // head-split views of token-major projections, as the attentions pass them: (images, heads, tokens, d)
            NDArray q = m.create(qv, new Shape(images, n, heads, d)).transpose(0, 2, 1, 3);
            NDArray k = m.create(kv, new Shape(images, nk, heads, d)).transpose(0, 2, 1, 3);

            NDArray scores = FlatBatches.matMulTransposed(q, k);

            assertThat(scores.getShape()).isEqualTo(new Shape(images, heads, n, nk));
            float[] got = scores.toFloatArray();
            for (int b = 0; b < images; b++) {
                for (int h = 0; h < heads; h++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < nk; j++) {
                            double sum = 0;
                            for (int e = 0; e < d; e++) {
                                sum += (double) qv[((b * n + i) * heads + h) * d + e]
                                        * kv[((b * nk + j) * heads + h) * d + e];
                            }
                            assertThat(got[((b * heads + h) * n + i) * nk + j]).isCloseTo((float) sum, within(1e-5f));
                        }
                    }
                }
            }
        }
    }

    @Test
    void mismatchedOperandsNameBothShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.zeros(new Shape(2, 3, 4));
            NDArray b = m.zeros(new Shape(2, 3, 5));
            assertThatThrownBy(() -> FlatBatches.matMulTransposed(a, b))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(2, 3, 4)").hasMessageContaining("(2, 3, 5)");
        }
    }

    private static float[] values(int count, int seed) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) Math.sin(seed * 7.3 + i * 1.1);
        }
        return v;
    }
}
