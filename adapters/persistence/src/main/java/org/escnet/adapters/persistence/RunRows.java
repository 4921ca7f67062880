package org.escnet.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.escnet.domain.experiment.CellKey;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunConfig;
import org.escnet.domain.experiment.RunStatus;

/** Converts between {@link RunEntity} rows and domain {@link Run}s. */
@ApplicationScoped
public class RunRows {
    private final Json json;

    @Inject
    public RunRows(Json json) {
        this.json = json;
    }

    Run toRun(RunEntity e) {
        RunConfig config = RunConfig.fromTree(json.tree(e.config));
        return new Run(e.id, e.gridId, new CellKey(e.cellKey), e.cellLabel, json.tree(e.overrides), config,
                RunStatus.valueOf(e.status), e.attempts, e.maxAttempts, e.workerId, e.device, e.failureReason,
                e.createdAt, e.startedAt, e.finishedAt);
    }

    RunEntity toNewEntity(Run run) {
        RunEntity e = new RunEntity();
        e.gridId = run.gridId();
        e.cellKey = run.cellKey().value();
        e.cellLabel = run.cellLabel();
        e.overrides = json.write(run.overrides());
        e.config = run.config().canonicalJson();
        e.seed = run.config().seed();
        e.deviceKind = run.config().resources().device();
        e.priority = run.config().resources().priority();
        e.status = run.status().name();
        e.attempts = run.attempts();
        e.maxAttempts = run.maxAttempts();
        e.createdAt = run.createdAt();
        return e;
    }

    /** Copies the mutable state of a transition onto the row. */
    void copyState(Run run, RunEntity e) {
        e.status = run.status().name();
        e.attempts = run.attempts();
        e.maxAttempts = run.maxAttempts();
        e.workerId = run.workerId();
        e.device = run.device();
        e.failureReason = run.failureReason();
        e.startedAt = run.startedAt();
        e.finishedAt = run.finishedAt();
        if (run.status() != RunStatus.RUNNING) {
            e.leaseUntil = null;
        }
        if (run.status() == RunStatus.QUEUED) {
            e.cancelRequested = false;
        }
    }
}
