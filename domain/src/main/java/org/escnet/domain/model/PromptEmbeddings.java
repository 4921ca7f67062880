package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;

/**
 * The prompt encoder's output for M = B·N_c prompt sets (row b·N_c + n).
 *
 * @param sparse (M, T, D) point/box tokens (T may be 0 when only masks are given)
 * @param dense  the embedded mask prompt (or the no-mask embedding), (M, D, g, g) in factored form
 */
public record PromptEmbeddings(NDArray sparse, DenseEmbedding dense) {
    public int rows() {
        return dense.rows();
    }
}
