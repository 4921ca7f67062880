package org.escnet.adapters.mlflow;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * The MLflow Java client with a deadline on every call. The client itself has no timeouts (a hung server blocks a
 * call forever) and sleeps up to a minute on HTTP 429, so each call runs on a worker thread; when the deadline
 * passes the worker is interrupted and the client is closed, which breaks its open connections, and the next call
 * gets a fresh client.
 */
final class TimedMlflowClient implements AutoCloseable {
    private final MlflowSettings settings;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "escnet-mlflow-call");
        thread.setDaemon(true);
        return thread;
    });
    private MlflowClient client;

    TimedMlflowClient(MlflowSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs {@code call} against MLflow within the configured timeout.
     *
     * @param what the call in words, for messages (e.g. {@code "log-batch for run 3f2a..."})
     * @throws MlflowCallFailed when the server cannot be reached, answers too late or answers with an error
     */
    synchronized <T> T call(String what, Function<MlflowClient, T> call) {
        MlflowClient current = client();
        Future<T> future = workers.submit(() -> call.apply(current));
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            discard(current);
            throw new MlflowCallFailed(what + ": MLflow at " + settings.baseUrl() + " gave no answer within "
                    + settings.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            discard(current);
            throw new MlflowCallFailed(what + ": interrupted while waiting for MLflow", e);
        } catch (ExecutionException e) {
            throw describe(what, e.getCause());
        }
    }

    /** The HTTP status of a failed call, or -1 when no answer came. */
    static int status(MlflowCallFailed failure) {
        return failure.getCause() instanceof MlflowHttpException http ? http.getStatusCode() : -1;
    }

    private MlflowCallFailed describe(String what, Throwable cause) {
        if (cause instanceof MlflowHttpException http) {
            int status = http.getStatusCode();
            String hint = switch (status) {
                case 401, 403 -> " (check escnet.mlflow.token or escnet.mlflow.username/password)";
                case 429 -> " (the server is rate-limiting; delivery is retried later)";
                default -> "";
            };
            return new MlflowCallFailed(what + ": MLflow answered HTTP " + status + " " + body(http) + hint, http);
        }
        if (cause instanceof MlflowClientException) {
            Throwable root = cause.getCause() != null ? cause.getCause() : cause;
            return new MlflowCallFailed(what + ": cannot reach MLflow at " + settings.baseUrl() + " ("
                    + root.getClass().getSimpleName() + ": " + root.getMessage() + ")", cause);
        }
        if (cause instanceof RuntimeException runtime && cause.getCause() instanceof InterruptedException) {
            return new MlflowCallFailed(what + ": interrupted", runtime);
        }
        return new MlflowCallFailed(what + ": " + cause, cause);
    }

    private static String body(MlflowHttpException http) {
        String body = http.getBodyMessage();
        if (body == null || body.isBlank()) {
            return http.getReasonPhrase() == null ? "" : http.getReasonPhrase();
        }
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    private MlflowClient client() {
        if (client == null) {
            client = new MlflowClient(credentials());
        }
        return client;
    }

    private BasicMlflowHostCreds credentials() {
        if (settings.token() != null) {
            return new BasicMlflowHostCreds(settings.baseUrl(), settings.token());
        }
        if (settings.username() != null) {
            return new BasicMlflowHostCreds(settings.baseUrl(), settings.username(), settings.password());
        }
        return new BasicMlflowHostCreds(settings.baseUrl());
    }

    private void discard(MlflowClient stale) {
        if (client == stale) {
            client = null;
        }
        try {
            stale.close();
        } catch (RuntimeException ignored) {
            // Closing only breaks the hung connection; a failure here changes nothing for the caller.
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            discard(client);
        }
        workers.shutdownNow();
    }
}
