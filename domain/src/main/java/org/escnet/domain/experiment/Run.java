package org.escnet.domain.experiment;

import java.time.Instant;

/**
 * A run: one cell of a grid on its way through QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED. It owns its state
 * machine; every transition is a method that refuses an illegal move with {@link IllegalTransitionException}.
 * Instances are immutable snapshots: a transition returns the next state.
 *
 * <p>{@code overrides} are the dotted keys the cell sets on top of its grid's base (what distinguishes it in a table).
 */
public record Run(
        long id,
        long gridId,
        CellKey cellKey,
        String cellLabel,
        java.util.Map<String, Object> overrides,
        RunConfig config,
        RunStatus status,
        int attempts,
        int maxAttempts,
        String workerId,
        String device,
        String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** A new queued run for a cell. */
    public static Run queued(long gridId, GridCell cell, Instant now) {
        return new Run(0, gridId, cell.key(), cell.label(), cell.overrides(), cell.config(), RunStatus.QUEUED, 0,
                cell.config().resources().maxAttempts(), null, null, null, now, null, null);
    }

    /** A worker claimed it: the attempt counter counts starts. */
    public Run start(String worker, String onDevice, Instant now) {
        check(RunStatus.RUNNING);
        if (status == RunStatus.RUNNING) {
            throw new IllegalTransitionException(id, status, RunStatus.RUNNING);
        }
        return with(RunStatus.RUNNING, attempts + 1, worker, onDevice, null, now, null);
    }

    public Run succeed(Instant now) {
        if (status != RunStatus.RUNNING) {
            throw new IllegalTransitionException(id, status, RunStatus.SUCCEEDED);
        }
        return with(RunStatus.SUCCEEDED, attempts, workerId, device, null, startedAt, now);
    }

    public Run fail(String reason, Instant now) {
        check(RunStatus.FAILED);
        return with(RunStatus.FAILED, attempts, workerId, device, reason, startedAt, now);
    }

    public Run cancel(Instant now) {
        check(RunStatus.CANCELLED);
        return with(RunStatus.CANCELLED, attempts, workerId, device, "cancelled", startedAt, now);
    }

    /**
     * The worker's lease ran out (it died or lost the database): back to the queue while attempts remain, else failed
     * with the reason recorded.
     */
    public Run leaseExpired(Instant now) {
        if (status != RunStatus.RUNNING) {
            throw new IllegalTransitionException(id, status, RunStatus.QUEUED);
        }
        if (attempts >= maxAttempts) {
            return with(RunStatus.FAILED, attempts, workerId, device, "lease of worker " + workerId + " expired on attempt "
                    + attempts + " of " + maxAttempts + "; no attempts left", startedAt, now);
        }
        return with(RunStatus.QUEUED, attempts, null, null, null, null, null);
    }

    /** "Rerun failed": a failed or cancelled run goes back to the queue with a fresh attempt budget. */
    public Run requeue() {
        if (status != RunStatus.FAILED && status != RunStatus.CANCELLED) {
            throw new IllegalTransitionException(id, status, RunStatus.QUEUED);
        }
        return new Run(id, gridId, cellKey, cellLabel, overrides, config, RunStatus.QUEUED, 0, maxAttempts, null, null, null,
                createdAt, null, null);
    }

    public Run withId(long newId) {
        return new Run(newId, gridId, cellKey, cellLabel, overrides, config, status, attempts, maxAttempts, workerId, device,
                failureReason, createdAt, startedAt, finishedAt);
    }

    private void check(RunStatus next) {
        if (!status.successors().contains(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
    }

    private Run with(RunStatus next, int newAttempts, String worker, String onDevice, String reason, Instant started,
                     Instant finished) {
        return new Run(id, gridId, cellKey, cellLabel, overrides, config, next, newAttempts, maxAttempts, worker, onDevice, reason,
                createdAt, started, finished);
    }
}
