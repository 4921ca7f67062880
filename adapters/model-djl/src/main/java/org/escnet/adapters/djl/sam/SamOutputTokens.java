package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.EmbeddingTable;
import org.escnet.adapters.djl.ops.ShapedBlock;

/**
 * SAM's iou token and 4 mask tokens (ESC-NET-SPEC A5): prepended to the prompt tokens so the pretrained attention
 * sees the token set it was trained with. Their outputs are discarded.
 */
public final class SamOutputTokens extends ShapedBlock {
    private final EmbeddingTable iou;
    private final EmbeddingTable masks;

    public SamOutputTokens() {
        iou = addChildBlock("iou_token", new EmbeddingTable(1, SamTwoWayBlock.DIM));
        masks = addChildBlock("mask_tokens", new EmbeddingTable(4, SamTwoWayBlock.DIM));
    }

    /** → (5, 256): iou token then the mask tokens. */
    public NDArray tokens(ParameterStore ps, NDArray like, boolean training) {
        return iou.table(ps, like, training).concat(masks.table(ps, like, training), 0);
    }
}
