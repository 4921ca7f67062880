package org.escnet.adapters.djl.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Copies tensors into initialised DJL parameters by name. Everything is checked before anything is copied, and
 * every missing, unexpected or mis-shaped tensor is reported in one {@link WeightMismatchException}, so a user
 * fixes a wrong file in one round instead of one tensor at a time.
 *
 * <p>The copy is in place ({@code NDArray.set}), so a parameter keeps its identity, gradient flag and device.
 */
public final class NamedParameterCopier {

    /** What a successful copy did. */
    public record CopyReport(int tensorsCopied, long valuesCopied, List<String> ignored) {
    }

    private NamedParameterCopier() {
    }

    /**
     * @param targets    source tensor name → the parameter that receives it (must be initialised, FLOAT32)
     * @param source     where the tensors come from
     * @param ignorable  source names that are allowed to stay unused (position ids, another tower, ...)
     * @param targetName how error messages name the receiving block, e.g. "CLIP preset clip-vit-b16"
     * @param hint       an extra line appended to a mismatch message (what to do), or null
     * @throws WeightMismatchException listing every problem when the source does not fit
     */
    public static CopyReport copy(Map<String, Parameter> targets, TensorSource source, Predicate<String> ignorable,
                                  String targetName, String hint) {
        List<WeightMismatch> problems = new ArrayList<>();
        Map<String, long[]> expectedShapes = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : targets.entrySet()) {
            Parameter p = e.getValue();
            if (!p.isInitialized()) {
                throw new IllegalStateException("parameter " + p.getName() + " (for tensor '" + e.getKey()
                        + "') is not initialised: call block.initialize(manager, FLOAT32, inputShape) before loading");
            }
            long[] expected = p.getArray().getShape().getShape();
            expectedShapes.put(e.getKey(), expected);
            if (!source.contains(e.getKey())) {
                problems.add(new WeightMismatch(WeightMismatch.Kind.MISSING, e.getKey(), expected, null));
            } else {
                long[] found = source.shape(e.getKey());
                if (!Arrays.equals(expected, found)) {
                    problems.add(new WeightMismatch(WeightMismatch.Kind.WRONG_SHAPE, e.getKey(), expected, found));
                }
            }
        }
        List<String> ignored = new ArrayList<>();
        for (String name : source.names()) {
            if (targets.containsKey(name)) {
                continue;
            }
            if (ignorable.test(name)) {
                ignored.add(name);
            } else {
                problems.add(new WeightMismatch(WeightMismatch.Kind.UNEXPECTED, name, null, source.shape(name)));
            }
        }
        if (!problems.isEmpty()) {
            throw new WeightMismatchException(source.description(), targetName, problems, hint);
        }
        long values = 0;
        for (Map.Entry<String, Parameter> e : targets.entrySet()) {
            NDArray dst = e.getValue().getArray();
            if (dst.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("parameter " + e.getValue().getName() + " is " + dst.getDataType()
                        + ", expected FLOAT32: load weights before casting the block");
            }
            float[] data = source.read(e.getKey()).values();
            dst.set(FloatBuffer.wrap(data));
            values += data.length;
        }
        return new CopyReport(targets.size(), values, List.copyOf(ignored));
    }
}
