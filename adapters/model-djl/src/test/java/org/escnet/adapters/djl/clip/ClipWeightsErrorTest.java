package org.escnet.adapters.djl.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.escnet.adapters.djl.weights.InMemoryTensorSource;
import org.escnet.adapters.djl.weights.WeightLayout;
import org.escnet.adapters.djl.weights.WeightMismatch;
import org.escnet.adapters.djl.weights.WeightMismatchException;
import org.junit.jupiter.api.Test;

class ClipWeightsErrorTest {

    @Test
    void missingExtraAndMisShapedTensorsAreReportedTogether() {
        ClipConfig c = ClipConfig.TINY;
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = new ClipModel(c);
            model.initialize(manager, DataType.FLOAT32, model.exampleInputShapes());
            InMemoryTensorSource.Builder b = InMemoryTensorSource.builder("test checkpoint");
            model.parametersByHfName().forEach((name, p) -> {
                long[] shape = p.getArray().getShape().getShape();
                b.put(name, shape, new float[(int) p.getArray().size()]);
            });
            b.remove("vision_model.encoder.layers.2.mlp.fc1.bias");
            b.put("vision_model.encoder.layers.9.extra.weight", new long[] {3, 4}, new float[12]);
            b.put("text_projection.weight", new long[] {64, 32}, new float[64 * 32]);

            assertThatThrownBy(() -> ClipWeights.load(model, b.build(), WeightLayout.CLIP_HF))
                    .isInstanceOf(WeightMismatchException.class)
                    .hasMessageContaining("1 missing, 1 unexpected, 1 with the wrong shape")
                    .hasMessageContaining("missing    vision_model.encoder.layers.2.mlp.fc1.bias: expected [256]")
                    .hasMessageContaining("unexpected vision_model.encoder.layers.9.extra.weight: found [3, 4]")
                    .hasMessageContaining("wrong shape text_projection.weight: expected [32, 64], found [64, 32]")
                    .satisfies(e -> assertThat(((WeightMismatchException) e).mismatches())
                            .extracting(WeightMismatch::kind)
                            .containsExactlyInAnyOrderElementsOf(List.of(WeightMismatch.Kind.MISSING,
                                    WeightMismatch.Kind.UNEXPECTED, WeightMismatch.Kind.WRONG_SHAPE)));
        }
    }

    @Test
    void aFileInTheOtherLayoutGetsAHint() {
        ClipConfig c = ClipConfig.TINY;
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = new ClipModel(c);
            model.initialize(manager, DataType.FLOAT32, model.exampleInputShapes());
            InMemoryTensorSource openAi = InMemoryTensorSource.builder("openai file")
                    .put("visual.conv1.weight", new long[] {64, 3, 16, 16}, new float[64 * 3 * 256])
                    .put("token_embedding.weight", new long[] {259, 64}, new float[259 * 64])
                    .build();
            assertThatThrownBy(() -> ClipWeights.load(model, openAi, WeightLayout.CLIP_HF))
                    .hasMessageContaining("looks like layout clip-openai");
        }
    }
}
