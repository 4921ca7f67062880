package org.escnet.application.ports.out;

/**
 * Trains and evaluates one claimed run end to end (the training engine implements it). The worker calls it on the
 * run's device slot thread; exceptions fail the run with their message as the reason.
 */
public interface RunExecution {
    /** Returns SUCCEEDED when done, CANCELLED when it stopped because {@link RunContext#cancelled()} became true. */
    RunQueue.Outcome execute(RunContext context) throws Exception;
}
