package org.escnet.application.ports.out;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.escnet.domain.experiment.Run;

/**
 * What an executing run gets from the worker.
 *
 * @param run         the run, with its resolved configuration and attempt number
 * @param device      the slot it runs on: {@code cpu:0}, {@code gpu:1}
 * @param tracker     where progress, metrics, events and artifacts go
 * @param workDir     the run's own folder (checkpoints, artifacts); it survives attempts, so a resumed run finds
 *                    its last checkpoint there
 * @param cancelCheck true once the run should stop (cancel requested or lease lost); check it every iteration
 */
public record RunContext(Run run, String device, RunTracker tracker, Path workDir, BooleanSupplier cancelCheck) {
    public boolean cancelled() {
        return cancelCheck.getAsBoolean();
    }

    public long runId() {
        return run.id();
    }
}
