package org.escnet.domain.model;

/**
 * Files a user provides: nothing is ever downloaded. Null means "not given".
 *
 * @param clip   CLIP weights (safetensors, Hugging Face or OpenAI naming); the tokenizer files sit next to it
 * @param sam    SAM weights (safetensors, Hugging Face or original naming), needed when {@code sam-init} is pretrained
 * @param layout naming of the CLIP file: {@code auto} (detected), {@code hf} or {@code openai}
 */
public record WeightPaths(String clip, String sam, String layout) {
    public static final WeightPaths DEFAULTS = new WeightPaths(null, null, "auto");
}
