package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/** The VLF module: refines the correlation embedding with image guidance (spatial) and text guidance (class). */
public interface FusionBlock {
    /** E (B, C_h, N_c, g, g), image guidance (B, C_g, g, g), g_t (B, N_c, C_t) → E' (B, C_h, N_c, g, g). */
    NDArray fuse(ForwardPass pass, NDArray correlation, NDArray imageGuidance, NDArray textGuidance);
}
