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
    private static final int M = 2;
    private static final int HEADS = 3;
    private static final int N = 4;
    private static final int NK = 5;
    private static final int D = 2;

    @Test
    void productWithATransposedHeadSplitViewEqualsTheSumsWrittenOut() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] qv = values(M * N * HEADS * D, 1);
            float[] kv = values(M * NK * HEADS * D, 2);
            // head-split views of token-major projections, as the attentions pass them: (M, heads, tokens, d)
            NDArray q = m.create(qv, new Shape(M, N, HEADS, D)).transpose(0, 2, 1, 3);
            NDArray k = m.create(kv, new Shape(M, NK, HEADS, D)).transpose(0, 2, 1, 3);

            NDArray scores = FlatBatches.matMulTransposed(q, k);

            assertThat(scores.getShape()).isEqualTo(new Shape(M, HEADS, N, NK));
            float[] got = scores.toFloatArray();
            for (int b = 0; b < M; b++) {
                for (int h = 0; h < HEADS; h++) {
                    for (int i = 0; i < N; i++) {
                        for (int j = 0; j < NK; j++) {
                            double sum = 0;
                            for (int e = 0; e < D; e++) {
                                sum += (double) qv[((b * N + i) * HEADS + h) * D + e]
                                        * kv[((b * NK + j) * HEADS + h) * D + e];
                            }
                            assertThat(got[((b * HEADS + h) * N + i) * NK + j]).isCloseTo((float) sum, within(1e-5f));
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
