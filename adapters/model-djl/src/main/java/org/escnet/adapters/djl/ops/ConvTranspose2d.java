package org.escnet.adapters.djl.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * torch.nn.ConvTranspose2d for kernel = stride (no overlap), which DJL's PyTorch engine does not implement. Each input
 * pixel scatters one k×k patch, so the op is a matmul followed by a pixel shuffle. Weight layout (in, out, k, k) as in
 * torch.
 */
public final class ConvTranspose2d extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int in;
    private final int out;
    private final int k;

    public ConvTranspose2d(int in, int out, int kernelAndStride) {
        this.in = in;
        this.out = out;
        this.k = kernelAndStride;
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(in, out, k, k),
                new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2));
        this.bias = parameter("bias", Parameter.Type.BIAS, new Shape(out), Initializer.ZEROS);
    }

    /** (N, in, H, W) → (N, out, kH, kW). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return apply(x, value(ps, weight, x, training), value(ps, bias, x, training), k);
    }

    /** The same without the bias, for a caller that folds the bias into a later linear step: (N, in, H, W) → (N, out, kH, kW). */
    public NDArray applyWithoutBias(ParameterStore ps, NDArray x, boolean training) {
        return apply(x, value(ps, weight, x, training), null, k);
    }

    /** The bias (out) for this pass. */
    public NDArray biasValue(ParameterStore ps, NDArray like, boolean training) {
        return value(ps, bias, like, training);
    }

    /** Functional form: x (N, Ci, H, W), w (Ci, Co, k, k), b (Co) → (N, Co, kH, kW). */
    public static NDArray apply(NDArray x, NDArray w, NDArray b, int k) {
        Shape s = x.getShape();
        long n = s.get(0);
        long ci = s.get(1);
        long h = s.get(2);
        long wd = s.get(3);
        long co = w.getShape().get(1);
        NDArray cols = w.reshape(ci, co * k * k).transpose().matMul(x.reshape(n, ci, h * wd)); // (N, Co·k·k, HW)
        NDArray y = cols.reshape(n, co, k, k, h, wd).transpose(0, 1, 4, 2, 5, 3).reshape(n, co, h * k, wd * k);
        return b == null ? y : y.add(b.reshape(1, co, 1, 1));
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }
}
