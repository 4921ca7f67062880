package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/** SAM's LayerNorm2d: normalises the channels of an NCHW map at every pixel, then a per-channel affine. */
public final class LayerNorm2d extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int channels;
    private final float eps;

    public LayerNorm2d(int channels, float eps) {
        this.channels = channels;
        this.eps = eps;
        this.weight = parameter("weight", Parameter.Type.GAMMA, new Shape(channels), Initializer.ONES);
        this.bias = parameter("bias", Parameter.Type.BETA, new Shape(channels), Initializer.ZEROS);
    }

    public LayerNorm2d(int channels) {
        this(channels, 1e-6f);
    }

    /** (N, C, H, W) → (N, C, H, W). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray nhwc = x.transpose(0, 2, 3, 1);
        NDArray normed = LayerNorm.layerNorm(nhwc, new Shape(channels), value(ps, weight, x, training),
                value(ps, bias, x, training), eps).singletonOrThrow();
        return normed.transpose(0, 3, 1, 2);
    }
}
