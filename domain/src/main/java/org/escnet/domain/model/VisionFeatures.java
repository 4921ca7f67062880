package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/**
 * The CLIP image encoder's outputs (ESC-NET-SPEC §2.2).
 *
 * @param dense F_v (B, E, g, g), the dense joint-space features of Eq. 1
 * @param tapA  (B, W_v, g, g) the shallower skip tap (block 3 of ViT-B)
 * @param tapB  (B, W_v, g, g) the deeper skip tap (block 7 of ViT-B)
 */
public record VisionFeatures(NDArray dense, NDArray tapA, NDArray tapB) {
    public int batch() {
        return (int) dense.getShape().get(0);
    }

    public int grid() {
        return (int) dense.getShape().get(2);
    }
}
