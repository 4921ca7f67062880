package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/** torch.nn.Linear with weight (out, in): acts on the last axis of any-rank input. */
public final class Dense extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int in;
    private final int out;

    public Dense(int in, int out, boolean withBias) {
        this.in = in;
        this.out = out;
        // torch's default Linear init is uniform(±1/sqrt(in)); Xavier-uniform is close and scale-free
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in),
                new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 2));
        this.bias = withBias ? parameter("bias", Parameter.Type.BIAS, new Shape(out), Initializer.ZEROS) : null;
    }

    public Dense(int in, int out) {
        this(in, out, true);
    }

    /** (..., in) → (..., out). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        if (x.getShape().get(x.getShape().dimension() - 1) != in) {
            throw new IllegalArgumentException("Dense expects last axis " + in + ", found shape " + x.getShape());
        }
        NDArray w = value(ps, weight, x, training);
        NDArray b = bias == null ? null : value(ps, bias, x, training);
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    /** The weight (out, in) for this pass. */
    public NDArray weightValue(ParameterStore ps, NDArray like, boolean training) {
        return value(ps, weight, like, training);
    }

    /** The bias (out) for this pass; zeros when the layer has none. */
    public NDArray biasValue(ParameterStore ps, NDArray like, boolean training) {
        return bias == null ? like.getManager().zeros(new Shape(out)) : value(ps, bias, like, training);
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }
}
