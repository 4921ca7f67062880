package org.escnet.adapters.djl.escnet;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.escnet.adapters.djl.ops.ParameterPaths;

/** Learnable-value counts from declared shapes (no allocation needed); constants (buffers) are left out. */
public final class ParameterCounts {
    private ParameterCounts() {
    }

    /** Every learnable value under {@code block}. */
    public static long learnable(Block block) {
        return learnable(block, "");
    }

    /** Learnable values whose dotted path under {@code block} starts with {@code prefix}. */
    public static long learnable(Block block, String prefix) {
        long total = 0;
        for (Map.Entry<String, Parameter> e : ParameterPaths.of(block).entrySet()) {
            if (e.getKey().startsWith(prefix) && !ParameterPaths.isBuffer(block, e.getValue())) {
                total += e.getValue().getShape().size();
            }
        }
        return total;
    }

    /** Values of constants kept as frozen parameters (SAM's gaussian PE matrix), reported apart. */
    public static long constants(Block block) {
        long total = 0;
        for (Parameter p : ParameterPaths.of(block).values()) {
            if (ParameterPaths.isBuffer(block, p)) {
                total += p.getShape().size();
            }
        }
        return total;
    }
}
