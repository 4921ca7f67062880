package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.escnet.adapters.djl.ops.Conv;
import org.escnet.adapters.djl.ops.EmbeddingTable;
import org.escnet.adapters.djl.ops.LayerNorm2d;
import org.escnet.adapters.djl.ops.NamedGroup;
import org.escnet.adapters.djl.ops.Scalars;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.domain.model.ForwardPass;
import org.escnet.domain.model.DenseEmbedding;
import org.escnet.domain.model.PromptEmbeddings;
import org.escnet.domain.model.PromptEncoder;
import org.escnet.domain.prompts.PseudoPrompts;

/**
 * SAM's prompt encoder (dim 256) with input_image_size = the feature grid (ESC-NET-SPEC §2.8, A12): a point at cell
 * (x, y) gets exactly the dense PE of that cell. Points, boxes (two corner tokens), the padding point SAM appends
 * when no boxes are given, and the mask prompt through mask_downscaling. Child names equal SAM's original keys.
 */
public final class SamPromptEncoder extends ShapedBlock implements PromptEncoder {
    public static final int DIM = SamTwoWayBlock.DIM;

    private final Parameter gaussian;
    private final EmbeddingTable[] pointEmbeddings = new EmbeddingTable[4];
    private final EmbeddingTable notAPoint;
    private final Conv conv1;
    private final LayerNorm2d norm1;
    private final Conv conv2;
    private final LayerNorm2d norm2;
    private final Conv conv3;
    private final EmbeddingTable noMask;

    public SamPromptEncoder() {
        gaussian = addChildBlock("pe_layer", new GaussianMatrix()).matrix;
        NamedGroup points = addChildBlock("point_embeddings", new NamedGroup());
        for (int i = 0; i < 4; i++) {
            pointEmbeddings[i] = points.add(Integer.toString(i), new EmbeddingTable(1, DIM));
        }
        notAPoint = addChildBlock("not_a_point_embed", new EmbeddingTable(1, DIM));
        NamedGroup mask = addChildBlock("mask_downscaling", new NamedGroup());
        conv1 = mask.add("0", new Conv(1, 4, 2, 2, 0, true));
        norm1 = mask.add("1", new LayerNorm2d(4));
        conv2 = mask.add("3", new Conv(4, 16, 2, 2, 0, true));
        norm2 = mask.add("4", new LayerNorm2d(16));
        conv3 = mask.add("6", new Conv(16, DIM, 1, 1, 0, true));
        noMask = addChildBlock("no_mask_embed", new EmbeddingTable(1, DIM));
    }

    /** SAM's frozen random Fourier matrix G (2, 128), a constant kept with the weights. */
    static final class GaussianMatrix extends ShapedBlock {
        final Parameter matrix = buffer("positional_encoding_gaussian_matrix", new Shape(2, DIM / 2),
                new NormalInitializer(1f));
    }

    public Parameter gaussianMatrix() {
        return gaussian;
    }

    @Override
    public PromptEmbeddings encode(ForwardPass pass, NDManager manager, PseudoPrompts prompts, int grid) {
        ParameterStore ps = pass.parameters();
        boolean training = pass.training();
        NDArray like = prompts.arrays().isEmpty() ? manager.zeros(new Shape(1)) : prompts.arrays().get(0);
        long m = rowsOf(prompts);
        NDList tokens = new NDList();
        if (prompts.points() != null) {
            tokens.add(embedPoints(ps, prompts.points(), prompts.pointLabels(), prompts.boxes() == null, grid,
                    training));
        }
        if (prompts.boxes() != null) {
            tokens.add(embedBoxes(ps, prompts.boxes(), prompts.boxLabels(), grid, training));
        }
        NDArray sparse = tokens.isEmpty() ? manager.zeros(new Shape(m, 0, DIM))
                : tokens.size() == 1 ? tokens.get(0) : NDArrays.concat(tokens, 1);
        DenseEmbedding dense = prompts.masks() != null ? embedMask(ps, prompts.masks(), grid, training)
                : DenseEmbedding.constant(noMask.table(ps, like, training).reshape(DIM), (int) m, grid);
        return new PromptEmbeddings(sparse, dense);
    }

