package org.escnet.adapters.mlflow;

import java.util.List;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingMirror;
import org.escnet.application.ports.out.TrackingOutbox;

/**
 * What the platform's relay does, reduced to rounds a test can count: take the oldest pending entries, deliver,
 * mark the delivered prefix, record why the next one was not delivered.
 */
final class RelayLoop {
    private final TrackingOutbox outbox;
    private final TrackingMirror mirror;
    private final int batchSize;
    private int unavailableRounds;

    RelayLoop(TrackingOutbox outbox, TrackingMirror mirror, int batchSize) {
        this.outbox = outbox;
        this.mirror = mirror;
        this.batchSize = batchSize;
    }

    /** One round; returns how many entries were delivered (0 when the mirror was unavailable). */
    int round() {
        List<OutboxEntry> batch = outbox.pending(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        int delivered;
        try {
            delivered = mirror.deliver(batch);
        } catch (TrackingMirror.MirrorUnavailableException e) {
            outbox.recordFailure(batch.get(0).id(), e.getMessage());
            unavailableRounds++;
            return 0;
        }
        outbox.markDelivered(batch.subList(0, delivered).stream().map(OutboxEntry::id).toList());
        if (delivered < batch.size()) {
            outbox.recordFailure(batch.get(delivered).id(), "not accepted by " + mirror.name());
        }
        return delivered;
    }

    /** Rounds until the outbox is empty, at most {@code maxRounds}; returns the rounds used. */
    int drain(int maxRounds) {
        for (int round = 1; round <= maxRounds; round++) {
            round();
            if (outbox.pendingCount() == 0) {
                return round;
            }
        }
        throw new AssertionError(outbox.pendingCount() + " entries still pending after " + maxRounds + " rounds");
    }

    int unavailableRounds() {
        return unavailableRounds;
    }
}
