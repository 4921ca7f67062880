package org.escnet.adapters.mlflow;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The loopback fake MLflow server, as other modules' tests see it (shipped in this module's test jar): start, stop,
 * restart on the same port, and what it holds.
 */
public final class FakeMlflowForTests implements AutoCloseable {
    private final FakeMlflowServer server;

    /** One mirrored run: its name, status, tags, and every metric point logged (key → values in arrival order). */
    public record RunView(String name, String status, Map<String, String> tags, Map<String, List<Double>> metrics,
                          Map<String, String> params) {
    }

    private FakeMlflowForTests(FakeMlflowServer server) {
        this.server = server;
    }

    public static FakeMlflowForTests start() throws IOException {
        return new FakeMlflowForTests(FakeMlflowServer.start());
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public void stop() {
        server.stop();
    }

    public void restart() throws IOException {
        server.restart();
    }

    public List<String> experimentNames() {
        return server.experiments().stream().map(e -> e.name).toList();
    }

    public List<RunView> runs() {
        return server.runs().stream().map(r -> {
            Map<String, List<Double>> metrics = new java.util.TreeMap<>();
            for (FakeMlflowServer.MetricRow m : r.metrics) {
                metrics.computeIfAbsent(m.key(), k -> new java.util.ArrayList<>()).add(m.value());
            }
            return new RunView(r.name, r.status, Map.copyOf(r.tags), metrics, Map.copyOf(r.params));
        }).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
