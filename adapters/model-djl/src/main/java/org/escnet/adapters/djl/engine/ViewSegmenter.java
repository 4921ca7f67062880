package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import org.escnet.domain.model.Segmentation;

/** The network as an evaluation strategy sees it, with the pass and the vocabulary's text features bound. */
@FunctionalInterface
public interface ViewSegmenter {
    /** view (1, 3, side, side) RGB 0..255 → logits (1, N_c, h, w) and the prompts used. */
    Segmentation segment(NDArray view);
}
