package org.escnet.application.ports.in;

import java.util.List;
import java.util.Map;
import org.escnet.application.ports.out.RunQueries;
import org.escnet.domain.experiment.Run;

/**
 * A run for the API and the run page.
 *
 * @param run      the run (status, attempts, worker, device, reason, timestamps, resolved config)
 * @param gridName its grid's name
 * @param config   the resolved configuration as a sorted tree
 * @param metrics  one summary per metric key
 */
public record RunDetail(Run run, String gridName, Map<String, Object> config, List<RunQueries.MetricSummary> metrics) {
}
