package org.escnet.adapters.djl.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both CLIP towers and the logit scale: the unit that a CLIP checkpoint fills and that ESC-NET-SPEC §4 counts
 * (149,620,737 parameters for ViT-B/16, 427,944,193 for ViT-L/14@336). ESC-Net uses the towers separately
 * ({@link #vision()}, {@link #text()}); the block forward is standard CLIP and serves parity checks.
 */
public final class ClipModel extends AbstractBlock {

    /** CLIP's initial logit scale, ln(1 / 0.07). */
    static final float INITIAL_LOGIT_SCALE = (float) Math.log(1 / 0.07);

    private final ClipConfig config;
    private final ClipVisionTransformer vision;
    private final ClipTextTransformer text;
    private final Parameter logitScale;

    public ClipModel(ClipConfig config) {
        this.config = config;
        vision = addChildBlock("vision", new ClipVisionTransformer(config));
        text = addChildBlock("text", new ClipTextTransformer(config));
        logitScale = addParameter(ClipParameters.constant("logit_scale", INITIAL_LOGIT_SCALE, 1));
    }

    /** @return a model for a preset name: {@code clip-vit-b16}, {@code clip-vit-l14-336}, {@code tiny} */
    public static ClipModel forPreset(String preset) {
        return new ClipModel(ClipConfig.forPreset(preset));
    }

    public ClipConfig config() {
        return config;
    }

    public ClipVisionTransformer vision() {
        return vision;
    }

    public ClipTextTransformer text() {
        return text;
    }

    /**
     * Standard CLIP. Inputs: pixels (B, 3, R, R), token ids (N, L).
     * Outputs: image embeds (B, E), text embeds (N, E) (both unnormalised), logits per image (B, N).
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray image = vision.forwardStandard(ps, inputs.get(0), training).get(0);
        NDArray texts = text.encode(ps, inputs.get(1), training);
        NDArray scale = ps.getValue(logitScale, image.getDevice(), training).exp();
        NDArray logits = image.normalize(2, -1).matMul(texts.normalize(2, -1).transpose()).mul(scale);
        return new NDList(image, texts, logits);
    }

    /** @return the q and v projection weights of every block of both towers: the only CLIP tensors trained */
    public List<Parameter> trainableQv() {
        List<Parameter> out = new ArrayList<>(vision.trainableQv());
        out.addAll(text.trainableQv());
        return out;
    }

    /** Freezes every CLIP parameter except {@link #trainableQv()} (ESC-NET-SPEC §3.2). */
    public void freezeAllButQv() {
        freezeParameters(true);
        trainableQv().forEach(p -> p.freeze(false));
    }

    /** @return Hugging Face {@code CLIPModel} tensor name → parameter for both towers and {@code logit_scale} */
    public Map<String, Parameter> parametersByHfName() {
        Map<String, Parameter> m = new LinkedHashMap<>(text.parametersByHfName());
        m.putAll(vision.parametersByHfName());
        m.put("logit_scale", logitScale);
        return m;
    }

    /** @return the number of learnable values, counted from parameter shapes (works before initialisation) */
    public long parameterCount() {
        return countParameters(this);
    }

    /** @return the number of values in every parameter of a block, from the declared shapes */
    public static long countParameters(ai.djl.nn.Block block) {
        return block.getParameters().values().stream()
                .mapToLong(p -> p.isInitialized() ? p.getArray().size() : p.getShape().size()).sum();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long n = inputShapes[1].get(0);
        return new Shape[] {new Shape(b, config.projectionDim()), new Shape(n, config.projectionDim()),
                new Shape(b, n)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        vision.initialize(manager, dataType, inputShapes[0]);
        text.initialize(manager, dataType, inputShapes[1]);
    }

    /** @return the input shapes that initialise a model for a batch of one image and one text row */
    public Shape[] exampleInputShapes() {
        return new Shape[] {new Shape(1, 3, config.imageSize(), config.imageSize()),
                new Shape(1, config.contextLength())};
    }
}
