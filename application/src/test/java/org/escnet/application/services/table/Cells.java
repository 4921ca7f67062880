package org.escnet.application.services.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.escnet.application.ports.out.RunQueries.CellResult;

/** Hand-written per-run results for table tests. */
final class Cells {
    private Cells() {
    }

    /** A run of a cell that sets {@code model.prompts} with a seed; metrics as alternating key, value pairs. */
    static CellResult run(long id, String prompts, long seed, String status, Object... metrics) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        // Seed first on purpose: the table must still print it after the ablated parameters.
        overrides.put("seed", seed);
        overrides.put("model.prompts", prompts);
        Map<String, String> params = new TreeMap<>();
        params.put("model.prompts", prompts);
        params.put("model.sam-init", "pretrained");
        params.put("eval.benchmarks", "[\"ade150\",\"pc59\"]");
        params.put("seed", Long.toString(seed));
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.length; i += 2) {
            values.put((String) metrics[i], ((Number) metrics[i + 1]).doubleValue());
        }
        return new CellResult(id, "key-" + prompts + "-" + seed, "model.prompts=" + prompts + ", seed=" + seed,
                overrides, params, seed, status, values);
    }
}
