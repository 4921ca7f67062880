package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/** torch.nn.LayerNorm(C): normalises the last axis only (DJL's block default would normalise all non-batch axes). */
public final class TokenLayerNorm extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int channels;
    private final float eps;

    public TokenLayerNorm(int channels, float eps) {
        this.channels = channels;
        this.eps = eps;
        this.weight = parameter("weight", Parameter.Type.GAMMA, new Shape(channels), Initializer.ONES);
        this.bias = parameter("bias", Parameter.Type.BETA, new Shape(channels), Initializer.ZEROS);
    }

    public TokenLayerNorm(int channels) {
        this(channels, 1e-5f);
    }

    /** (..., C) → (..., C). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return LayerNorm.layerNorm(x, new Shape(channels), value(ps, weight, x, training),
                value(ps, bias, x, training), eps).singletonOrThrow();
    }
}
