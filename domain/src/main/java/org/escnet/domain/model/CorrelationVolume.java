package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/**
 * Eq. 1: cosine similarities between every pixel feature and every class embedding.
 *
 * @param cosine (B, P, N_c, g, g)
 */
public record CorrelationVolume(NDArray cosine) {
    /** The template mean S that the prompt strategies read: (B, P, N_c, g, g) → (B, N_c, g, g). */
    public NDArray templateMean() {
        return cosine.mean(new int[] {1});
    }

    public int classes() {
        return (int) cosine.getShape().get(2);
    }
}
