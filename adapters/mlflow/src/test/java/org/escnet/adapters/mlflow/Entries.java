package org.escnet.adapters.mlflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.RunEvent;

/** Builds outbox entries for tests with consecutive ids, as the platform writes them. */
final class Entries {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final String gridName;
    private final long gridId;
    private long nextId;

    Entries(String gridName, long gridId, long firstId) {
        this.gridName = gridName;
        this.gridId = gridId;
        this.nextId = firstId;
    }

    OutboxEntry params(long runId, Map<String, String> params) {
        return entry(runId, new OutboxEntry.Params(new LinkedHashMap<>(params)));
    }

    /** {@code count} points of {@code key} at steps {@code firstStep..}, value = step / 1000, one second apart. */
    OutboxEntry metrics(long runId, String key, int firstStep, int count) {
        List<MetricPoint> points = new ArrayList<>();
        for (int step = firstStep; step < firstStep + count; step++) {
            points.add(new MetricPoint(key, step, step / 1000.0, T0.plusSeconds(step)));
        }
        return entry(runId, new OutboxEntry.Metrics(points));
    }

    OutboxEntry event(long runId, String kind, String message) {
        return entry(runId, new OutboxEntry.Event(RunEvent.of(T0.plusSeconds(nextId), kind, message)));
    }

    OutboxEntry artifact(long runId, ArtifactRecord record) {
        return entry(runId, new OutboxEntry.Artifact(record));
    }

    OutboxEntry status(long runId, String status, Instant time) {
        return entry(runId, new OutboxEntry.Status(status, time));
    }

    private OutboxEntry entry(long runId, OutboxEntry.Payload payload) {
        long id = nextId++;
        return new OutboxEntry(id, runId, gridId, gridName, "cell-" + runId, T0.plusMillis(id), payload);
    }
}
