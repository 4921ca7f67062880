package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/** The stems of ESC-NET-SPEC §2.6: correlation embedding, text guidance and the image embedding X_0. */
public interface CorrelationStem {
    /**
     * F_v (B, E, g, g), text (B, N_c, P, E) per image, correlation (B, P, N_c, g, g) →
     * E_0 (B, C_h, N_c, g, g), g_t (B, N_c, C_h), X_0 (B, D, g, g).
     */
    HeadInputs embed(ForwardPass pass, NDArray visionDense, NDArray text, CorrelationVolume correlation);
}
