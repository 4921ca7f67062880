package org.escnet.adapters.djl.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import org.escnet.adapters.djl.ops.Dense;
import org.escnet.adapters.djl.ops.ShapedBlock;
import org.escnet.adapters.djl.ops.TokenLayerNorm;

/**
 * Eq. 2 in the tied-weight form (ESC-NET-SPEC §2.9b, A3): X_i = LN2d(Conv1x1(2D→D)([X_{i-1}; mean_n K1^n])). The
 * conv starts as "take the class mean" (X half 0, mean half identity, bias 0), so early training behaves like SAM's
 * own chaining of image keys between layers.
 */
public final class ClassAgnosticFusion extends ShapedBlock {
    private final Dense proj;
    private final TokenLayerNorm norm;
    private final int dim;

    public ClassAgnosticFusion(int dim) {
        this.dim = dim;
        proj = addChildBlock("proj", new Dense(2 * dim, dim));
        proj.weight().setInitializer(new MeanPassThrough());
        norm = addChildBlock("norm", new TokenLayerNorm(dim, 1e-6f));
    }

    /** previous (B, HW, D), class mean (B, HW, D) → fused (B, HW, D); the norm over D is LayerNorm2d in token form. */
    public NDArray apply(ParameterStore ps, NDArray previous, NDArray classMean, boolean training) {
        return norm.apply(ps, proj.apply(ps, previous.concat(classMean, -1), training), training);
    }

    /** (D, 2D) weights [0 | I]. */
    private final class MeanPassThrough implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.zeros(new Shape(dim, dim), dataType).concat(manager.eye(dim).toType(dataType, false), 1);
        }
    }
}
