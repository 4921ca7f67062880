package org.escnet.domain.experiment;

/** A status change the run's state machine does not allow (e.g. cancelling a run that already succeeded). */
public class IllegalTransitionException extends RuntimeException {
    private final RunStatus from;
    private final RunStatus to;

    public IllegalTransitionException(long runId, RunStatus from, RunStatus to) {
        super("run " + runId + " is " + from + " and cannot become " + to + " (allowed from " + from + ": "
                + (from.successors().isEmpty() ? "nothing, it is final" : from.successors()) + ")");
        this.from = from;
        this.to = to;
    }

    public RunStatus from() {
        return from;
    }

    public RunStatus to() {
        return to;
    }
}
