package org.escnet.adapters.djl.vlf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.ops.TokenLayerNorm;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.FusionBlock;

/**
 * One VLF layer = CAT-Seg's AggregatorLayer (ESC-NET-SPEC §2.9c–d): two Swin blocks (shift 0, then shift) guided by
 * the image, then class aggregation guided by the text. The Swin part is per class and runs in class chunks.
 */
public final class VlfLayer extends ShapedBlock implements FusionBlock {
    private final TokenLayerNorm guidanceNorm;
    private final SwinSpatialBlock swin1;
    private final SwinSpatialBlock swin2;
    private final ClassAggregation classAggregation;
    private final int trainingPool;

    /**
     * @param window       Swin window (12 at a 24 grid); clipped to the grid, and no shift when one window covers it
     * @param trainingPool class-attention pooling in training (2, as CAT-Seg); inference always uses 1
     */
    public VlfLayer(int dim, int guidanceDim, int textGuidanceDim, int heads, int grid, int window, int padLength,
                    int trainingPool) {
        int ws = Math.min(window, grid);
        int shift = grid <= window ? 0 : ws / 2;
        guidanceNorm = addChildBlock("guidance_norm", new TokenLayerNorm(guidanceDim));
        swin1 = addChildBlock("swin_block_1", new SwinSpatialBlock(dim, guidanceDim, heads, ws, 0));
        swin2 = addChildBlock("swin_block_2", new SwinSpatialBlock(dim, guidanceDim, heads, ws, shift));
        classAggregation = addChildBlock("class_block",
                new ClassAggregation(dim, textGuidanceDim, heads, padLength));
        this.trainingPool = trainingPool;
    }

    /**
     * The layer in its own scope: the Swin output, its chunks and the class-aggregation chunks are freed as soon as
     * the layer is done, so a forward holds one layer's intermediates at a time instead of every layer's.
     */
    @Override
    public NDArray fuse(ForwardPass pass, NDArray correlation, NDArray imageGuidance, NDArray textGuidance) {
        return ChunkScope.result(() -> fuseInScope(pass, correlation, imageGuidance, textGuidance));
    }

    private NDArray fuseInScope(ForwardPass pass, NDArray correlation, NDArray imageGuidance, NDArray textGuidance) {
        ParameterStore ps = pass.parameters();
        boolean training = pass.training();
        Shape s = correlation.getShape();
        long b = s.get(0);
        long c = s.get(1);
        int n = (int) s.get(2);
        int h = (int) s.get(3);
        long hw = (long) h * h;
        long cg = imageGuidance.getShape().get(1);
        NDArray guide = guidanceNorm.apply(ps, imageGuidance.reshape(b, cg, hw).transpose(0, 2, 1), training);
        SwinSpatialBlock.Shared shared1 = swin1.shared(ps, guide, h, training);
        SwinSpatialBlock.Shared shared2 = swin2.shared(ps, guide, h, training);
        // each Swin block works in its own window order: one gather into it, one between, one back to the grid
        WindowOrder grid = WindowOrder.grid(h);
        WindowOrder.Move intoFirst = grid.to(swin1.order(h));
        WindowOrder.Move between = swin1.order(h).to(swin2.order(h));
        WindowOrder.Move back = swin2.order(h).to(grid);
        int chunk = pass.chunkFor(n);
        // the Swin blocks want each class's tokens together (class-major), the class aggregation each position's
        // classes together (position-major): every chunk is gathered straight from one layout into the other
        NDArray classMajor = correlation.transpose(0, 2, 3, 4, 1).reshape(b, n, hw, c); // a view: h, w merge
        List<NDArray> positionMajor = new ArrayList<>();
        for (int n0 = 0; n0 < n; n0 += chunk) {
            try (ChunkScope scope = new ChunkScope()) {
            int len = Math.min(chunk, n - n0);
            NDArray x = WindowOrder.apply(intoFirst, classMajor.get(":, {}:{}", n0, n0 + len), 2).reshape(b * len,
                    hw, c);
            x = swin1.apply(ps, x, shared1, h, training);
            x = swin2.apply(ps, WindowOrder.apply(between, x), shared2, h, training);
            NDArray tokens = WindowOrder.apply(back, x.reshape(b, len, hw, c).transpose(0, 2, 1, 3), 1);
            positionMajor.add(scope.keep(tokens)); // (B, H·W, len, C)
            }
        }
        int pool = training && h % trainingPool == 0 ? trainingPool : 1;
        return classAggregation.apply(ps, positionMajor, h, textGuidance, pool, training);
    }
}
