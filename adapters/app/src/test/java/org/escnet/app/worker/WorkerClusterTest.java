package org.escnet.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.escnet.app.Await;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.escnet.application.ports.in.ManageRuns;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.in.SubmitGridCommand;
import org.escnet.application.ports.out.ClaimedRun;
import org.escnet.application.ports.out.RunExecution;
import org.escnet.application.ports.out.RunQueue;
import org.escnet.application.ports.out.RunTracker;
import org.escnet.application.services.worker.DeviceSlot;
import org.escnet.application.services.worker.Worker;
import org.escnet.application.services.worker.WorkerSettings;
import org.junit.jupiter.api.Test;

/**
 * Workers sharing one database, with test doubles of the training engine: exactly-once execution, lease expiry after
 * a worker dies, failures that do not take a worker down, cooperative cancel, and rerun-failed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class WorkerClusterTest {
    @Inject
    SubmitGrid submit;
    @Inject
    ManageRuns manage;
    @Inject
    RunQueue queue;
    @Inject
    RunTracker tracker;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Each test starts and ends with nothing queued, so its workers only see its own grid. */
    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void drainQueue() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE run SET status = 'CANCELLED', failure_reason = 'left over by a test' WHERE status = 'QUEUED'")
                .executeUpdate());
    }

    private long submitGrid(String name, String extra) throws Exception {
        String yaml = "name: " + name + "\nmodel: {preset: escnet-tiny}\n" + extra;
        return submit.submit(new SubmitGridCommand(yaml, null, Files.createTempDirectory("g"), false)).gridId();
    }

    private Worker worker(String id, int slots, RunQueue q, RunExecution engine, Duration lease) throws Exception {
        List<DeviceSlot> s = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            s.add(new DeviceSlot("cpu:" + i, "cpu"));
        }
        Path runs = Files.createTempDirectory("runs");
        return new Worker(new WorkerSettings(id, s, lease, Duration.ofMillis(300), Duration.ofMillis(100), runs), q, tracker,
                Optional.ofNullable(engine), clock);
    }

    private Object single(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult();
    }

    private long count(long gridId, String status) {
        return ((Number) single("SELECT count(*) FROM run WHERE grid_id = ?1 AND status = ?2", gridId, status)).longValue();
    }


    @Test
    void twoWorkersExecuteFiftyRunsExactlyOnce() throws Exception {
        StringBuilder seeds = new StringBuilder("seeds: [");
        for (int i = 0; i < 50; i++) {
            seeds.append(i == 0 ? "" : ", ").append(i);
        }
        long grid = submitGrid("fifty", seeds + "]\n");
        Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perWorker = new ConcurrentHashMap<>();
        RunExecution counting = context -> {
            executions.computeIfAbsent(context.runId(), k -> new AtomicInteger()).incrementAndGet();
            perWorker.computeIfAbsent(context.run().workerId(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(20);
            return RunQueue.Outcome.SUCCEEDED;
        };
        try (Worker a = worker("worker-a", 2, queue, counting, Duration.ofSeconds(30));
             Worker b = worker("worker-b", 2, queue, counting, Duration.ofSeconds(30))) {
            a.start();
            b.start();
            Await.until("50 succeeded runs", () -> count(grid, "SUCCEEDED") == 50);
        }
        assertThat(executions).hasSize(50);
        assertThat(executions.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(perWorker.keySet()).containsExactlyInAnyOrder("worker-a", "worker-b");
        assertThat(((Number) single("SELECT count(*) FROM run WHERE grid_id = ?1 AND attempts = 1", grid)).longValue())
                .isEqualTo(50);
    }

    /** A worker process that dies: from the moment of death it reaches the database no more. */
    static final class DyingQueue implements RunQueue {
        final RunQueue delegate;
        final AtomicBoolean dead = new AtomicBoolean();

        DyingQueue(RunQueue delegate) {
            this.delegate = delegate;
        }

        private void alive() {
            if (dead.get()) {
                throw new IllegalStateException("process killed");
            }
        }

        public Optional<ClaimedRun> claimNext(String w, String d, String k, Duration l) {
            alive();
            return delegate.claimNext(w, d, k, l);
        }

        public boolean renewLease(long id, String w, Duration l) {
            alive();
            return delegate.renewLease(id, w, l);
        }

        public boolean cancelRequested(long id) {
            alive();
            return delegate.cancelRequested(id);
        }

        public CancelResult requestCancel(long id) {
            alive();
            return delegate.requestCancel(id);
        }

        public boolean finish(long id, String w, Outcome o, String r) {
            alive();
            return delegate.finish(id, w, o, r);
        }

        public boolean release(long id, String w) {
            alive();
            return delegate.release(id, w);
        }

        public List<LeaseExpiry> expireLeases() {
            alive();
            return delegate.expireLeases();
        }

        public List<Long> requeueFailed(long g) {
            alive();
            return delegate.requeueFailed(g);
        }
    }

    @Test
    void aDeadWorkersRunIsReclaimedAfterItsLeaseExpires() throws Exception {
        long grid = submitGrid("orphan", "");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        RunExecution hangs = context -> {
            started.countDown();
            never.await();
            return RunQueue.Outcome.SUCCEEDED;
        };
        DyingQueue dying = new DyingQueue(queue);
        Worker doomed = worker("doomed", 1, dying, hangs, Duration.ofSeconds(2));
        doomed.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(single("SELECT worker_id FROM run WHERE grid_id = ?1", grid)).isEqualTo("doomed");
        dying.dead.set(true);

        AtomicInteger executed = new AtomicInteger();
        try (Worker survivor = worker("survivor", 1, queue, context -> {
            executed.incrementAndGet();
            return RunQueue.Outcome.SUCCEEDED;
        }, Duration.ofSeconds(30))) {
            survivor.start();
            Await.until("the orphaned run to succeed elsewhere", () -> count(grid, "SUCCEEDED") == 1);
        } finally {
            never.countDown();
            doomed.stop(1000);
        }
        assertThat(executed.get()).isEqualTo(1);
        Object[] row = (Object[]) single("SELECT worker_id, attempts, id FROM run WHERE grid_id = ?1", grid);
        assertThat(row[0]).isEqualTo("survivor");
        assertThat(((Number) row[1]).intValue()).isEqualTo(2);
        assertThat(((Number) single("SELECT count(*) FROM run_event WHERE run_id = ?1 AND message LIKE ?2",
                ((Number) row[2]).longValue(), "%lease of worker doomed expired%")).longValue()).isEqualTo(1);
    }

    @Test
    void leaseExpiryWithoutAttemptsLeftFailsTheRunWithTheReason() throws Exception {
        long grid = submitGrid("one-attempt", "resources: {max-attempts: 1}\n");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        DyingQueue dying = new DyingQueue(queue);
        Worker doomed = worker("doomed-once", 1, dying, context -> {
            started.countDown();
            never.await();
            return RunQueue.Outcome.SUCCEEDED;
        }, Duration.ofSeconds(1));
        doomed.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        dying.dead.set(true);
        Thread.sleep(1500);
        List<RunQueue.LeaseExpiry> expired = queue.expireLeases();
        never.countDown();
        doomed.stop(1000);
        assertThat(expired).anySatisfy(e -> assertThat(e.requeued()).isFalse());
        assertThat(count(grid, "FAILED")).isEqualTo(1);
        assertThat((String) single("SELECT failure_reason FROM run WHERE grid_id = ?1", grid))
                .contains("lease of worker doomed-once expired").contains("no attempts left");
    }

    @Test
    void withoutAnEngineRunsFailWithAClearReason() throws Exception {
        long grid = submitGrid("no-engine", "axes: {model.prompts: [points, masks]}\n");
        try (Worker w = worker("bare", 1, queue, null, Duration.ofSeconds(30))) {
            w.start();
            Await.until("both runs to fail", () -> count(grid, "FAILED") == 2);
        }
        assertThat((String) single("SELECT DISTINCT failure_reason FROM run WHERE grid_id = ?1", grid))
                .isEqualTo("no training engine installed");
    }

    @Test
    void aThrowingRunFailsAloneAndRerunFailedRequeuesOnlyIt() throws Exception {
        long grid = submitGrid("partly-broken", "axes: {model.prompts: [points, masks, points+masks]}\n");
        RunExecution picky = context -> {
            if (context.run().config().model().prompts().equals("masks")) {
                throw new IllegalStateException("corrupt image shapes/17.png: not a PNG");
            }
            return RunQueue.Outcome.SUCCEEDED;
        };
        try (Worker w = worker("picky", 1, queue, picky, Duration.ofSeconds(30))) {
            w.start();
            Await.until("all three runs to end", () -> count(grid, "SUCCEEDED") + count(grid, "FAILED") == 3);
        }
        assertThat(count(grid, "SUCCEEDED")).isEqualTo(2);
        Object[] failed = (Object[]) single("SELECT id, failure_reason FROM run WHERE grid_id = ?1 AND status = 'FAILED'", grid);
        assertThat((String) failed[1]).isEqualTo("corrupt image shapes/17.png: not a PNG");
        assertThat(((Number) single("SELECT count(*) FROM run_event WHERE run_id = ?1 AND kind = 'error' AND detail LIKE ?2",
                ((Number) failed[0]).longValue(), "%IllegalStateException%")).longValue()).isEqualTo(1);

        List<Long> requeued = manage.rerunFailed(grid);
        assertThat(requeued).containsExactly(((Number) failed[0]).longValue());
        assertThat(count(grid, "QUEUED")).isEqualTo(1);
        assertThat(count(grid, "SUCCEEDED")).isEqualTo(2);
        assertThat(manage.rerunFailed(grid)).isEmpty();
    }

    @Test
    void cancellingARunningRunStopsItCooperatively() throws Exception {
        long grid = submitGrid("cancel-me", "");
        CountDownLatch started = new CountDownLatch(1);
        RunExecution loops = context -> {
            started.countDown();
            while (!context.cancelled()) {
                Thread.sleep(20);
            }
            return RunQueue.Outcome.CANCELLED;
        };
        try (Worker w = worker("canceller", 1, queue, loops, Duration.ofSeconds(30))) {
            w.start();
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            long runId = ((Number) single("SELECT id FROM run WHERE grid_id = ?1", grid)).longValue();
            RunQueue.CancelResult result = manage.cancelRun(runId);
            assertThat(result.immediate()).isFalse();
            assertThat(result.status()).isEqualTo("RUNNING");
            Await.until("the run to stop", () -> count(grid, "CANCELLED") == 1);
        }
    }

    @Test
    void cancellingAQueuedRunIsImmediate() throws Exception {
        long grid = submitGrid("cancel-queued", "");
        long runId = ((Number) single("SELECT id FROM run WHERE grid_id = ?1", grid)).longValue();
        RunQueue.CancelResult result = manage.cancelRun(runId);
        assertThat(result.immediate()).isTrue();
        assertThat(count(grid, "CANCELLED")).isEqualTo(1);
        assertThat(manage.cancelRun(runId).status()).isEqualTo("CANCELLED");
    }
}
