package org.escnet.application.ports.out;

import java.util.List;

/**
 * A tracking server that mirrors ESC-Lab's runs (MLflow). Delivery is at-least-once and in order: the caller passes
 * the oldest pending entries and marks as delivered exactly the ones this method reports.
 */
public interface TrackingMirror {
    /** Short name for logs, e.g. {@code mlflow http://localhost:5000}. */
    String name();

    /**
     * Delivers a prefix of {@code entries}. Returns how many leading entries were delivered; throws
     * {@link MirrorUnavailableException} when the mirror cannot be reached at all.
     */
    int deliver(List<OutboxEntry> entries);

    /** The mirror is down or refused the request; entries stay in the outbox and are retried later. */
    class MirrorUnavailableException extends RuntimeException {
        public MirrorUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
