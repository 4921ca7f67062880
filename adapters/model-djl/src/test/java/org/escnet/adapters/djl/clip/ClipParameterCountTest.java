package org.escnet.adapters.djl.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import org.junit.jupiter.api.Test;

/** Full-size checks against ESC-NET-SPEC §4.1 (arithmetic from the layer shapes). */
class ClipParameterCountTest {

    @Test
    void vitB16MatchesTheSpec() {
        check(ClipConfig.CLIP_VIT_B16, 86_192_640L, 63_428_096L, 149_620_737L, 14_155_776L + 6_291_456L);
    }

    @Test
    void vitL14At336MatchesTheSpec() {
        check(ClipConfig.CLIP_VIT_L14_336, 304_293_888L, 123_650_304L, 427_944_193L, 50_331_648L + 14_155_776L);
    }

    private static void check(ClipConfig config, long vision, long textWithoutLogitScale, long total, long qv) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = new ClipModel(config);
            // cheap initialisation: the count is what matters, not the values
            model.setInitializer(new ConstantInitializer(0f), p -> true);
            model.initialize(manager, DataType.FLOAT32, model.exampleInputShapes());
            long counted = model.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            long qvCount = model.trainableQv().stream().mapToLong(p -> p.getArray().size()).sum();
            System.out.printf("%s: vision %,d, text %,d, logit scale 1, total %,d; trainable q/v %,d%n",
                    config.name(), ClipModel.countParameters(model.vision()),
                    ClipModel.countParameters(model.text()), counted, qvCount);
            assertThat(ClipModel.countParameters(model.vision())).isEqualTo(vision);
            assertThat(ClipModel.countParameters(model.text())).isEqualTo(textWithoutLogitScale);
            assertThat(counted).isEqualTo(total);
            assertThat(model.parameterCount()).isEqualTo(total);
            // ESC-NET-SPEC §3.2: only q and v weights of every block train
            assertThat(qvCount).isEqualTo(qv);
            assertThat(model.trainableQv()).extracting(Parameter::getName)
                    .allMatch(n -> n.equals("q_proj_weight") || n.equals("v_proj_weight"));
            model.freezeAllButQv();
            long trainable = model.getParameters().values().stream().filter(Parameter::requiresGradient)
                    .mapToLong(p -> p.getArray().size()).sum();
            assertThat(trainable).isEqualTo(qv);
        }
    }
}
