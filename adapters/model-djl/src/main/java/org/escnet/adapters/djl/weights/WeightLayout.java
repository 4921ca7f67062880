package org.escnet.adapters.djl.weights;

import java.util.Collection;
import java.util.List;

/**
 * The naming scheme of a checkpoint (ESC-NET-SPEC §6), recognised from its tensor names so a user rarely has to
 * say which one a file uses.
 */
public enum WeightLayout {
    /** Hugging Face {@code CLIPModel}: {@code vision_model.*}, {@code text_model.*}, {@code *_projection.weight}. */
    CLIP_HF("clip-hf", List.of("vision_model.embeddings.patch_embedding.weight",
            "text_model.embeddings.token_embedding.weight", "visual_projection.weight", "text_projection.weight",
            "vision_model.pre_layrnorm.weight", "text_model.final_layer_norm.weight")),
    /** OpenAI CLIP: {@code visual.*}, fused {@code in_proj_weight}, {@code c_fc}/{@code c_proj}. */
    CLIP_OPENAI("clip-openai", List.of("visual.conv1.weight", "visual.class_embedding", "visual.proj",
            "token_embedding.weight", "positional_embedding", "ln_final.weight", "text_projection")),
    /** Hugging Face {@code SamModel}: {@code point_embed}, {@code layer_norm*}, {@code shared_image_embedding}. */
    SAM_HF("sam-hf", List.of("prompt_encoder.point_embed.0.weight", "prompt_encoder.mask_embed.conv1.weight",
            "shared_image_embedding.positional_embedding", "prompt_encoder.shared_embedding.positional_embedding",
            "mask_decoder.transformer.layers.0.layer_norm1.weight")),
    /** Original {@code segment_anything}: {@code point_embeddings}, {@code mask_downscaling}, {@code norm*}. */
    SAM_ORIGINAL("sam-original", List.of("prompt_encoder.point_embeddings.0.weight",
            "prompt_encoder.mask_downscaling.0.weight", "prompt_encoder.pe_layer.positional_encoding_gaussian_matrix",
            "mask_decoder.transformer.layers.0.norm1.weight")),
    /** None of the above. */
    UNKNOWN("unknown", List.of());

    private final String id;
    private final List<String> markers;

    WeightLayout(String id, List<String> markers) {
        this.id = id;
        this.markers = markers;
    }

    /** @return the name used on the command line and in reports, e.g. {@code clip-hf} */
    public String id() {
        return id;
    }

    /**
     * Picks the layout whose marker tensors the names contain most often; {@link #UNKNOWN} when none matches or
     * two layouts tie.
     */
    public static WeightLayout detect(Collection<String> tensorNames) {
        WeightLayout best = UNKNOWN;
        int bestHits = 0;
        boolean tie = false;
        for (WeightLayout layout : values()) {
            int hits = (int) layout.markers.stream().filter(tensorNames::contains).count();
            if (hits > bestHits) {
                best = layout;
                bestHits = hits;
                tie = false;
            } else if (hits == bestHits && hits > 0) {
                tie = true;
            }
        }
        return tie ? UNKNOWN : best;
    }

    /**
     * @param id a layout name such as {@code clip-openai}
     * @throws IllegalArgumentException listing the known names
     */
    public static WeightLayout fromId(String id) {
        for (WeightLayout layout : values()) {
            if (layout.id.equalsIgnoreCase(id)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown weight layout '" + id + "', expected one of clip-hf, clip-openai, "
                + "sam-hf, sam-original");
    }
}
