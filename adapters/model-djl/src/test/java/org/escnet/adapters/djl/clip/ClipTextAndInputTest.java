package org.escnet.adapters.djl.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.escnet.adapters.djl.tokenizer.ByteTokenizer;
import org.junit.jupiter.api.Test;

class ClipTextAndInputTest {

    @Test
    void templateTextsCutNamesAtTheFirstCommaSpace() {
        assertThat(ClipPromptTexts.build(List.of("wall, brick", "sky", "a,b")))
                .containsExactly("A photo of a wall in the scene", "A photo of a sky in the scene",
                        "A photo of a a,b in the scene");
    }

    @Test
    void normalisationUsesTheSpecMeanAndStd() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rgb = manager.create(new float[] {122.7709f, 116.7460f + 66.6322f, 0f}, new Shape(1, 3, 1, 1));
            float[] out = ClipImageNormalizer.normalize(rgb).toFloatArray();
            assertThat(out[0]).isCloseTo(0f, within(1e-6f));
            assertThat(out[1]).isCloseTo(1f, within(1e-6f));
            assertThat(out[2]).isCloseTo(-104.0937f / 70.3232f, within(1e-6f));
        }
    }

    @Test
    void tinyTextTowerPoolsAtEotAndIgnoresWhatFollows() {
        ClipConfig c = ClipConfig.TINY;
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipTextTransformer text = new ClipTextTransformer(c);
            text.initialize(manager, DataType.FLOAT32, new Shape(2, c.contextLength()));
            int[] row = new ByteTokenizer().encode("red circle", c.contextLength());
            int[] tampered = row.clone();
            // positions after EOT (index 11) are padding; the causal mask and EOT pooling must make them irrelevant
            for (int i = 12; i < tampered.length; i++) {
                tampered[i] = 5 + i;
            }
            NDArray ids = manager.create(new int[][] {row, tampered});
            NDArray out = text.encode(new ParameterStore(manager, false), ids, false);
            assertThat(out.getShape()).isEqualTo(new Shape(2, c.projectionDim()));
            float[] v = out.toFloatArray();
            for (int k = 0; k < c.projectionDim(); k++) {
                assertThat(v[k]).isEqualTo(v[c.projectionDim() + k]);
            }
            // and a change before EOT does change the embedding
            int[] other = row.clone();
            other[1] = 120;
            float[] w = text.encode(new ParameterStore(manager, false), manager.create(new int[][] {other}), false)
                    .toFloatArray();
            double diff = 0;
            for (int k = 0; k < w.length; k++) {
                diff += Math.abs(w[k] - v[k]);
            }
            assertThat(diff).isGreaterThan(1e-4);
        }
    }
}
