package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/** torch.nn.GroupNorm(groups, C, eps 1e-5), which the PyTorch engine of DJL lacks: a layer norm per group. */
public final class GroupNorm extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int groups;
    private final int channels;

    public GroupNorm(int groups, int channels) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: " + channels + " channels do not split into " + groups
                    + " groups");
        }
        this.groups = groups;
        this.channels = channels;
        this.weight = parameter("weight", Parameter.Type.GAMMA, new Shape(channels), Initializer.ONES);
        this.bias = parameter("bias", Parameter.Type.BETA, new Shape(channels), Initializer.ZEROS);
    }

    /** (N, C, H, W) → (N, C, H, W). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        Shape s = x.getShape();
        long perGroup = s.size() / s.get(0) / groups;
        NDArray grouped = x.reshape(s.get(0), groups, perGroup);
        try (NDArray ones = x.getManager().ones(new Shape(perGroup));
                NDArray zeros = x.getManager().zeros(new Shape(perGroup))) {
            NDArray normed = LayerNorm.layerNorm(grouped, new Shape(perGroup), ones, zeros, 1e-5f)
                    .singletonOrThrow().reshape(s);
            NDArray gamma = value(ps, weight, x, training).reshape(1, channels, 1, 1);
            NDArray beta = value(ps, bias, x, training).reshape(1, channels, 1, 1);
            // in place on the fresh normalised array: layer norm's backward reads its input, not its output
            return normed.muli(gamma).addi(beta);
        }
    }
}
