package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/** The image tower: RGB pixels → dense features and skip taps. */
public interface VisionEncoder {
    /** images (B, 3, H, W) RGB 0..255 → F_v (B, E, g, g) and taps (B, W_v, g, g). */
    VisionFeatures encode(ForwardPass pass, NDArray images);

    /** g, the side of the feature grid. */
    int grid();
}
