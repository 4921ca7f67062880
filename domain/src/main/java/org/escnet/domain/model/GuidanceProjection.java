package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/** Turns an image embedding into the VLF's spatial guidance (Conv3x3 + ReLU). */
public interface GuidanceProjection {
    /** (B, C, g, g) → (B, C_g, g, g). */
    NDArray project(ForwardPass pass, NDArray image);
}
