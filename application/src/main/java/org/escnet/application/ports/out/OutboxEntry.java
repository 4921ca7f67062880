package org.escnet.application.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tracking record waiting to be mirrored, in the order it was written. Entries of one run must be delivered in
 * {@link #id()} order.
 *
 * @param id       position in the outbox
 * @param runId    ESC-Lab run id
 * @param gridId   its grid
 * @param gridName its grid's name (the mirror's experiment)
 * @param runName  a short name for the run (cell label)
 * @param payload  what to deliver
 */
public record OutboxEntry(long id, long runId, long gridId, String gridName, String runName, Instant createdAt,
                          Payload payload) {

    /** What an outbox entry carries. */
    public sealed interface Payload permits Params, Metrics, Event, Artifact, Status {
    }

    public record Params(Map<String, String> params) implements Payload {
    }

    public record Metrics(List<MetricPoint> points) implements Payload {
    }

    public record Event(RunEvent event) implements Payload {
    }

    public record Artifact(ArtifactRecord artifact) implements Payload {
    }

    /** The run's status changed; a terminal status ends the mirrored run. */
    public record Status(String status, Instant time) implements Payload {
    }
}
