package org.escnet.adapters.djl.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.adapters.djl.ops.ChunkScope;
import org.escnet.adapters.djl.ops.OwnedArrays;

/**
 * The CLIP image tower (ViT). Its block forward is ESC-Net's dense mode ({@link #forwardDense}); the standard
 * CLIP forward ({@link #forwardStandard}) serves parity checks against other implementations.
 *
 * <p>The positional embedding is kept at the checkpoint's size (197 rows for ViT-B/16) and resized to the feature
 * grid inside the forward with a constant bicubic matrix ({@link BicubicGridResize}, PyTorch's a = -0.75,
 * align_corners = false, CLS row kept). It is frozen, so this equals a one-off resize at load time, while the
 * parameter keeps the checkpoint's shape and the count of ESC-NET-SPEC §4.
 */
public final class ClipVisionTransformer extends AbstractBlock {

    private final ClipConfig config;
    private final Parameter patchWeight;
    private final Parameter classEmbedding;
    private final Parameter positionEmbedding;
    private final Parameter preLnGamma;
    private final Parameter preLnBeta;
    private final Parameter postLnGamma;
    private final Parameter postLnBeta;
    private final Parameter projection;
    private final List<ClipResidualBlock> layers = new ArrayList<>();
    private final float[] positionResize;

    public ClipVisionTransformer(ClipConfig config) {
        this.config = config;
        int w = config.visionWidth();
        int p = config.patchSize();
        int s = config.positionGrid();
        patchWeight = addParameter(ClipParameters.weight("patch_embedding_weight", w, 3, p, p));
        classEmbedding = addParameter(ClipParameters.weight("class_embedding", w));
        positionEmbedding = addParameter(ClipParameters.weight("position_embedding", (long) s * s + 1, w));
        preLnGamma = addParameter(ClipParameters.gamma("ln_pre_gamma", w));
        preLnBeta = addParameter(ClipParameters.beta("ln_pre_beta", w));
        for (int i = 0; i < config.visionLayers(); i++) {
            layers.add(addChildBlock("layer" + i,
                    new ClipResidualBlock(w, config.visionHeads(), config.visionMlpWidth())));
        }
        postLnGamma = addParameter(ClipParameters.gamma("ln_post_gamma", w));
        postLnBeta = addParameter(ClipParameters.beta("ln_post_beta", w));
        projection = addParameter(ClipParameters.weight("projection_weight", config.projectionDim(), w));
        positionResize = s == config.grid() ? null : BicubicGridResize.matrix(s, config.grid());
    }

    /** @return the configuration this tower was built from */
    public ClipConfig config() {
        return config;
    }

    /** Block forward = {@link #forwardDense}: input pixels (B, 3, R, R); outputs F_v, tap_a, tap_b. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return forwardDense(ps, inputs.head(), training);
    }

    /**
     * ESC-Net dense mode (ESC-NET-SPEC §2.2): taps after blocks {@code skipTaps}, the last block in CAT-Seg's dense
     * form, ln_post and the projection on every token, CLS dropped.
     *
     * @param pixels normalised images (B, 3, R, R), see {@link ClipImageNormalizer}
     * @return [F_v (B, E, g, g), tap_a (B, W_v, g, g), tap_b (B, W_v, g, g)]
     */
    public NDList forwardDense(ParameterStore ps, NDArray pixels, boolean training) {
        NDArray x = embed(ps, pixels, training);
        NDArray tapA = null;
        NDArray tapB = null;
        int last = layers.size() - 1;
        for (int i = 0; i < last; i++) {
            x = layer(ps, i, x, training);
            if (i == config.skipTaps().get(0)) {
                tapA = tokensToMap(x.get(":, 1:, :"));
            }
            if (i == config.skipTaps().get(1)) {
                tapB = tokensToMap(x.get(":, 1:, :"));
            }
        }
        x = layers.get(last).forwardDense(ps, x, training);
        NDArray features = project(ps, x, training).get(":, 1:, :");
        return new NDList(tokensToMap(features), tapA, tapB);
    }

    /** Block i on tokens x, its temporaries freed as soon as it is done. */
    private NDArray layer(ParameterStore ps, int i, NDArray x, boolean training) {
        return ChunkScope.result(() -> layers.get(i).forward(ps, x, null, training));
    }

    /**
     * Standard CLIP (HF {@code get_image_features} and {@code hidden_states[-2]}).
     *
     * @param pixels normalised images (B, 3, R, R)
     * @return [image embeds (B, E) unnormalised, penultimate block output without CLS (B, g², W_v)]
     */
    public NDList forwardStandard(ParameterStore ps, NDArray pixels, boolean training) {
        NDArray x = embed(ps, pixels, training);
        NDArray penultimate = null;
        for (int i = 0; i < layers.size(); i++) {
            x = layer(ps, i, x, training);
            if (i == layers.size() - 2) {
                penultimate = x.get(":, 1:, :");
            }
        }
        NDArray embeds = project(ps, x.get(":, 0, :"), training);
        return new NDList(embeds, penultimate);
    }

