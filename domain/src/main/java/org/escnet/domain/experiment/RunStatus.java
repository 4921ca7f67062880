package org.escnet.domain.experiment;

import java.util.EnumSet;
import java.util.Set;

/** The life of a run: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED; failed and cancelled runs may be re-queued. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The statuses this one may move to. */
    public Set<RunStatus> successors() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED, FAILED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, QUEUED);
            case FAILED, CANCELLED -> EnumSet.of(QUEUED);
            case SUCCEEDED -> EnumSet.noneOf(RunStatus.class);
        };
    }
}
