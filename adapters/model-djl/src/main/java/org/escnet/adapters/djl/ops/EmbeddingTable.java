package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

/** torch.nn.Embedding used as a table of learned vectors: a single "weight" of shape (n, dim), init N(0, 1). */
public final class EmbeddingTable extends ShapedBlock {
    private final Parameter weight;

    public EmbeddingTable(int n, int dim) {
        weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(n, dim), new NormalInitializer(1f));
    }

    /** → (n, dim), on the device of {@code like}. */
    public NDArray table(ParameterStore ps, NDArray like, boolean training) {
        return value(ps, weight, like, training);
    }

    public Parameter weight() {
        return weight;
    }
}
