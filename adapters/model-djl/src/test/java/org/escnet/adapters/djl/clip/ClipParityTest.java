package org.escnet.adapters.djl.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.weights.FloatTensor;
import org.escnet.adapters.djl.weights.InMemoryTensorSource;
import org.escnet.adapters.djl.weights.NamedParameterCopier.CopyReport;
import org.escnet.adapters.djl.weights.SafetensorsFile;
import org.escnet.adapters.djl.weights.TensorSource;
import org.escnet.adapters.djl.weights.WeightLayout;
import org.junit.jupiter.api.Test;

/** The Java CLIP towers against Hugging Face's float64 outputs for the tiny reference CLIP. */
class ClipParityTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void huggingFaceLayoutReproducesTheReferenceOutputs() throws Exception {
        TinyHfClip ref = TinyHfClip.load();
        try (SafetensorsFile file = SafetensorsFile.open(ref.weights)) {
            assertThat(WeightLayout.detect(file.names())).isEqualTo(WeightLayout.CLIP_HF);
            checkParity(ref, file, WeightLayout.CLIP_HF, "clip-hf");
        }
    }

    @Test
    void openAiLayoutOfTheSameWeightsReproducesTheReferenceOutputs() throws Exception {
        TinyHfClip ref = TinyHfClip.load();
        try (SafetensorsFile file = SafetensorsFile.open(ref.weights)) {
            TensorSource openAi = toOpenAiNaming(file, ref.config);
            assertThat(WeightLayout.detect(openAi.names())).isEqualTo(WeightLayout.CLIP_OPENAI);
            checkParity(ref, openAi, WeightLayout.CLIP_OPENAI, "clip-openai");
        }
    }

    private void checkParity(TinyHfClip ref, TensorSource source, WeightLayout layout, String label) {
        ClipConfig c = ref.config;
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = new ClipModel(c);
            double[] pixels = TinyHfClip.flatten(ref.oracle.get("pixels"));
            double[] ids = TinyHfClip.flatten(ref.oracle.get("text_sequences"));
            int texts = ref.oracle.getAsJsonArray("text_sequences").size();
            int length = ids.length / texts;
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, c.imageSize(), c.imageSize()),
                    new Shape(texts, length));
            CopyReport report = ClipWeights.load(model, source, layout);
            assertThat(report.tensorsCopied()).isEqualTo(78);

            NDArray pixelArray = manager.create(toFloats(pixels), new Shape(1, 3, c.imageSize(), c.imageSize()));
            NDArray idArray = manager.create(toLongs(ids), new Shape(texts, length));
            ParameterStore ps = new ParameterStore(manager, false);
            NDList out = model.forward(ps, new NDList(pixelArray, idArray), false);
            NDList standard = model.vision().forwardStandard(ps, pixelArray, false);

            double image = TinyHfClip.relativeError(out.get(0).toFloatArray(),
                    TinyHfClip.flatten(ref.oracle.get("image_embeds")));
            double text = TinyHfClip.relativeError(out.get(1).toFloatArray(),
                    TinyHfClip.flatten(ref.oracle.get("text_embeds")));
            double logits = TinyHfClip.relativeError(out.get(2).toFloatArray(),
                    TinyHfClip.flatten(ref.oracle.get("logits_per_image")));
            double features = TinyHfClip.relativeError(standard.get(1).toFloatArray(),
                    TinyHfClip.flatten(ref.oracle.get("vision_features")));
            System.out.printf("tiny CLIP parity (%s): image_embeds %.2e, text_embeds %.2e, logits_per_image %.2e, "
                    + "vision_features %.2e (relative max error)%n", label, image, text, logits, features);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(1, 8));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 8));
            assertThat(standard.get(1).getShape()).isEqualTo(new Shape(1, 4, 16));
            assertThat(image).isLessThan(TOLERANCE);
            assertThat(text).isLessThan(TOLERANCE);
            assertThat(logits).isLessThan(TOLERANCE);
            assertThat(features).isLessThan(TOLERANCE);
        }
    }

    /** Rewrites HF names into OpenAI's by hand from the table of ESC-NET-SPEC §6.1 (fused qkv, transposed proj). */
    static TensorSource toOpenAiNaming(TensorSource hf, ClipConfig c) {
        InMemoryTensorSource.Builder b = InMemoryTensorSource.builder("tiny CLIP renamed to OpenAI layout");
        b.put("visual.conv1.weight", hf.read("vision_model.embeddings.patch_embedding.weight"));
        b.put("visual.class_embedding", hf.read("vision_model.embeddings.class_embedding"));
        b.put("visual.positional_embedding", hf.read("vision_model.embeddings.position_embedding.weight"));
        b.put("visual.ln_pre.weight", hf.read("vision_model.pre_layrnorm.weight"));
        b.put("visual.ln_pre.bias", hf.read("vision_model.pre_layrnorm.bias"));
        b.put("visual.ln_post.weight", hf.read("vision_model.post_layernorm.weight"));
        b.put("visual.ln_post.bias", hf.read("vision_model.post_layernorm.bias"));
        b.put("visual.proj", hf.read("visual_projection.weight").transpose2d());
        b.put("token_embedding.weight", hf.read("text_model.embeddings.token_embedding.weight"));
        b.put("positional_embedding", hf.read("text_model.embeddings.position_embedding.weight"));
        b.put("ln_final.weight", hf.read("text_model.final_layer_norm.weight"));
        b.put("ln_final.bias", hf.read("text_model.final_layer_norm.bias"));
        b.put("text_projection", hf.read("text_projection.weight").transpose2d());
        b.put("logit_scale", hf.read("logit_scale"));
        b.put("input_resolution", new long[] {}, new float[] {c.imageSize()});
        for (String tower : new String[] {"vision", "text"}) {
            int layers = tower.equals("vision") ? c.visionLayers() : c.textLayers();
            for (int i = 0; i < layers; i++) {
                String hfPrefix = tower + "_model.encoder.layers." + i + ".";
                String oaPrefix = (tower.equals("vision") ? "visual." : "") + "transformer.resblocks." + i + ".";
                b.put(oaPrefix + "ln_1.weight", hf.read(hfPrefix + "layer_norm1.weight"));
                b.put(oaPrefix + "ln_1.bias", hf.read(hfPrefix + "layer_norm1.bias"));
                b.put(oaPrefix + "ln_2.weight", hf.read(hfPrefix + "layer_norm2.weight"));
                b.put(oaPrefix + "ln_2.bias", hf.read(hfPrefix + "layer_norm2.bias"));
                b.put(oaPrefix + "attn.in_proj_weight", stackRows(hf, hfPrefix + "self_attn.", ".weight"));
                b.put(oaPrefix + "attn.in_proj_bias", stackRows(hf, hfPrefix + "self_attn.", ".bias"));
                b.put(oaPrefix + "attn.out_proj.weight", hf.read(hfPrefix + "self_attn.out_proj.weight"));
                b.put(oaPrefix + "attn.out_proj.bias", hf.read(hfPrefix + "self_attn.out_proj.bias"));
                b.put(oaPrefix + "mlp.c_fc.weight", hf.read(hfPrefix + "mlp.fc1.weight"));
                b.put(oaPrefix + "mlp.c_fc.bias", hf.read(hfPrefix + "mlp.fc1.bias"));
                b.put(oaPrefix + "mlp.c_proj.weight", hf.read(hfPrefix + "mlp.fc2.weight"));
                b.put(oaPrefix + "mlp.c_proj.bias", hf.read(hfPrefix + "mlp.fc2.bias"));
            }
        }
        return b.build();
    }

    private static FloatTensor stackRows(TensorSource hf, String prefix, String suffix) {
        FloatTensor q = hf.read(prefix + "q_proj" + suffix);
        FloatTensor k = hf.read(prefix + "k_proj" + suffix);
        FloatTensor v = hf.read(prefix + "v_proj" + suffix);
        float[] all = new float[q.values().length * 3];
        System.arraycopy(q.values(), 0, all, 0, q.values().length);
        System.arraycopy(k.values(), 0, all, q.values().length, q.values().length);
        System.arraycopy(v.values(), 0, all, 2 * q.values().length, q.values().length);
        long[] shape = q.shape();
        shape[0] *= 3;
        return new FloatTensor(shape, all);
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static long[] toLongs(double[] d) {
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            l[i] = (long) d[i];
        }
        return l;
    }
}
