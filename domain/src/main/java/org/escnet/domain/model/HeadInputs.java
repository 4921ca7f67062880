package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/**
 * What the stems hand to the ESC blocks (ESC-NET-SPEC §2.6).
 *
 * @param correlation   E_0 (B, C_h, N_c, g, g), the embedded correlation volume
 * @param textGuidance  g_t (B, N_c, C_h)
 * @param image         X_0 (B, D, g, g): the SAM image embedding (ESC-Net) or F_v itself (CAT-Seg)
 */
public record HeadInputs(NDArray correlation, NDArray textGuidance, NDArray image) {
}
