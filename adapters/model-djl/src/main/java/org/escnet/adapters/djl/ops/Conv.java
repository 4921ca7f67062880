package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/** torch.nn.Conv2d with weight (out, in, k, k), square kernel, "same"-style padding given explicitly. */
public final class Conv extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int stride;
    private final int padding;

    public Conv(int in, int out, int kernel, int stride, int padding, boolean withBias) {
        this.stride = stride;
        this.padding = padding;
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel, kernel),
                new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2));
        this.bias = withBias ? parameter("bias", Parameter.Type.BIAS, new Shape(out), Initializer.ZEROS) : null;
    }

    /** A kernel-k conv with padding (k-1)/2 and stride 1: keeps the spatial size. */
    public static Conv same(int in, int out, int kernel, boolean withBias) {
        return new Conv(in, out, kernel, 1, (kernel - 1) / 2, withBias);
    }

    /** (N, in, H, W) → (N, out, H', W'). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = value(ps, weight, x, training);
        NDArray b = bias == null ? null : value(ps, bias, x, training);
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    /**
     * The convolution of input channels [from, to) alone, without bias: a conv over a concatenation [a; g] equals
     * conv(a, W_a) + conv(g, W_g) + bias, so a part shared by many rows can be convolved once.
     * (N, to − from, H, W) → (N, out, H', W').
     */
    public NDArray applyToChannels(ParameterStore ps, NDArray x, int from, int to, boolean training) {
        NDArray w = value(ps, weight, x, training).get(":, {}:{}", from, to);
        return Conv2d.conv2d(x, w, null, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    /** The weight (out, in, k, k) for this pass. */
    public NDArray weightValue(ParameterStore ps, NDArray like, boolean training) {
        return value(ps, weight, like, training);
    }

    /** The bias (out) for this pass; zeros when the layer has none. */
    public NDArray biasValue(ParameterStore ps, NDArray like, boolean training) {
        return bias == null ? like.getManager().zeros(new Shape(weight.getShape().get(0)))
                : value(ps, bias, like, training);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }
}
