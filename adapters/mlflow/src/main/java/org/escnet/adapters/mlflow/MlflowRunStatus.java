package org.escnet.adapters.mlflow;

import java.util.Locale;
import org.mlflow.api.proto.Service.RunStatus;

/** How an ESC-Lab run status reads in MLflow, and whether it ends the MLflow run. */
enum MlflowRunStatus {
    QUEUED(RunStatus.SCHEDULED, false),
    RUNNING(RunStatus.RUNNING, false),
    SUCCEEDED(RunStatus.FINISHED, true),
    FAILED(RunStatus.FAILED, true),
    CANCELLED(RunStatus.KILLED, true);

    final RunStatus mlflow;
    final boolean terminal;

    MlflowRunStatus(RunStatus mlflow, boolean terminal) {
        this.mlflow = mlflow;
        this.terminal = terminal;
    }

    static MlflowRunStatus of(String escnetStatus) {
        try {
            return valueOf(escnetStatus.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new MlflowCallFailed("a run status is one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, found '"
                    + escnetStatus + "'");
        }
    }
}
