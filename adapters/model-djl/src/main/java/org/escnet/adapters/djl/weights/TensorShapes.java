package org.escnet.adapters.djl.weights;

import java.util.Arrays;

/** Small arithmetic on tensor shapes given as {@code long[]}, written the way error messages print them. */
public final class TensorShapes {

    private TensorShapes() {
    }

    /** @return the number of elements; 1 for a scalar ({@code []}) */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** @return {@code [a, b, c]}, the notation of PyTorch and of every error message in this package */
    public static String format(long[] shape) {
        return Arrays.toString(shape);
    }
}
