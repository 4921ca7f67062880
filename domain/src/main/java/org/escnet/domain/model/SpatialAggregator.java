package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/**
 * One ESC block's image refinement: a SAM two-way block per class followed by the class-agnostic fusion of Eq. 2.
 * Reduces over classes in chunks, so the result does not depend on the chunk size.
 */
public interface SpatialAggregator {
    /**
     * X_{i-1} (B, D, g, g), PE (g·g, D), prompts with M = B·N_c rows → X_i (B, D, g, g).
     */
    NDArray refine(ForwardPass pass, NDArray image, NDArray positionalEncoding, PromptEmbeddings prompts);
}
