package org.escnet.application.ports.out;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The queue of runs, shared by every worker on one database. Claims are exclusive ({@code FOR UPDATE SKIP LOCKED}) and
 * time-limited: a worker keeps a run by renewing its lease; an expired lease puts the run back in the queue.
 */
public interface RunQueue {
    /**
     * Claims the highest-priority queued run that can use a device of {@code deviceKind} ("cpu" or "gpu"), marks it
     * RUNNING with attempts + 1, worker and device recorded, and a lease of {@code lease}.
     */
    Optional<ClaimedRun> claimNext(String workerId, String device, String deviceKind, Duration lease);

    /** Extends the lease; false when the run is no longer this worker's (re-claimed, finished, or deleted). */
    boolean renewLease(long runId, String workerId, Duration lease);

    /** True when someone asked to cancel this run. */
    boolean cancelRequested(long runId);

    /** Asks a running run to stop; a queued run is cancelled at once. Returns the status after the request. */
    CancelResult requestCancel(long runId);

    /** Finishes a run this worker holds. False when the worker no longer holds it (its result is then discarded). */
    boolean finish(long runId, String workerId, Outcome outcome, String reason);

    /**
     * Gives a run back to the queue without counting the attempt (the worker is shutting down cleanly and the run
     * stopped at a checkpoint). False when the worker no longer holds it.
     */
    boolean release(long runId, String workerId);

    /**
     * Re-queues RUNNING runs whose lease expired (attempts left) or fails them (none left, reason recorded).
     * Returns the ids that changed and how.
     */
    List<LeaseExpiry> expireLeases();

    /** FAILED/CANCELLED runs of a grid back to QUEUED with a fresh attempt budget; returns their ids. */
    List<Long> requeueFailed(long gridId);

    enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    record LeaseExpiry(long runId, String workerId, boolean requeued, int attempts) {
    }

    record CancelResult(boolean found, String status, boolean immediate) {
    }
}
