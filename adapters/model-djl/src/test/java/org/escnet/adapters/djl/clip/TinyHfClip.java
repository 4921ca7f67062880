package org.escnet.adapters.djl.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escnet.adapters.djl.weights.SharedData;

/** The tiny Hugging Face CLIP of the shared reference data: its config and float64 reference outputs. */
final class TinyHfClip {

    final Path weights;
    final ClipConfig config;
    final JsonObject oracle;

    private TinyHfClip(Path weights, ClipConfig config, JsonObject oracle) {
        this.weights = weights;
        this.config = config;
        this.oracle = oracle;
    }

    static TinyHfClip load() throws Exception {
        Path dir = SharedData.require("tinyweights");
        JsonObject cfg = JsonParser.parseString(Files.readString(dir.resolve("tiny_clip_config.json")))
                .getAsJsonObject();
        JsonObject v = cfg.getAsJsonObject("vision_config");
        JsonObject t = cfg.getAsJsonObject("text_config");
        int image = v.get("image_size").getAsInt();
        int patch = v.get("patch_size").getAsInt();
        // a B/32-style model without dense-mode taps of interest: both taps after block 0
        ClipConfig config = new ClipConfig("tiny-hf-reference", image, patch, image / patch,
                v.get("hidden_size").getAsInt(), v.get("num_hidden_layers").getAsInt(),
                v.get("num_attention_heads").getAsInt(), v.get("intermediate_size").getAsInt(),
                t.get("hidden_size").getAsInt(), t.get("num_hidden_layers").getAsInt(),
                t.get("num_attention_heads").getAsInt(), t.get("intermediate_size").getAsInt(),
                t.get("max_position_embeddings").getAsInt(), t.get("vocab_size").getAsInt(),
                cfg.get("projection_dim").getAsInt(), List.of(0, 0), false);
        JsonObject oracle = JsonParser.parseString(Files.readString(dir.resolve("tiny_clip_embeds.json")))
                .getAsJsonObject();
        return new TinyHfClip(dir.resolve("tiny_clip.safetensors"), config, oracle);
    }

    /** @return a nested JSON number array flattened in row-major order */
    static double[] flatten(JsonElement e) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        collect(e, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonElement e, java.util.List<Double> out) {
        if (e.isJsonArray()) {
            for (JsonElement c : (JsonArray) e) {
                collect(c, out);
            }
        } else {
            out.add(e.getAsDouble());
        }
    }

    /** @return max |a - b| / max |b| */
    static double relativeError(float[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError("length " + actual.length + " vs reference " + expected.length);
        }
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < actual.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
        }
        return maxDiff / maxRef;
    }
}
