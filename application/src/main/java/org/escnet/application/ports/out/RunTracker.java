package org.escnet.application.ports.out;

import java.util.List;
import java.util.Map;

/**
 * Records what a run does. PostgreSQL is the source of truth; the implementation also queues every record for
 * mirrors (MLflow) in an outbox, so a slow or absent mirror never slows a run.
 */
public interface RunTracker {
    void logParams(long runId, Map<String, String> params);

    void logMetrics(long runId, List<MetricPoint> points);

    void logEvent(long runId, RunEvent event);

    void logArtifact(long runId, ArtifactRecord artifact);

    default void logMetric(long runId, MetricPoint point) {
        logMetrics(runId, List.of(point));
    }
}
