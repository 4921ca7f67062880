package org.escnet.adapters.mlflow;

/** One call to MLflow did not succeed; the message says which call, what came back and, where it helps, what to do. */
final class MlflowCallFailed extends RuntimeException {
    MlflowCallFailed(String message, Throwable cause) {
        super(message, cause);
    }

    MlflowCallFailed(String message) {
        super(message);
    }
}
