package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escnet.application.ports.out.ClaimedRun;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunQueue;
import org.escnet.domain.experiment.IllegalTransitionException;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunStatus;

/**
 * The run queue in PostgreSQL. A claim is one {@code UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)}, so
 * concurrent workers on any number of machines never claim the same run; a lease limits how long a claim lasts
 * without a heartbeat. Every other transition is computed by the domain {@link Run} and written only if the row is
 * still in the state it was read in.
 */
@ApplicationScoped
public class PostgresRunQueue implements RunQueue {
    private final EntityManager em;
    private final RunRows rows;
    private final PostgresRunTracker tracker;
    private final Clock clock;

    @Inject
    public PostgresRunQueue(EntityManager em, RunRows rows, PostgresRunTracker tracker, Clock clock) {
        this.em = em;
        this.rows = rows;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<ClaimedRun> claimNext(String workerId, String device, String deviceKind, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Number> claimed = em.createNativeQuery(
                        "UPDATE run SET status = 'RUNNING', attempts = attempts + 1, worker_id = ?1, device = ?2, "
                                + "lease_until = now() + CAST(?3 AS bigint) * interval '1 millisecond', started_at = now(), "
                                + "finished_at = NULL, failure_reason = NULL "
                                + "WHERE id = (SELECT id FROM run WHERE status = 'QUEUED' AND NOT cancel_requested "
                                + "AND device_kind IN ('any', ?4) ORDER BY priority DESC, id FOR UPDATE SKIP LOCKED LIMIT 1) "
                                + "RETURNING id")
                .setParameter(1, workerId).setParameter(2, device).setParameter(3, lease.toMillis())
                .setParameter(4, deviceKind).getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        long id = claimed.get(0).longValue();
        RunEntity entity = RunEntity.findById(id);
        em.refresh(entity);
        tracker.statusChanged(id, RunStatus.RUNNING.name(), clock.instant());
        return Optional.of(new ClaimedRun(rows.toRun(entity), device));
    }

    @Override
    @Transactional
    public boolean renewLease(long runId, String workerId, Duration lease) {
        return em.createNativeQuery("UPDATE run SET lease_until = now() + CAST(?3 AS bigint) * interval '1 millisecond' "
                        + "WHERE id = ?1 AND worker_id = ?2 AND status = 'RUNNING'")
                .setParameter(1, runId).setParameter(2, workerId).setParameter(3, lease.toMillis())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public boolean cancelRequested(long runId) {
        @SuppressWarnings("unchecked")
        List<Boolean> flags = em.createNativeQuery("SELECT cancel_requested FROM run WHERE id = ?1")
                .setParameter(1, runId).getResultList();
        return !flags.isEmpty() && Boolean.TRUE.equals(flags.get(0));
    }

    @Override
    @Transactional
    public CancelResult requestCancel(long runId) {
        RunEntity entity = lock(runId);
        if (entity == null) {
            return new CancelResult(false, null, false);
        }
        Run run = rows.toRun(entity);
        switch (run.status()) {
            case QUEUED -> {
                Run next = run.cancel(clock.instant());
                rows.copyState(next, entity);
                recordStatus(runId, next.status(), "cancelled before it started");
                return new CancelResult(true, next.status().name(), true);
            }
            case RUNNING -> {
                entity.cancelRequested = true;
                tracker.logEvent(runId, RunEvent.of(clock.instant(), "info", "cancel requested; the run stops at its "
                        + "next check and keeps its checkpoint"));
                return new CancelResult(true, run.status().name(), false);
            }
            default -> {
                return new CancelResult(true, run.status().name(), false);
            }
        }
    }

    @Override
    @Transactional
    public boolean finish(long runId, String workerId, Outcome outcome, String reason) {
        RunEntity entity = lock(runId);
        if (entity == null || !RunStatus.RUNNING.name().equals(entity.status) || !workerId.equals(entity.workerId)) {
            return false;
        }
        Run run = rows.toRun(entity);
        Instant now = clock.instant();
        Run next = switch (outcome) {
            case SUCCEEDED -> run.succeed(now);
            case FAILED -> run.fail(reason == null ? "failed" : reason, now);
            case CANCELLED -> run.cancel(now);
        };
        rows.copyState(next, entity);
        entity.cancelRequested = false;
        recordStatus(runId, next.status(), outcome == Outcome.FAILED ? "failed: " + next.failureReason()
                : next.status().name().toLowerCase());
        return true;
    }

    @Override
    @Transactional
    public boolean release(long runId, String workerId) {
        RunEntity entity = lock(runId);
        if (entity == null || !RunStatus.RUNNING.name().equals(entity.status) || !workerId.equals(entity.workerId)) {
            return false;
        }
        // A clean shutdown is not a failed attempt: give the attempt back.
        entity.status = RunStatus.QUEUED.name();
        entity.attempts = Math.max(0, entity.attempts - 1);
        entity.workerId = null;
        entity.device = null;
        entity.leaseUntil = null;
        entity.startedAt = null;
        recordStatus(runId, RunStatus.QUEUED, "released by worker " + workerId + " at shutdown; it resumes on the next claim");
        return true;
    }

    @Override
    @Transactional
    public List<LeaseExpiry> expireLeases() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM run WHERE status = 'RUNNING' AND lease_until < now() "
                + "ORDER BY id FOR UPDATE SKIP LOCKED").getResultList();
        List<LeaseExpiry> out = new ArrayList<>();
        for (Number id : ids) {
            RunEntity entity = RunEntity.findById(id.longValue());
            Run run = rows.toRun(entity);
            String worker = run.workerId();
            Run next = entity.cancelRequested ? run.cancel(clock.instant()) : run.leaseExpired(clock.instant());
            rows.copyState(next, entity);
            recordStatus(run.id(), next.status(), next.status() == RunStatus.QUEUED
                    ? "lease of worker " + worker + " expired; re-queued (attempt " + run.attempts() + " of "
                    + run.maxAttempts() + " used)" : next.status() == RunStatus.CANCELLED ? "cancelled (its worker vanished)"
                    : next.failureReason());
            out.add(new LeaseExpiry(run.id(), worker, next.status() == RunStatus.QUEUED, run.attempts()));
        }
        return out;
    }

    @Override
    @Transactional
    public List<Long> requeueFailed(long gridId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM run WHERE grid_id = ?1 AND status IN ('FAILED', 'CANCELLED') "
                + "ORDER BY id FOR UPDATE").setParameter(1, gridId).getResultList();
        List<Long> out = new ArrayList<>();
        for (Number id : ids) {
            RunEntity entity = RunEntity.findById(id.longValue());
            Run next;
            try {
                next = rows.toRun(entity).requeue();
            } catch (IllegalTransitionException e) {
                continue;
            }
            rows.copyState(next, entity);
            recordStatus(next.id(), RunStatus.QUEUED, "re-queued by rerun-failed");
            out.add(next.id());
        }
        return out;
    }

    private RunEntity lock(long runId) {
        RunEntity entity = em.find(RunEntity.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entity != null) {
            em.refresh(entity);
        }
        return entity;
    }

    private void recordStatus(long runId, RunStatus status, String message) {
        Instant now = clock.instant();
        tracker.logEvent(runId, RunEvent.of(now, "status", status.name() + ": " + message));
        tracker.statusChanged(runId, status.name(), now);
    }
}
