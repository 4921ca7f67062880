package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/**
 * Class embeddings F_l (ESC-NET-SPEC §2.4): one L2-normalised vector per class and template.
 *
 * @param features (N_c, P, E)
 */
public record TextFeatures(NDArray features) {
    public int classes() {
        return (int) features.getShape().get(0);
    }
}
