package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;
import org.escnet.domain.prompts.PseudoPrompts;

/**
 * What one forward returns.
 *
 * @param logits  (B, N_c, 4g, 4g) per-class logits; classes dropped by the class cap hold -100
 * @param prompts the pseudo prompts used (M = B·N_c' rows), or null when the network has no SAM block
 */
public record Segmentation(NDArray logits, PseudoPrompts prompts) {
}
