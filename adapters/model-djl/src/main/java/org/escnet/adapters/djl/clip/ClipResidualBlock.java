package org.escnet.adapters.djl.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.adapters.djl.ops.FlatBatches;
import org.escnet.adapters.djl.ops.Scalars;

/**
 * One pre-norm CLIP transformer block: x += MHA(LN1(x)); x += MLP(LN2(x)), MLP = fc1 → QuickGELU → fc2,
 * LayerNorm eps 1e-5 over the last axis. Separate q/k/v projections (HF layout) so the trainable q and v weights
 * are parameters of their own. Also runs CAT-Seg's "dense" variant used for the last vision block.
 */
public final class ClipResidualBlock extends AbstractBlock {

    static final float LAYER_NORM_EPS = 1e-5f;

    private final int width;
    private final int heads;
    private final Parameter ln1Gamma;
    private final Parameter ln1Beta;
    private final Parameter qWeight;
    private final Parameter qBias;
    private final Parameter kWeight;
    private final Parameter kBias;
    private final Parameter vWeight;
    private final Parameter vBias;
    private final Parameter outWeight;
    private final Parameter outBias;
    private final Parameter ln2Gamma;
    private final Parameter ln2Beta;
    private final Parameter fc1Weight;
    private final Parameter fc1Bias;
    private final Parameter fc2Weight;
    private final Parameter fc2Bias;

    /**
     * @param width    token width w
     * @param heads    attention heads (w / heads per head)
     * @param mlpWidth MLP hidden width
     */
    public ClipResidualBlock(int width, int heads, int mlpWidth) {
        this.width = width;
        this.heads = heads;
        ln1Gamma = addParameter(ClipParameters.gamma("ln_1_gamma", width));
        ln1Beta = addParameter(ClipParameters.beta("ln_1_beta", width));
        qWeight = addParameter(ClipParameters.weight("q_proj_weight", width, width));
        qBias = addParameter(ClipParameters.bias("q_proj_bias", width));
        kWeight = addParameter(ClipParameters.weight("k_proj_weight", width, width));
        kBias = addParameter(ClipParameters.bias("k_proj_bias", width));
        vWeight = addParameter(ClipParameters.weight("v_proj_weight", width, width));
        vBias = addParameter(ClipParameters.bias("v_proj_bias", width));
        outWeight = addParameter(ClipParameters.weight("out_proj_weight", width, width));
        outBias = addParameter(ClipParameters.bias("out_proj_bias", width));
        ln2Gamma = addParameter(ClipParameters.gamma("ln_2_gamma", width));
        ln2Beta = addParameter(ClipParameters.beta("ln_2_beta", width));
        fc1Weight = addParameter(ClipParameters.weight("mlp_fc1_weight", mlpWidth, width));
        fc1Bias = addParameter(ClipParameters.bias("mlp_fc1_bias", mlpWidth));
        fc2Weight = addParameter(ClipParameters.weight("mlp_fc2_weight", width, mlpWidth));
        fc2Bias = addParameter(ClipParameters.bias("mlp_fc2_bias", width));
    }