    /** points (M, K, 2), labels (M, K) → tokens (M, K (+1 pad), 256). */
    NDArray embedPoints(ParameterStore ps, NDArray points, NDArray labels, boolean pad, int grid, boolean training) {
        NDArray coords = points.toType(DataType.FLOAT32, false).add(0.5f);
        NDArray lab = labels.toType(DataType.FLOAT32, false);
        if (pad) {
            long m = coords.getShape().get(0);
            coords = coords.concat(coords.getManager().zeros(new Shape(m, 1, 2)), 1);
            lab = lab.concat(lab.getManager().full(new Shape(m, 1), -1f), 1);
        }
        NDArray pe = fourier(ps, coords.div(grid), training);
        NDArray isPad = lab.eq(-1f).toType(DataType.FLOAT32, false).expandDims(2);
        NDArray isNeg = lab.eq(0f).toType(DataType.FLOAT32, false).expandDims(2);
        NDArray isPos = lab.eq(1f).toType(DataType.FLOAT32, false).expandDims(2);
        NDArray out = pe.mul(isPad.neg().add(1f));
        out = out.add(isPad.mul(notAPoint.table(ps, pe, training)));
        out = out.add(isNeg.mul(pointEmbeddings[0].table(ps, pe, training)));
        return out.add(isPos.mul(pointEmbeddings[1].table(ps, pe, training)));
    }

    /** boxes (M, K, 4), labels (M, K) → tokens (M, 2K, 256): corners (x0,y0), (x1,y1); label -1 → not-a-point. */
    NDArray embedBoxes(ParameterStore ps, NDArray boxes, NDArray labels, int grid, boolean training) {
        Shape s = boxes.getShape();
        long m = s.get(0);
        long k = s.get(1);
        NDArray corners = boxes.toType(DataType.FLOAT32, false).add(0.5f).reshape(m, k * 2, 2);
        NDArray pe = fourier(ps, corners.div(grid), training).reshape(m, k, 2, DIM);
        NDArray absent = labels.toType(DataType.FLOAT32, false).eq(-1f).toType(DataType.FLOAT32, false)
                .reshape(m, k, 1, 1);
        NDArray cornerEmbeddings = NDArrays.stack(new NDList(pointEmbeddings[2].table(ps, pe, training).reshape(DIM),
                pointEmbeddings[3].table(ps, pe, training).reshape(DIM))); // (2, 256)
        NDArray present = pe.add(cornerEmbeddings).mul(absent.neg().add(1f));
        NDArray out = present.add(absent.mul(notAPoint.table(ps, pe, training).reshape(DIM)));
        return out.reshape(m, k * 2, DIM);
    }

    /** masks (M, 1, 4g, 4g) → the dense embedding (M, 256, g, g), its last 1×1 convolution kept factored. */
    DenseEmbedding embedMask(ParameterStore ps, NDArray masks, int grid, boolean training) {
        NDArray x = Activation.gelu(norm1.apply(ps, conv1.apply(ps, masks, training), training));
        NDArray features = Activation.gelu(norm2.apply(ps, conv2.apply(ps, x, training), training));
        // the last layer, a 1×1 convolution, stays factored: SAM blocks route the 16 features through it per class
        long c = features.getShape().get(1);
        return new DenseEmbedding(features, conv3.weightValue(ps, features, training).reshape(DIM, c),
                conv3.biasValue(ps, features, training), (int) features.getShape().get(0), grid);
    }

    @Override
    public NDArray densePositionalEncoding(ForwardPass pass, NDManager manager, int grid) {
        NDArray c = manager.arange(0, grid, 1, DataType.FLOAT32).add(0.5f).div(grid);
        NDArray x = c.reshape(1, grid).broadcast(grid, grid);
        NDArray y = c.reshape(grid, 1).broadcast(grid, grid);
        NDArray uv = NDArrays.stack(new NDList(x, y), 2).reshape(grid * grid, 2);
        return fourier(pass.parameters(), uv, pass.training());
    }

    /** u in [0, 1] (..., 2) ordered (x, y) → [sin(2π(2u−1)G), cos(2π(2u−1)G)] (..., 256). */
    NDArray fourier(ParameterStore ps, NDArray unit, boolean training) {
        NDArray g = value(ps, gaussian, unit, training);
        NDArray proj = Scalars.times(unit.mul(2f).sub(1f).matMul(g), 2 * Math.PI);
        return proj.sin().concat(proj.cos(), -1);
    }

    private static long rowsOf(PseudoPrompts p) {
        if (p.arrays().isEmpty()) {
            throw new IllegalArgumentException("pseudo prompts: expected points, boxes or masks, found none");
        }
        return p.arrays().get(0).getShape().get(0);
    }
}
