package org.escnet.application.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read models for the API and the dashboard; computed by the database, page by page. */
public interface RunQueries {
    /** Metric series of a run, ordered by step. */
    List<MetricPoint> metricSeries(long runId, String key, int maxPoints);

    /** Every metric key a run has, with its count, last value, min and max. */
    List<MetricSummary> metricSummaries(long runId);

    /** Newest first. */
    Page<RunEvent> events(long runId, PageRequest page);

    List<ArtifactRecord> artifacts(long runId);

    /**
     * One row per run of a grid with its cell overrides and the last value of every metric whose key starts with one
     * of {@code metricPrefixes} (e.g. {@code eval/}, {@code cost/}): what an ablation table needs, a page at a time.
     */
    Page<CellResult> cellResults(long gridId, List<String> metricPrefixes, PageRequest page);

    /** When the grid's first run started and its last finished, for elapsed and remaining-time estimates. */
    Optional<GridTiming> timing(long gridId);

    record MetricSummary(String key, long count, double last, double min, double max, long lastStep) {
    }

    /** {@code params} is the flattened resolved configuration (dotted key → text), as trackers log it. */
    record CellResult(long runId, String cellKey, String cellLabel, Map<String, Object> overrides,
                      Map<String, String> params, long seed, String status, Map<String, Double> metrics) {
    }

    record GridTiming(Instant firstStarted, Instant lastFinished, double meanRunSeconds, long finishedRuns) {
    }
}
