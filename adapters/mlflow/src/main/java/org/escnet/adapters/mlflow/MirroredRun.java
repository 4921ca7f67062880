package org.escnet.adapters.mlflow;

/**
 * The MLflow run that mirrors one ESC-Lab run.
 *
 * <p>{@code deliveredThrough} is the outbox id of the last entry of this run MLflow is known to hold in full; entries
 * up to it are skipped when a restarted relay hands them over again.
 */
final class MirroredRun {
    final String experimentId;
    final String runId;
    final String artifactUri;
    private long deliveredThrough;

    MirroredRun(String experimentId, String runId, String artifactUri, long deliveredThrough) {
        this.experimentId = experimentId;
        this.runId = runId;
        this.artifactUri = artifactUri;
        this.deliveredThrough = deliveredThrough;
    }

    boolean holds(long outboxId) {
        return outboxId <= deliveredThrough;
    }

    void deliveredThrough(long outboxId) {
        deliveredThrough = Math.max(deliveredThrough, outboxId);
    }
}
