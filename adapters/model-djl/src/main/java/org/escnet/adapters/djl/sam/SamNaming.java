package org.escnet.adapters.djl.sam;

import org.escnet.adapters.djl.weights.TensorSource;

/**
 * The two key namings of SAM checkpoints (ESC-NET-SPEC §6.2): the original {@code sam_vit_*.pth} state dict and
 * Hugging Face's {@code SamModel}. Maps a parameter path of this package's blocks (which use the original names)
 * onto the key of a given source.
 */
public enum SamNaming {
    ORIGINAL,
    HUGGING_FACE;

    /** Detects the naming from a tell-tale prompt-encoder key. */
    public static SamNaming of(TensorSource source) {
        if (source.contains("prompt_encoder.point_embed.0.weight")) {
            return HUGGING_FACE;
        }
        if (source.contains("prompt_encoder.point_embeddings.0.weight")) {
            return ORIGINAL;
        }
        throw new IllegalArgumentException(source.description() + " is not a SAM checkpoint: expected "
                + "'prompt_encoder.point_embeddings.0.weight' (original naming) or 'prompt_encoder.point_embed.0.weight'"
                + " (Hugging Face naming), found neither");
    }

    /** A prompt-encoder path ("point_embeddings.1.weight") → the source key. */
    public String promptEncoderKey(String path, TensorSource source) {
        if (this == ORIGINAL) {
            return "prompt_encoder." + path;
        }
        if (path.equals("pe_layer.positional_encoding_gaussian_matrix")) {
            String nested = "prompt_encoder.shared_embedding.positional_embedding";
            return source.contains(nested) ? nested : "shared_image_embedding.positional_embedding";
        }
        String p = path.replace("point_embeddings.", "point_embed.")
                .replace("mask_downscaling.0.", "mask_embed.conv1.")
                .replace("mask_downscaling.1.", "mask_embed.layer_norm1.")
                .replace("mask_downscaling.3.", "mask_embed.conv2.")
                .replace("mask_downscaling.4.", "mask_embed.layer_norm2.")
                .replace("mask_downscaling.6.", "mask_embed.conv3.");
        return "prompt_encoder." + p;
    }

    /** An output-token path ("iou_token.weight") → the source key (the same in both namings). */
    public String outputTokenKey(String path) {
        return "mask_decoder." + path;
    }

    /** A two-way block path ("norm1.weight") of decoder layer {@code layer} → the source key. */
    public String blockKey(int layer, String path) {
        String p = this == HUGGING_FACE ? path.replaceFirst("^norm(\\d)\\.", "layer_norm$1.") : path;
        return "mask_decoder.transformer.layers." + layer + "." + p;
    }
}