    /**
     * Patch embedding (a kernel = stride = p convolution written as a matMul), CLS token, positional embedding,
     * ln_pre.
     *
     * @param pixels (B, 3, R, R)
     * @return tokens (B, 1 + g², W_v), CLS first
     */
    public NDArray embed(ParameterStore ps, NDArray pixels, boolean training) {
        Shape shape = pixels.getShape();
        int r = config.imageSize();
        if (shape.dimension() != 4 || shape.get(1) != 3 || shape.get(2) != r || shape.get(3) != r) {
            throw new IllegalArgumentException("CLIP " + config.name() + " expects pixels (B, 3, " + r + ", " + r
                    + "), found " + shape);
        }
        long b = shape.get(0);
        int g = config.grid();
        int p = config.patchSize();
        int w = config.visionWidth();
        NDArray patches = pixels.reshape(b, 3, g, p, g, p).transpose(0, 2, 4, 1, 3, 5)
                .reshape(b, (long) g * g, 3L * p * p);
        NDArray kernel = value(ps, patchWeight, pixels, training).reshape(w, 3L * p * p);
        NDArray tokens = patches.matMul(kernel.transpose());
        NDArray cls = value(ps, classEmbedding, pixels, training).reshape(1, 1, w).broadcast(b, 1, w);
        tokens = NDArrays.concat(new NDList(cls, tokens), 1);
        tokens = tokens.add(gridPositions(ps, pixels, training));
        return ClipResidualBlock.layerNorm(tokens, value(ps, preLnGamma, pixels, training),
                value(ps, preLnBeta, pixels, training));
    }

    /** @return the positional embedding resized to the feature grid: (1 + g², W_v) */
    private NDArray gridPositions(ParameterStore ps, NDArray like, boolean training) {
        NDArray pos = value(ps, positionEmbedding, like, training);
        if (positionResize == null) {
            return pos;
        }
        int s = config.positionGrid();
        int g = config.grid();
        NDArray resize = OwnedArrays.of(like.getManager(), positionResize, new Shape((long) g * g, (long) s * s));
        NDArray grid = resize.matMul(pos.get("1:, :"));
        return NDArrays.concat(new NDList(pos.get("0:1, :"), grid), 0);
    }

    /** (B, N, W_v) → (B, N, E): ln_post then the projection (no bias). */
    private NDArray project(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = ClipResidualBlock.layerNorm(x, value(ps, postLnGamma, x, training),
                value(ps, postLnBeta, x, training));
        return Linear.linear(h, value(ps, projection, x, training)).head();
    }

    /** (B, g², C) → (B, C, g, g). */
    private NDArray tokensToMap(NDArray tokens) {
        long b = tokens.getShape().get(0);
        long c = tokens.getShape().get(2);
        int g = config.grid();
        return tokens.transpose(0, 2, 1).reshape(b, c, g, g);
    }

    private static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ClipResidualBlock.value(ps, p, like, training);
    }

    /** @return the q and v projection weights of every block (the trainable CLIP tensors) */
    public List<Parameter> trainableQv() {
        List<Parameter> out = new ArrayList<>();
        layers.forEach(l -> out.addAll(l.trainableQv()));
        return out;
    }

    /** @return the residual blocks in order */
    public List<ClipResidualBlock> layers() {
        return List.copyOf(layers);
    }

    /** @return Hugging Face {@code CLIPModel} tensor name → parameter, for loading */
    public Map<String, Parameter> parametersByHfName() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put("vision_model.embeddings.patch_embedding.weight", patchWeight);
        m.put("vision_model.embeddings.class_embedding", classEmbedding);
        m.put("vision_model.embeddings.position_embedding.weight", positionEmbedding);
        m.put("vision_model.pre_layrnorm.weight", preLnGamma);
        m.put("vision_model.pre_layrnorm.bias", preLnBeta);
        for (int i = 0; i < layers.size(); i++) {
            m.putAll(layers.get(i).parametersByHfName("vision_model.encoder.layers." + i + "."));
        }
        m.put("vision_model.post_layernorm.weight", postLnGamma);
        m.put("vision_model.post_layernorm.bias", postLnBeta);
        m.put("visual_projection.weight", projection);
        return m;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        int g = config.grid();
        Shape tap = new Shape(b, config.visionWidth(), g, g);
        return new Shape[] {new Shape(b, config.projectionDim(), g, g), tap, tap};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = new Shape(inputShapes[0].get(0), (long) config.grid() * config.grid() + 1,
                config.visionWidth());
        for (ClipResidualBlock layer : layers) {
            layer.initialize(manager, dataType, tokens);
        }
    }
}
