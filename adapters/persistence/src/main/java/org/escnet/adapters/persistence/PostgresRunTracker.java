package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunTracker;
import org.hibernate.Session;

/**
 * Tracking in PostgreSQL. When a mirror is configured ({@code escnet.mlflow.tracking-uri}), every record is also put in
 * the outbox in the same transaction, so the mirror receives exactly what the database holds.
 */
@ApplicationScoped
public class PostgresRunTracker implements RunTracker {
    private final EntityManager em;
    private final OutboxWriter outbox;
    private final boolean mirrored;

    @Inject
    public PostgresRunTracker(EntityManager em, OutboxWriter outbox,
                              @ConfigProperty(name = "escnet.mlflow.tracking-uri") Optional<String> mirror) {
        this.em = em;
        this.outbox = outbox;
        this.mirrored = mirror.filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    @Transactional
    public void logParams(long runId, Map<String, String> params) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            em.createNativeQuery("INSERT INTO run_param (run_id, key, value) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (run_id, key) DO UPDATE SET value = EXCLUDED.value")
                    .setParameter(1, runId).setParameter(2, p.getKey()).setParameter(3, p.getValue()).executeUpdate();
        }
        if (mirrored) {
            outbox.add(runId, new OutboxEntry.Params(params));
        }
    }

    @Override
    @Transactional
    public void logMetrics(long runId, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        // One JDBC batch for the whole list: training logs many points at once.
        em.unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO run_metric (run_id, key, step, value, time) VALUES (?, ?, ?, ?, ?)")) {
                for (MetricPoint p : points) {
                    if (!Double.isFinite(p.value())) {
                        throw new IllegalArgumentException("metric " + p.key() + " at step " + p.step()
                                + " is " + p.value() + "; only finite values are recorded");
                    }
                    statement.setLong(1, runId);
                    statement.setString(2, p.key());
                    statement.setLong(3, p.step());
                    statement.setDouble(4, p.value());
                    statement.setTimestamp(5, Timestamp.from(p.time()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
        if (mirrored) {
            outbox.add(runId, new OutboxEntry.Metrics(points));
        }
    }

    @Override
    @Transactional
    public void logEvent(long runId, RunEvent event) {
        em.createNativeQuery("INSERT INTO run_event (run_id, time, kind, message, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, runId).setParameter(2, event.time()).setParameter(3, event.kind())
                .setParameter(4, event.message()).setParameter(5, event.detail()).executeUpdate();
        if (mirrored) {
            outbox.add(runId, new OutboxEntry.Event(event));
        }
    }

    @Override
    @Transactional
    public void logArtifact(long runId, ArtifactRecord artifact) {
        em.createNativeQuery("INSERT INTO run_artifact (run_id, path, file, media_type, size_bytes, sha256) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (run_id, path) DO UPDATE SET file = EXCLUDED.file, "
                        + "media_type = EXCLUDED.media_type, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256")
                .setParameter(1, runId).setParameter(2, artifact.path()).setParameter(3, artifact.file())
                .setParameter(4, artifact.mediaType()).setParameter(5, artifact.sizeBytes())
                .setParameter(6, artifact.sha256()).executeUpdate();
        if (mirrored) {
            outbox.add(runId, new OutboxEntry.Artifact(artifact));
        }
    }

    /** Status changes are written by the queue; mirrors learn of them through the outbox too. */
    void statusChanged(long runId, String status, java.time.Instant time) {
        if (mirrored) {
            outbox.add(runId, new OutboxEntry.Status(status, time));
        }
    }
}
