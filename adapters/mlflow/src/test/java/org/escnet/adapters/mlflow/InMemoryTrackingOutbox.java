package org.escnet.adapters.mlflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingOutbox;

/** The outbox in memory: entries wait in id order until marked delivered; it remembers every marking. */
final class InMemoryTrackingOutbox implements TrackingOutbox {
    private final TreeMap<Long, OutboxEntry> pending = new TreeMap<>();
    private final List<Long> deliveredInOrder = new ArrayList<>();
    private final Map<Long, String> failures = new HashMap<>();

    synchronized void add(OutboxEntry entry) {
        if (pending.containsKey(entry.id()) || deliveredInOrder.contains(entry.id())) {
            throw new IllegalArgumentException("outbox id " + entry.id() + " is already used");
        }
        pending.put(entry.id(), entry);
    }

    @Override
    public synchronized List<OutboxEntry> pending(int max) {
        return pending.values().stream().limit(max).toList();
    }

    @Override
    public synchronized void markDelivered(List<Long> ids) {
        for (Long id : ids) {
            if (pending.remove(id) == null) {
                throw new IllegalStateException("outbox entry " + id + " was marked delivered but is not pending");
            }
            deliveredInOrder.add(id);
            failures.remove(id);
        }
    }

    @Override
    public synchronized void recordFailure(long id, String error) {
        failures.put(id, error);
    }

    @Override
    public synchronized long pendingCount() {
        return pending.size();
    }

    synchronized List<Long> deliveredInOrder() {
        return List.copyOf(deliveredInOrder);
    }

    synchronized Map<Long, String> failures() {
        return Map.copyOf(failures);
    }
}
