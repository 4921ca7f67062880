package org.escnet.adapters.djl.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightFileInspectorTest {

    @Test
    void describesTheTinyClipFile() {
        Path file = SharedData.require("tinyweights/tiny_clip.safetensors");
        WeightFileReport report = WeightFileInspector.inspect(file);
        // 78 tensors (tinyweights/SOURCES.md); 13,137 values summed over the header with Python's json module
        assertThat(report.tensors()).hasSize(78);
        assertThat(report.totalParameters()).isEqualTo(13_137);
        assertThat(report.layout()).isEqualTo(WeightLayout.CLIP_HF);
        assertThat(report.fileBytes()).isEqualTo(60_892);
        String text = report.toText();
        System.out.println(text.lines().limit(6).reduce("", (a, b) -> a + b + "\n"));
        assertThat(text).contains("layout:     clip-hf").contains("parameters: 13,137")
                .contains("vision_model.embeddings.patch_embedding.weight").contains("[16, 3, 8, 8]");
        JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject();
        assertThat(json.get("layout").getAsString()).isEqualTo("clip-hf");
        assertThat(json.get("totalParameters").getAsLong()).isEqualTo(13_137);
        assertThat(json.getAsJsonArray("tensors")).hasSize(78);
        JsonObject first = json.getAsJsonArray("tensors").get(0).getAsJsonObject();
        assertThat(first.get("name").getAsString()).isEqualTo("logit_scale");
        assertThat(first.getAsJsonArray("shape")).isEmpty();
        assertThat(first.get("parameters").getAsLong()).isEqualTo(1);
    }

    @Test
    void missingFileIsNamed() {
        Path nowhere = Path.of("does-not-exist.safetensors");
        assertThatThrownBy(() -> WeightFileInspector.inspect(nowhere)).isInstanceOf(WeightFileException.class)
                .hasMessageContaining("does-not-exist.safetensors");
    }

    @Test
    void layoutsAreRecognisedFromTensorNames() {
        assertThat(WeightLayout.detect(List.of("visual.conv1.weight", "visual.proj", "token_embedding.weight",
                "transformer.resblocks.0.attn.in_proj_weight"))).isEqualTo(WeightLayout.CLIP_OPENAI);
        assertThat(WeightLayout.detect(List.of("prompt_encoder.point_embeddings.0.weight",
                "prompt_encoder.mask_downscaling.0.weight", "mask_decoder.transformer.layers.0.norm1.weight")))
                .isEqualTo(WeightLayout.SAM_ORIGINAL);
        assertThat(WeightLayout.detect(List.of("prompt_encoder.point_embed.0.weight",
                "shared_image_embedding.positional_embedding", "mask_decoder.transformer.layers.0.layer_norm1.weight")))
                .isEqualTo(WeightLayout.SAM_HF);
        assertThat(WeightLayout.detect(List.of("encoder.0.weight"))).isEqualTo(WeightLayout.UNKNOWN);
        assertThat(WeightLayout.fromId("sam-hf")).isEqualTo(WeightLayout.SAM_HF);
        assertThatThrownBy(() -> WeightLayout.fromId("x")).hasMessageContaining("clip-hf, clip-openai");
    }
}
