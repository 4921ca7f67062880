package org.escnet.adapters.djl.ops;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dotted, torch-style names of a block tree's parameters ("sam_blocks.0.self_attn.q_proj.weight"). DJL prefixes child
 * names with a two-digit index ("01self_attn"); these names drop it, so they match checkpoint keys and stay stable
 * when a sibling is added.
 */
public final class ParameterPaths {
    private ParameterPaths() {
    }

    /** Every parameter of the tree under {@code root}, in registration order. */
    public static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    /** True when {@code p} is a constant registered as a buffer by its owning block under {@code root}. */
    public static boolean isBuffer(Block root, Parameter p) {
        if (root instanceof ShapedBlock sb && sb.isBuffer(p)) {
            return true;
        }
        for (Block child : root.getChildren().values()) {
            if (isBuffer(child, p)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + stripIndex(child.getKey()) + ".", out);
        }
    }

    private static String stripIndex(String childName) {
        return childName.length() > 2 && Character.isDigit(childName.charAt(0)) && Character.isDigit(childName.charAt(1))
                ? childName.substring(2) : childName;
    }
}
