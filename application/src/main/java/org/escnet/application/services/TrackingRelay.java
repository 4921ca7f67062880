package org.escnet.application.services;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingMirror;
import org.escnet.application.ports.out.TrackingOutbox;

/**
 * Delivers the tracking outbox to a mirror (MLflow), oldest first. When the mirror is down the entries wait and
 * delivery resumes, in order, once it is back; runs never wait for it.
 */
public final class TrackingRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrackingRelay.class.getName());
    private static final int BATCH = 2000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final TrackingOutbox outbox;
    private final TrackingMirror mirror;
    private final long idleMillis;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Object wake = new Object();
    private Thread thread;

    public TrackingRelay(TrackingOutbox outbox, TrackingMirror mirror, long idleMillis) {
        this.outbox = outbox;
        this.mirror = mirror;
        this.idleMillis = idleMillis;
    }

    public synchronized void start() {
        thread = new Thread(this::loop, "escnet-tracking-relay");
        thread.setDaemon(true);
        thread.start();
        LOG.info(() -> "mirroring runs to " + mirror.name());
    }

    /**
     * Delivers what is pending now, once. Returns how many entries were delivered.
     *
     * @throws TrackingMirror.MirrorUnavailableException when the mirror cannot be reached
     */
    public int deliverPending() {
        int total = 0;
        while (true) {
            List<OutboxEntry> batch = outbox.pending(BATCH);
            if (batch.isEmpty()) {
                return total;
            }
            int delivered;
            try {
                delivered = mirror.deliver(batch);
            } catch (TrackingMirror.MirrorUnavailableException e) {
                outbox.recordFailure(batch.get(0).id(), e.getMessage());
                throw e;
            }
            if (delivered > 0) {
                outbox.markDelivered(batch.subList(0, delivered).stream().map(OutboxEntry::id).toList());
                total += delivered;
            }
            if (delivered < batch.size()) {
                // The mirror refused this entry; it stays first in line and is retried after a pause.
                outbox.recordFailure(batch.get(delivered).id(), "not accepted by " + mirror.name());
                return total;
            }
        }
    }

    private void loop() {
        long backoff = idleMillis;
        while (!stopping.get()) {
            try {
                int delivered = deliverPending();
                backoff = idleMillis;
                sleep(delivered > 0 ? 0 : idleMillis);
            } catch (TrackingMirror.MirrorUnavailableException e) {
                long pending = safePendingCount();
                LOG.log(Level.WARNING, mirror.name() + " unavailable (" + e.getMessage() + "); " + pending
                        + " record(s) wait in the outbox, retrying in " + backoff / 1000.0 + " s");
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tracking relay error", e);
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private long safePendingCount() {
        try {
            return outbox.pendingCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Asks for a delivery round now. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        synchronized (wake) {
            try {
                wake.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }
    }

    @Override
    public void close() {
        stopping.set(true);
        nudge();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