    /** Inputs: x (B, N, w) and optionally an additive attention mask (N, N); output x (B, N, w). */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        return new NDList(forward(ps, inputs.head(), mask, training));
    }

    /**
     * Standard block.
     *
     * @param x    (B, N, w)
     * @param mask additive attention mask (N, N), e.g. causal with -inf above the diagonal, or null
     * @return (B, N, w)
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        NDArray h = layerNorm(ps, x, ln1Gamma, ln1Beta, training);
        x = x.add(attention(ps, h, mask, training));
        return x.add(mlp(ps, layerNorm(ps, x, ln2Gamma, ln2Beta, training), training));
    }

    /**
     * CAT-Seg's dense last block (ESC-NET-SPEC §2.2 step 4): y_i = out_proj(v_proj(LN1(x_i))) + x_CLS, then
     * y += MLP(LN2(y)). No softmax attention and no per-token residual; token 0 is the CLS token.
     *
     * @param x (B, N, w) with the CLS token first
     * @return (B, N, w)
     */
    public NDArray forwardDense(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = layerNorm(ps, x, ln1Gamma, ln1Beta, training);
        NDArray v = linear(ps, h, vWeight, vBias, training);
        NDArray y = linear(ps, v, outWeight, outBias, training);
        NDArray cls = x.get(":, 0:1, :");
        y = y.add(cls);
        return y.add(mlp(ps, layerNorm(ps, y, ln2Gamma, ln2Beta, training), training));
    }

    /** (B, N, w) → (B, N, w): multi-head scaled dot-product attention with separate q/k/v projections. */
    private NDArray attention(ParameterStore ps, NDArray h, NDArray mask, boolean training) {
        long b = h.getShape().get(0);
        long n = h.getShape().get(1);
        int headDim = width / heads;
        NDArray q = splitHeads(linear(ps, h, qWeight, qBias, training), b, n, headDim);
        NDArray k = splitHeads(linear(ps, h, kWeight, kBias, training), b, n, headDim);
        NDArray v = splitHeads(linear(ps, h, vWeight, vBias, training), b, n, headDim);
        NDArray scores = Scalars.times(FlatBatches.matMulTransposed(q, k), 1.0 / Math.sqrt(headDim));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray out = FlatBatches.matMul(FlatBatches.softmaxLast(scores), v).transpose(0, 2, 1, 3).reshape(b, n, width);
        return linear(ps, out, outWeight, outBias, training);
    }

    /** (…, in) → (…, out) with a parameter weight (out, in) and bias (out). */
    private static NDArray linear(ParameterStore ps, NDArray x, Parameter w, Parameter b, boolean training) {
        return Linear.linear(x, value(ps, w, x, training), value(ps, b, x, training)).head();
    }

    private static NDArray splitHeads(NDArray x, long b, long n, int headDim) {
        return x.reshape(b, n, -1, headDim).transpose(0, 2, 1, 3);
    }

    /** (…, w) → (…, w): fc1 → QuickGELU x·σ(1.702x) → fc2. */
    private NDArray mlp(ParameterStore ps, NDArray h, boolean training) {
        NDArray a = linear(ps, h, fc1Weight, fc1Bias, training);
        a = quickGelu(a);
        return linear(ps, a, fc2Weight, fc2Bias, training);
    }

    static NDArray quickGelu(NDArray a) {
        return a.mul(Activation.sigmoid(Scalars.times(a, 1.702)));
    }

    private NDArray layerNorm(ParameterStore ps, NDArray x, Parameter gamma, Parameter beta, boolean training) {
        return layerNorm(x, value(ps, gamma, x, training), value(ps, beta, x, training));
    }

    /** (…, C) → (…, C): LayerNorm over the last axis only (DJL's block default would normalise more axes). */
    static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(x.getShape().dimension() - 1)), gamma, beta,
                LAYER_NORM_EPS).head();
    }

    /** The parameter's value on the device of {@code like}, the input being processed. */
    static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    /** @return the q and v projection weights, the only CLIP tensors the trainer updates (ESC-NET-SPEC §3.2) */
    public List<Parameter> trainableQv() {
        return List.of(qWeight, vWeight);
    }

    /**
     * @param prefix e.g. {@code vision_model.encoder.layers.3.}
     * @return HF tensor name → parameter
     */
    Map<String, Parameter> parametersByHfName(String prefix) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put(prefix + "layer_norm1.weight", ln1Gamma);
        m.put(prefix + "layer_norm1.bias", ln1Beta);
        m.put(prefix + "self_attn.q_proj.weight", qWeight);
        m.put(prefix + "self_attn.q_proj.bias", qBias);
        m.put(prefix + "self_attn.k_proj.weight", kWeight);
        m.put(prefix + "self_attn.k_proj.bias", kBias);
        m.put(prefix + "self_attn.v_proj.weight", vWeight);
        m.put(prefix + "self_attn.v_proj.bias", vBias);
        m.put(prefix + "self_attn.out_proj.weight", outWeight);
        m.put(prefix + "self_attn.out_proj.bias", outBias);
        m.put(prefix + "layer_norm2.weight", ln2Gamma);
        m.put(prefix + "layer_norm2.bias", ln2Beta);
        m.put(prefix + "mlp.fc1.weight", fc1Weight);
        m.put(prefix + "mlp.fc1.bias", fc1Bias);
        m.put(prefix + "mlp.fc2.weight", fc2Weight);
        m.put(prefix + "mlp.fc2.bias", fc2Bias);
        return m;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children: every parameter has a fixed shape
    }
}
