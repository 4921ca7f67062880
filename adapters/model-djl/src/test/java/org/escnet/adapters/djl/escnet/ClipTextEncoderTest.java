package org.escnet.adapters.djl.escnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.escnet.adapters.djl.clip.ClipConfig;
import org.escnet.adapters.djl.clip.ClipPromptTexts;
import org.escnet.adapters.djl.clip.ClipTextTransformer;
import org.escnet.adapters.djl.tokenizer.ByteTokenizer;
import org.escnet.domain.model.ForwardPass;
import org.junit.jupiter.api.Test;

/** Encoding a large vocabulary in groups of classes gives the features of one pass over every prompt. */
class ClipTextEncoderTest {

    @Test
    void groupedEncodingEqualsOnePassOverAllPrompts() {
        Engine.getInstance();
        ClipConfig c = ClipConfig.TINY;
        List<String> templates = List.of("a photo of a {}.", "a {} in a scene.", "there is a {}.");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            names.add("class " + i); // 700 classes x 3 templates = 2100 prompts: groups of at most 255
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ClipTextTransformer text = new ClipTextTransformer(c);
            text.initialize(m, DataType.FLOAT32, new Shape(2, c.contextLength()));
            ByteTokenizer tokenizer = new ByteTokenizer();
            ParameterStore ps = new ParameterStore(m, false);

            NDArray grouped = new ClipTextEncoder(text, tokenizer, templates)
                    .encode(new ForwardPass(ps, false, 0), m, names).features();

            int[][] rows = tokenizer.encodeAll(ClipPromptTexts.build(names, templates), c.contextLength());
            NDArray whole = text.encode(ps, m.create(rows), false).normalize(2, -1)
                    .reshape(names.size(), templates.size(), -1);

            assertThat(ClipTextEncoder.SEQUENCES_PER_GROUP / templates.size()).isLessThan(names.size() / 2);
            assertThat(grouped.getShape()).isEqualTo(new Shape(700, 3, c.projectionDim()));
            float[] g = grouped.toFloatArray();
            float[] w = whole.toFloatArray();
            for (int i = 0; i < g.length; i++) {
                assertThat(g[i]).isCloseTo(w[i], within(1e-5f));
            }
        }
    }
}
