package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingOutbox;

/** The outbox table, read oldest first. */
@ApplicationScoped
public class PostgresTrackingOutbox implements TrackingOutbox {
    private final EntityManager em;
    private final Json json;

    @Inject
    public PostgresTrackingOutbox(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    @Override
    @Transactional
    public List<OutboxEntry> pending(int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT o.id, o.run_id, r.grid_id, g.name, r.cell_label, o.created_at, "
                        + "o.kind, CAST(o.payload AS text) FROM tracking_outbox o JOIN run r ON r.id = o.run_id "
                        + "JOIN grid g ON g.id = r.grid_id WHERE o.delivered_at IS NULL ORDER BY o.id LIMIT ?1")
                .setParameter(1, max).getResultList();
        List<OutboxEntry> out = new ArrayList<>(result.size());
        for (Object[] row : result) {
            OutboxEntry.Payload payload = json.read((String) row[7], OutboxKinds.typeOf((String) row[6]));
            out.add(new OutboxEntry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), (String) row[3], (String) row[4], toInstant(row[5]), payload));
        }
        return out;
    }

    static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    @Override
    @Transactional
    public void markDelivered(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE tracking_outbox SET delivered_at = now() WHERE id = ANY(CAST(?1 AS bigint[]))")
                .setParameter(1, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
                .executeUpdate();
    }

    @Override
    @Transactional
    public void recordFailure(long id, String error) {
        em.createNativeQuery("UPDATE tracking_outbox SET failures = failures + 1, last_error = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, error == null ? "" : error).executeUpdate();
    }

    @Override
    @Transactional
    public long pendingCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM tracking_outbox WHERE delivered_at IS NULL")
                .getSingleResult()).longValue();
    }
}
