package org.escnet.application.services.table;

import java.util.List;
import java.util.Map;

/**
 * One row of an ablation table: a cell (or, with seeds aggregated, a cell over all its seeds).
 *
 * @param key          stable identifier of the row (the cell key, or a hash of the configuration without the seed);
 *                     used to choose the baseline
 * @param label        "model.prompts=points, model.sam-init=none": the differing parameters as text
 * @param parameters   differing parameter key → value (missing key: the run's config has no such key)
 * @param runIds       the runs behind the row, in submission order
 * @param seeds        their seeds
 * @param statusCounts run status → how many runs of the row are in it
 * @param values       metric key → aggregate; absent when no run of the row has the metric yet
 * @param marks        metric key → bold / underline mark
 * @param deltas       metric key → difference to the baseline; empty without a baseline
 * @param baseline     this row is the baseline
 */
public record TableRow(String key, String label, Map<String, String> parameters, List<Long> runIds, List<Long> seeds,
                       Map<String, Long> statusCounts, Map<String, Aggregate> values, Map<String, Mark> marks,
                       Map<String, Delta> deltas, boolean baseline) {

    public Mark mark(String metricKey) {
        return marks.getOrDefault(metricKey, Mark.NONE);
    }

    public Aggregate value(String metricKey) {
        return values.get(metricKey);
    }

    public Delta delta(String metricKey) {
        return deltas.get(metricKey);
    }

    public String parameter(String key) {
        return parameters.get(key);
    }

    /** "2 succeeded, 1 running". */
    public String statusSummary() {
        StringBuilder out = new StringBuilder();
        statusCounts.forEach((status, n) -> out.append(out.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(status.toLowerCase(java.util.Locale.ROOT)));
        return out.toString();
    }
}
