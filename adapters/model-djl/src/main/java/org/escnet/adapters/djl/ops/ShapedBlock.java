package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.HashSet;
import java.util.Set;

/**
 * A block whose parameters all have shapes fixed at construction, so it initialises without shape inference: every
 * child gets the same (ignored) input shape. Constants that travel with the weights (SAM's gaussian PE matrix) are
 * registered as buffers: frozen parameters that parameter counts report apart.
 */
public abstract class ShapedBlock extends AbstractBlock {

    private final Set<Parameter> buffers = new HashSet<>();

    protected Parameter parameter(String name, Parameter.Type type, Shape shape, Initializer initializer) {
        return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
                .optInitializer(initializer).build());
    }

    /** A frozen constant saved with the weights but not counted as a learnable parameter. */
    protected Parameter buffer(String name, Shape shape, Initializer initializer) {
        Parameter p = addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(shape)
                .optInitializer(initializer).optRequiresGrad(false).build());
        buffers.add(p);
        return p;
    }

    /** True for constants registered with {@link #buffer}. */
    public boolean isBuffer(Parameter p) {
        return buffers.contains(p);
    }

    /** Initialises every parameter of this block and its children (input shapes are irrelevant here). */
    public void initializeAll(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** The value of a direct parameter for this pass (on the input's device). */
    protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " is called through its typed method, not through forward(NDList)");
    }
}
