package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.PromptEmbeddings;
import org.escnet.domain.model.SpatialAggregator;

/**
 * One ESC block's image refinement (ESC-NET-SPEC §2.9a–b): for every class, SAM's two-way block with tokens
 * [output tokens; prompt tokens] and keys X_{i-1} + dense prompt; then the class-agnostic fusion of the class mean of
 * the refined keys. Classes run in chunks and only the running sum of K1 crosses chunks, so the result is exact for
 * any chunk size.
 */
public final class SamSpatialAggregator extends ShapedBlock implements SpatialAggregator {
    private final SamTwoWayBlock block;
    private final ClassAgnosticFusion fusion;
    private final SamOutputTokens outputTokens;

    /** @param outputTokens shared by all ESC blocks; owned (and counted) by the network, not by this block */
    public SamSpatialAggregator(boolean skipFirstLayerPe, SamOutputTokens outputTokens) {
        this.block = addChildBlock("block", new SamTwoWayBlock(skipFirstLayerPe));
        this.fusion = addChildBlock("fusion", new ClassAgnosticFusion(SamTwoWayBlock.DIM));
        this.outputTokens = outputTokens;
    }

    public SamTwoWayBlock twoWayBlock() {
        return block;
    }

    ClassAgnosticFusion fusion() {
        return fusion;
    }

    /** In its own scope, so the block's per-class inputs and sums are freed as soon as it is done. */
    @Override
    public NDArray refine(ForwardPass pass, NDArray image, NDArray positionalEncoding, PromptEmbeddings prompts) {
        return ChunkScope.result(() -> refineInScope(pass, image, positionalEncoding, prompts));
    }

    private NDArray refineInScope(ForwardPass pass, NDArray image, NDArray positionalEncoding,
                                  PromptEmbeddings prompts) {
        ParameterStore ps = pass.parameters();
        boolean training = pass.training();
        Shape s = image.getShape();
        long b = s.get(0);
        long d = s.get(1);
        long hw = s.get(2) * s.get(3);
        int classes = (int) (prompts.rows() / b);
        if (classes * b != prompts.rows()) {
            throw new IllegalArgumentException("prompt rows " + prompts.rows() + " are not a multiple of batch " + b);
        }
        long t = prompts.sparse().getShape().get(1);
        NDArray tokens = image.reshape(b, d, hw).transpose(0, 2, 1); // (B, HW, D)
        NDArray sparse = prompts.sparse().reshape(b, classes, t, d);
        NDArray out = outputTokens.tokens(ps, image, training);
        // the key positional encoding and the image tokens are projected once per image, not once per class
        ClassKeys keys = new ClassKeys(tokens, prompts.dense(),
                block.imageTokenProjection(ps, positionalEncoding.expandDims(0), training));
        int chunk = pass.chunkFor(classes);
        NDArray sum = null;
        for (int n0 = 0; n0 < classes; n0 += chunk) {
            // a chunk's temporaries are released when it ends; autograd keeps what backward needs natively
            try (ChunkScope scope = new ChunkScope()) {
            int n = Math.min(chunk, classes - n0);
            NDArray sp = sparse.get(":, {}:{}", n0, n0 + n).reshape(b * n, t, d);
            NDArray q0 = out.expandDims(0).broadcast(new Shape(b * n, out.getShape().get(0), d)).concat(sp, 1);
            ClassKeys.Chunk k0 = keys.chunk(n0, n);
            NDArray k1 = block.applyProjected(ps, q0, k0.keys(), q0, k0.projected(), training).get(1);
            NDArray part = k1.reshape(b, n, hw, d).sum(new int[] {1});
            sum = sum == null ? part : sum.addi(part); // a running sum that nothing reads before the last chunk
            scope.keep(sum);
            }
        }
        NDArray fused = fusion.apply(ps, tokens, Scalars.over(sum, classes), training); // (B, HW, D)
        return fused.transpose(0, 2, 1).reshape(s);
    }
}
