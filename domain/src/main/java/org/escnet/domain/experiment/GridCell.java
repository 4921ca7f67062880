package org.escnet.domain.experiment;

import java.util.Map;

/**
 * One run-to-be of a grid.
 *
 * @param overrides the dotted keys this cell sets on top of the grid's base (axis values, row values, seed)
 * @param config    the fully resolved configuration
 * @param key       hash of {@code config}'s canonical form
 */
public record GridCell(Map<String, Object> overrides, RunConfig config, CellKey key) {
    public GridCell {
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
    }

    /** "model.prompts=points+masks, seed=1": a short human label. */
    public String label() {
        if (overrides.isEmpty()) {
            return "base";
        }
        StringBuilder out = new StringBuilder();
        overrides.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=')
                .append(v instanceof java.util.List || v instanceof Map ? CanonicalJson.write(v) : String.valueOf(v)));
        return out.toString();
    }
}
