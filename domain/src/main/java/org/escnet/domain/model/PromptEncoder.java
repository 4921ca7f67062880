package org.escnet.domain.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.escnet.domain.prompts.PseudoPrompts;

/** Turns pseudo prompts into prompt tokens and a dense prompt map (SAM's prompt encoder). */
public interface PromptEncoder {
    /** PseudoPrompts with M rows on a g×g grid → sparse (M, T, D), dense (M, D, g, g). */
    PromptEmbeddings encode(ForwardPass pass, NDManager manager, PseudoPrompts prompts, int grid);

    /** The dense positional encoding of the grid: → (g·g, D), row r·g + c. */
    NDArray densePositionalEncoding(ForwardPass pass, NDManager manager, int grid);
}
