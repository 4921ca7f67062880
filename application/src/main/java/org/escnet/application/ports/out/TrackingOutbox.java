package org.escnet.application.ports.out;

import java.util.List;

/** The outbox of tracking records for mirrors; written by the {@link RunTracker} in the same transaction. */
public interface TrackingOutbox {
    /** The oldest undelivered entries, in id order. */
    List<OutboxEntry> pending(int max);

    void markDelivered(List<Long> ids);

    /** Remembers why the entry could not be delivered (it stays pending). */
    void recordFailure(long id, String error);

    long pendingCount();
}
