package org.escnet.application.services.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.escnet.application.ports.out.ClaimedRun;
import org.escnet.application.ports.out.RunContext;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunExecution;
import org.escnet.application.ports.out.RunQueue;
import org.escnet.application.ports.out.RunTracker;

/**
 * A worker: one thread per device slot claiming runs from the shared queue, and one heartbeat thread that renews the
 * leases of the runs it executes, relays cancel requests and returns other workers' expired runs to the queue.
 *
 * <p>A run that throws is marked FAILED with the exception's message and never takes the worker down. Without an
 * installed {@link RunExecution}, a claimed run fails at once with the reason "no training engine installed": the
 * product never pretends to train.
 */
public final class Worker implements AutoCloseable {
    public static final String NO_ENGINE = "no training engine installed";
    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    private final WorkerSettings settings;
    private final RunQueue queue;
    private final RunTracker tracker;
    private final Optional<RunExecution> engine;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object idle = new Object();
    private CountDownLatch stopped;

    /** A run this worker is executing, and whether it should stop. */
    private static final class ActiveRun {
        volatile boolean cancelRequested;
        volatile boolean leaseLost;
    }

    public Worker(WorkerSettings settings, RunQueue queue, RunTracker tracker, Optional<RunExecution> engine, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.tracker = tracker;
        this.engine = engine;
        this.clock = clock;
    }

    public synchronized void start() {
        if (stopped != null) {
            throw new IllegalStateException("worker " + settings.workerId() + " already started");
        }
        stopped = new CountDownLatch(settings.slots().size() + 1);
        for (DeviceSlot slot : settings.slots()) {
            threads.add(thread("escnet-slot-" + slot.device(), () -> slotLoop(slot)));
        }
        threads.add(thread("escnet-heartbeat", this::heartbeatLoop));
        threads.forEach(Thread::start);
        LOG.info(() -> "worker " + settings.workerId() + " started with slots " + settings.slots().stream()
                .map(DeviceSlot::device).toList() + (engine.isPresent() ? "" : " (" + NO_ENGINE + ")"));
    }

    /** Wakes idle slots so they look at the queue now (a grid was just submitted). */
    public void nudge() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    public String workerId() {
        return settings.workerId();
    }

    public List<DeviceSlot> slots() {
        return settings.slots();
    }

    /** Runs currently executing here. */
    public int activeRuns() {
        return active.size();
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                stopped.countDown();
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private void slotLoop(DeviceSlot slot) {
        while (!stopping.get()) {
            Optional<ClaimedRun> claimed;
            try {
                claimed = queue.claimNext(settings.workerId(), slot.device(), slot.kind(), settings.lease());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot claim a run on " + slot.device() + ": " + e.getMessage());
                pause(settings.poll().toMillis() * 4);
                continue;
            }
            if (claimed.isEmpty()) {
                pause(settings.poll().toMillis());
                continue;
            }
            execute(claimed.get());
        }
    }

    private void execute(ClaimedRun claimed) {
        long runId = claimed.run().id();
        ActiveRun state = new ActiveRun();
        active.put(runId, state);
        RunQueue.Outcome outcome;
        String reason = null;
        try {
            tracker.logEvent(runId, RunEvent.of(clock.instant(), "status", "RUNNING on " + settings.workerId() + " "
                    + claimed.device() + " (attempt " + claimed.run().attempts() + " of " + claimed.run().maxAttempts() + ")"));
            tracker.logParams(runId, claimed.run().config().flatten());
            if (engine.isEmpty()) {
                outcome = RunQueue.Outcome.FAILED;
                reason = NO_ENGINE;
            } else {
                Path workDir = settings.runsDir().resolve(Long.toString(runId));
                Files.createDirectories(workDir);
                RunContext context = new RunContext(claimed.run(), claimed.device(), tracker, workDir,
                        () -> stopping.get() || state.leaseLost || state.cancelRequested);
                outcome = engine.get().execute(context);
                if (outcome == RunQueue.Outcome.CANCELLED && !state.cancelRequested) {
                    outcome = null; // stopped for shutdown or a lost lease: not the user's cancel
                }
            }
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            outcome = RunQueue.Outcome.FAILED;
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                tracker.logEvent(runId, RunEvent.error(clock.instant(), "run failed: " + reason, e));
            } catch (RuntimeException logFailure) {
                LOG.log(Level.WARNING, "cannot record the failure of run " + runId, logFailure);
            }
            if (e instanceof Error && !(e instanceof OutOfMemoryError) && !(e instanceof StackOverflowError)) {
                LOG.log(Level.SEVERE, "run " + runId + " raised an error", e);
            }
        } finally {
            active.remove(runId);
        }
        try {
            if (state.leaseLost) {
                LOG.warning(() -> "run " + runId + " lost its lease; its result is discarded");
            } else if (outcome == null) {
                queue.release(runId, settings.workerId());
            } else if (!queue.finish(runId, settings.workerId(), outcome, reason)) {
                LOG.warning(() -> "run " + runId + " was taken from this worker before it finished");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record the end of run " + runId + "; its lease will expire", e);
        }
    }

    private void heartbeatLoop() {
        long every = settings.heartbeat().toMillis();
        while (!stopping.get()) {
            for (Map.Entry<Long, ActiveRun> e : active.entrySet()) {
                try {
                    if (!queue.renewLease(e.getKey(), settings.workerId(), settings.lease())) {
                        e.getValue().leaseLost = true;
                    } else if (queue.cancelRequested(e.getKey())) {
                        e.getValue().cancelRequested = true;
                    }
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "heartbeat for run " + e.getKey() + " failed: " + ex.getMessage());
                }
            }
            try {
                for (RunQueue.LeaseExpiry expiry : queue.expireLeases()) {
                    LOG.info(() -> "run " + expiry.runId() + " of worker " + expiry.workerId() + ": lease expired, "
                            + (expiry.requeued() ? "re-queued" : "failed after " + expiry.attempts() + " attempts"));
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "cannot expire leases: " + ex.getMessage());
            }
            pause(every);
        }
    }

    private void pause(long millis) {
        synchronized (idle) {
            if (stopping.get()) {
                return;
            }
            try {
                idle.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }
    }

    /**
     * Stops claiming, asks executing runs to stop at their next check (they are given back to the queue, not failed),
     * and waits up to {@code timeoutMillis} for them.
     */
    public void stop(long timeoutMillis) {
        stopping.set(true);
        nudge();
        if (stopped == null) {
            return;
        }
        try {
            if (!stopped.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> "worker " + settings.workerId() + " stopped with " + active.size()
                        + " run(s) still executing; their leases will expire and other workers will resume them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(30_000);
    }
}
