package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.escnet.application.ports.out.OutboxEntry;

/** Appends payloads to {@code tracking_outbox}; joins the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {
    private final EntityManager em;
    private final Json json;

    @Inject
    public OutboxWriter(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    void add(long runId, OutboxEntry.Payload payload) {
        em.createNativeQuery("INSERT INTO tracking_outbox (run_id, kind, payload) VALUES (?1, ?2, CAST(?3 AS jsonb))")
                .setParameter(1, runId).setParameter(2, OutboxKinds.kindOf(payload))
                .setParameter(3, json.write(payload)).executeUpdate();
    }
}
