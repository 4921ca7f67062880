package org.escnet.adapters.djl.ops;

import ai.djl.nn.Block;

/** A plain container that gives its children checkpoint-style names ("point_embeddings.1", "mask_downscaling.3"). */
public final class NamedGroup extends ShapedBlock {
    public <B extends Block> B add(String name, B block) {
        return addChildBlock(name, block);
    }
}
