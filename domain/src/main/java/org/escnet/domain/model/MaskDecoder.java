package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/** Upsamples the refined correlation embedding into per-class logits, with CLIP skip features. */
public interface MaskDecoder {
    /** E (B, C_h, N_c, g, g), vision features (taps (B, W_v, g, g)) → logits (B, N_c, 4g, 4g). */
    NDArray decode(ForwardPass pass, NDArray correlation, VisionFeatures vision);
}
