package org.escnet.adapters.djl.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
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
 * The CLIP text tower: token + positional embedding, causal pre-norm blocks (QuickGELU), ln_final, the feature at
 * the EOT position (argmax of the ids, EOT being the highest id), text_projection. The output is NOT normalised:
 * ESC-Net's F_l is its L2 normalisation, which the caller applies ({@code x.normalize(2, -1)}).
 */
public final class ClipTextTransformer extends AbstractBlock {

    private final ClipConfig config;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final Parameter finalLnGamma;
    private final Parameter finalLnBeta;
    private final Parameter projection;
    private final List<ClipResidualBlock> layers = new ArrayList<>();

    public ClipTextTransformer(ClipConfig config) {
        this.config = config;
        int w = config.textWidth();
        tokenEmbedding = addParameter(ClipParameters.weight("token_embedding", config.vocabSize(), w));
        positionEmbedding = addParameter(ClipParameters.weight("position_embedding", config.contextLength(), w));
        for (int i = 0; i < config.textLayers(); i++) {
            layers.add(addChildBlock("layer" + i, new ClipResidualBlock(w, config.textHeads(), config.textMlpWidth())));
        }
        finalLnGamma = addParameter(ClipParameters.gamma("ln_final_gamma", w));
        finalLnBeta = addParameter(ClipParameters.beta("ln_final_beta", w));
        projection = addParameter(ClipParameters.weight("text_projection_weight", config.projectionDim(), w));
    }

    /** @return the configuration this tower was built from */
    public ClipConfig config() {
        return config;
    }

    /** Input: token ids (N, L), L ≤ context length, any integer type; output: text embeds (N, E), unnormalised. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(encode(ps, inputs.head(), training));
    }

    /**
     * @param ids token rows (N, L) from a {@link org.escnet.adapters.djl.tokenizer.ClipTokenizer}, L ≤ context
     * @return text embeds (N, E), not normalised
     */
    public NDArray encode(ParameterStore ps, NDArray ids, boolean training) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2 || shape.get(1) > config.contextLength()) {
            throw new IllegalArgumentException("CLIP text " + config.name() + " expects token ids (N, L) with L <= "
                    + config.contextLength() + ", found " + shape);
        }
        int length = (int) shape.get(1);
        NDArray longIds = ids.toType(DataType.INT64, false);
        NDArray x = Embedding.embedding(longIds, value(ps, tokenEmbedding, ids, training), SparseFormat.DENSE).head();
        x = x.toType(DataType.FLOAT32, false);
        x = x.add(value(ps, positionEmbedding, ids, training).get("0:" + length + ", :"));
        NDArray mask = causalMask(ids.getManager(), length);
        for (ClipResidualBlock layer : layers) {
            NDArray in = x;
            x = ChunkScope.result(() -> layer.forward(ps, in, mask, training)); // frees the layer's temporaries
        }
        // one-hot selection instead of gather keeps pooling differentiable with the plain matMul path
        NDArray select = longIds.argMax(1).oneHot(length).expandDims(1);
        NDArray pooled = select.matMul(x).squeeze(1);
        pooled = ClipResidualBlock.layerNorm(pooled, value(ps, finalLnGamma, ids, training),
                value(ps, finalLnBeta, ids, training));
        return Linear.linear(pooled, value(ps, projection, ids, training)).head();
    }

    /** @return (L, L) additive mask: 0 on and below the diagonal, -inf above (a token sees only earlier ones) */
    static NDArray causalMask(NDManager manager, int length) {
        float[] m = new float[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                m[i * length + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return OwnedArrays.of(manager, m, new Shape(length, length));
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

    /** @return Hugging Face {@code CLIPModel} tensor name → parameter, for loading */
    public Map<String, Parameter> parametersByHfName() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put("text_model.embeddings.token_embedding.weight", tokenEmbedding);
        m.put("text_model.embeddings.position_embedding.weight", positionEmbedding);
        for (int i = 0; i < layers.size(); i++) {
            m.putAll(layers.get(i).parametersByHfName("text_model.encoder.layers." + i + "."));
        }
        m.put("text_model.final_layer_norm.weight", finalLnGamma);
        m.put("text_model.final_layer_norm.bias", finalLnBeta);
        m.put("text_projection.weight", projection);
        return m;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.projectionDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.textWidth());
        for (ClipResidualBlock layer : layers) {
            layer.initialize(manager, dataType, tokens);
        }
    }
}
