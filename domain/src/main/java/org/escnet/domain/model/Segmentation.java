package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;
import org.escnet.domain.prompts.PseudoPrompts;

/**
 * What one forward returns.
 *
 * @param logits      (B, N_c, 4g, 4g) per-class logits; classes dropped by the class cap hold -100
 * @param prompts     the pseudo prompts used (M = B·N_c' rows), or null when the network has no SAM block
 * @param keptClasses (B, N_c') int64 vocabulary index of each image's classes that went past the class cap, in
 *                    vocabulary order: prompt row b·N_c' + n belongs to class {@code keptClasses[b, n]}; null when
 *                    no class was dropped (row b·N_c + n belongs to class n)
 */
public record Segmentation(NDArray logits, PseudoPrompts prompts, NDArray keptClasses) {

    /** A segmentation in which every class went past the class cap. */
    public Segmentation(NDArray logits, PseudoPrompts prompts) {
        this(logits, prompts, null);
    }
}
