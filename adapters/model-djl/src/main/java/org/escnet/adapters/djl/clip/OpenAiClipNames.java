package org.escnet.adapters.djl.clip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escnet.adapters.djl.weights.InMemoryTensorSource;
import org.escnet.adapters.djl.weights.TensorSource;

/**
 * Presents an OpenAI-layout CLIP checkpoint under Hugging Face names (ESC-NET-SPEC §6.1): the fused
 * {@code in_proj_weight}/{@code in_proj_bias} split by rows into q, k, v; {@code c_fc}/{@code c_proj} become
 * {@code fc1}/{@code fc2}; {@code visual.proj} and {@code text_projection} are transposed. Tensors are converted only when read. Names it does not know pass through
 * unchanged, so the loader reports them as unexpected.
 */
public final class OpenAiClipNames {

    private static final Pattern BLOCK = Pattern.compile("^(visual\\.)?transformer\\.resblocks\\.(\\d+)\\.(.+)$");
    private static final Map<String, String> FIXED = new LinkedHashMap<>();
    private static final Map<String, String> PER_BLOCK = new LinkedHashMap<>();

    static {
        FIXED.put("visual.conv1.weight", "vision_model.embeddings.patch_embedding.weight");
        FIXED.put("visual.class_embedding", "vision_model.embeddings.class_embedding");
        FIXED.put("visual.positional_embedding", "vision_model.embeddings.position_embedding.weight");
        FIXED.put("visual.ln_pre.weight", "vision_model.pre_layrnorm.weight");
        FIXED.put("visual.ln_pre.bias", "vision_model.pre_layrnorm.bias");
        FIXED.put("visual.ln_post.weight", "vision_model.post_layernorm.weight");
        FIXED.put("visual.ln_post.bias", "vision_model.post_layernorm.bias");
        FIXED.put("token_embedding.weight", "text_model.embeddings.token_embedding.weight");
        FIXED.put("positional_embedding", "text_model.embeddings.position_embedding.weight");
        FIXED.put("ln_final.weight", "text_model.final_layer_norm.weight");
        FIXED.put("ln_final.bias", "text_model.final_layer_norm.bias");
        PER_BLOCK.put("ln_1.weight", "layer_norm1.weight");
        PER_BLOCK.put("ln_1.bias", "layer_norm1.bias");
        PER_BLOCK.put("ln_2.weight", "layer_norm2.weight");
        PER_BLOCK.put("ln_2.bias", "layer_norm2.bias");
        PER_BLOCK.put("attn.out_proj.weight", "self_attn.out_proj.weight");
        PER_BLOCK.put("attn.out_proj.bias", "self_attn.out_proj.bias");
        PER_BLOCK.put("mlp.c_fc.weight", "mlp.fc1.weight");
        PER_BLOCK.put("mlp.c_fc.bias", "mlp.fc1.bias");
        PER_BLOCK.put("mlp.c_proj.weight", "mlp.fc2.weight");
        PER_BLOCK.put("mlp.c_proj.bias", "mlp.fc2.bias");
    }

    private OpenAiClipNames() {
    }

    /** @return a view of {@code openAi} with Hugging Face names and layouts */
    public static TensorSource asHuggingFace(TensorSource openAi) {
        InMemoryTensorSource.Builder view = InMemoryTensorSource.builder(openAi.description() + " (OpenAI layout)");
        for (String name : openAi.names()) {
            long[] shape = openAi.shape(name);
            Matcher m = BLOCK.matcher(name);
            if (FIXED.containsKey(name)) {
                view.putLazy(FIXED.get(name), shape, () -> openAi.read(name));
            } else if (name.equals("visual.proj") && shape.length == 2) {
                view.putLazy("visual_projection.weight", new long[] {shape[1], shape[0]},
                        () -> openAi.read(name).transpose2d());
            } else if (name.equals("text_projection") && shape.length == 2) {
                view.putLazy("text_projection.weight", new long[] {shape[1], shape[0]},
                        () -> openAi.read(name).transpose2d());
            } else if (m.matches()) {
                String prefix = (m.group(1) != null ? "vision_model" : "text_model") + ".encoder.layers."
                        + m.group(2) + ".";
                String rest = m.group(3);
                if (PER_BLOCK.containsKey(rest)) {
                    view.putLazy(prefix + PER_BLOCK.get(rest), shape, () -> openAi.read(name));
                } else if ((rest.equals("attn.in_proj_weight") || rest.equals("attn.in_proj_bias"))
                        && shape.length >= 1 && shape[0] % 3 == 0) {
                    String suffix = rest.endsWith("weight") ? ".weight" : ".bias";
                    long rows = shape[0] / 3;
                    long[] part = shape.clone();
                    part[0] = rows;
                    String[] heads = {"q_proj", "k_proj", "v_proj"};
                    for (int i = 0; i < 3; i++) {
                        long from = i * rows;
                        view.putLazy(prefix + "self_attn." + heads[i] + suffix, part,
                                () -> openAi.read(name).sliceRows(from, from + rows));
                    }
                } else {
                    view.putLazy(name, shape, () -> openAi.read(name));
                }
            } else {
                view.putLazy(name, shape, () -> openAi.read(name));
            }
        }
        return view.build();
    }
}
