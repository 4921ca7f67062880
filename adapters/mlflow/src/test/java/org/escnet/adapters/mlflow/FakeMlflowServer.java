package org.escnet.adapters.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for an MLflow 2.x tracking server with the artifact proxy: it keeps experiments, runs,
 * params, metrics, tags and artifacts in memory, checks requests the way the real server does (log-batch limits, key
 * syntax, immutable params), records every request, and can be stopped and restarted on the same port (keeping its
 * data, like a server with a database), made slow, or made to answer with an error status.
 */
final class FakeMlflowServer implements AutoCloseable {
    static final String API = "/api/2.0/mlflow/";
    static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY_SYNTAX = Pattern.compile("^[/\\w.\\- ]*$");
    private static final Pattern TAG_FILTER =
            Pattern.compile("^\\s*tags\\.(?:`([^`]+)`|\"([^\"]+)\"|([\\w.]+))\\s*=\\s*'([^']*)'\\s*$");

    /** One HTTP request as the server saw it. */
    record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + bodyText(), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record MetricRow(String key, double value, long timestamp, long step) {
    }

    static final class Experiment {
        final String id;
        final String name;
        String lifecycleStage = "active";

        Experiment(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class Run {
        final String id;
        final String experimentId;
        final String name;
        final long startTime;
        final String artifactUri;
        String status = "RUNNING";
        Long endTime;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final List<MetricRow> metrics = new ArrayList<>();

        Run(String id, String experimentId, String name, long startTime, String artifactUri) {
            this.id = id;
            this.experimentId = experimentId;
            this.name = name;
            this.startTime = startTime;
            this.artifactUri = artifactUri;
        }
    }

    private final Object lock = new Object();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    private final Set<String> createdConcurrently = new HashSet<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile long delayMillis;
    private volatile int failStatus;
    private volatile String failPath;
    private volatile int failAfterSuccesses;
    private volatile String artifactRootFormat = "mlflow-artifacts:/%s/%s/artifacts";
    private volatile String requiredAuthorization;
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    static FakeMlflowServer start() throws IOException {
        FakeMlflowServer fake = new FakeMlflowServer();
        fake.bind(0);
        return fake;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops answering; connections are refused until {@link #restart()}. The data stays. */
    void stop() {
        synchronized (lock) {
            if (server != null) {
                server.stop(0);
                executor.shutdownNow();
                server = null;
            }
        }
    }

    /** Listens again on the same port with the same data. */
    void restart() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                bind(port);
                return;
            } catch (BindException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private void bind(int wantedPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 50);
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-mlflow");
            thread.setDaemon(true);
            return thread;
        });
        created.setExecutor(pool);
        created.createContext("/", this::handle);
        created.start();
        synchronized (lock) {
            server = created;
            executor = pool;
            port = created.getAddress().getPort();
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- behaviour switches -------------------------------------------------------------------------------

    /** Every answer waits this long first. */
    void delay(long millis) {
        delayMillis = millis;
    }

    /** Every request whose path ends with {@code pathSuffix} (null: all) is answered with {@code status}. */
    void failWith(int status, String pathSuffix) {
        failWithAfter(status, pathSuffix, 0);
    }

    /** Like {@link #failWith} but the first {@code successes} matching requests still succeed. */
    void failWithAfter(int status, String pathSuffix, int successes) {
        failPath = pathSuffix;
        failAfterSuccesses = successes;
        failStatus = status;
    }

    void healthy() {
        failStatus = 0;
        delayMillis = 0;
    }

    /** Runs created from now on keep artifacts at this kind of root ({@code %s} = experiment id, run id). */
    void artifactRootFormat(String format) {
        artifactRootFormat = format;
    }

    void requireAuthorization(String headerValue) {
        requiredAuthorization = headerValue;
    }

    /**
     * Models another mirror creating experiment {@code name} at the same moment: look-ups miss it until somebody tries
     * to create it, and that create then fails with RESOURCE_ALREADY_EXISTS.
     */
    void experimentCreatedConcurrently(String name) {
        synchronized (lock) {
            createdConcurrently.add(name);
        }
    }

    /** Models a server that lost (or never got) a tag, e.g. the delivered-through mark. */
    void forgetTag(String runId, String key) {
        synchronized (lock) {
            runs.get(runId).tags.remove(key);
        }
    }

    // ---- what the tests read ------------------------------------------------------------------------------

    List<Request> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String method, String pathSuffix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    void clearRequests() {
        synchronized (lock) {
            requests.clear();
        }
    }

    List<Experiment> experiments() {
        synchronized (lock) {
            return List.copyOf(experiments.values());
        }
    }

    List<Run> runs() {
        synchronized (lock) {
            return List.copyOf(runs.values());
        }
    }

    Run onlyRun() {
        List<Run> all = runs();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one run in the fake, found " + all.size());
        }
        return all.get(0);
    }

    List<MetricRow> metricHistory(String runId, String key) {
        synchronized (lock) {
            return runs.get(runId).metrics.stream().filter(m -> m.key().equals(key)).toList();
        }
    }

    byte[] artifact(String path) {
        synchronized (lock) {
            return artifacts.get(path);
        }
    }

    Set<String> artifactPaths() {
        synchronized (lock) {
            return Set.copyOf(artifacts.keySet());
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            synchronized (lock) {
                requests.add(request);
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Answer answer = answer(request);
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away (its timeout passed); nothing to answer.
        }
    }

    private record Answer(int status, String body) {
        static Answer ok(JsonNode json) {
            return new Answer(200, json.toString());
        }

        static Answer error(int status, String code, String message) {
            ObjectNode json = JSON.createObjectNode().put("error_code", code).put("message", message);
            return new Answer(status, json.toString());
        }
    }

    private Answer answer(Request request) {
        if (requiredAuthorization != null && !requiredAuthorization.equals(request.header("Authorization"))) {
            return Answer.error(401, "UNAUTHENTICATED", "missing or wrong credentials");
        }
        Answer injected = injectedFailure(request);
        if (injected != null) {
            return injected;
        }
        synchronized (lock) {
            try {
                if (request.path().startsWith(ARTIFACTS_API)) {
                    return artifactCall(request);
                }
                if (!request.path().startsWith(API)) {
                    return Answer.error(404, "ENDPOINT_NOT_FOUND", request.path());
                }
                String endpoint = request.method() + " " + request.path().substring(API.length());
                return switch (endpoint) {
                    case "GET experiments/get-by-name" -> getExperimentByName(query(request, "experiment_name"));
                    case "POST experiments/create" -> createExperiment(request.json());
                    case "POST runs/create" -> createRun(request.json());
                    case "POST runs/search" -> searchRuns(request.json());
                    case "POST runs/log-batch" -> logBatch(request.json());
                    case "POST runs/update" -> updateRun(request.json());
                    case "POST runs/set-tag" -> setTag(request.json());
                    case "GET runs/get" -> getRun(query(request, "run_id"));
                    default -> Answer.error(404, "ENDPOINT_NOT_FOUND", endpoint);
                };
            } catch (BadRequest e) {
                return Answer.error(400, e.code, e.getMessage());
            }
        }
    }

    private Answer injectedFailure(Request request) {
        int status = failStatus;
        String path = failPath;
        if (status == 0 || (path != null && !request.path().endsWith(path))) {
            return null;
        }
        synchronized (lock) {
            if (failAfterSuccesses > 0) {
                failAfterSuccesses--;
                return null;
            }
        }
        return Answer.error(status, status == 429 ? "REQUEST_LIMIT_EXCEEDED" : "INTERNAL_ERROR", "injected " + status);
    }

    private static final class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private Answer getExperimentByName(String name) {
        Experiment found = experiments.values().stream()
                .filter(e -> e.name.equals(name) && !createdConcurrently.contains(name)).findFirst().orElse(null);
        if (found == null) {
            return Answer.error(404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'");
        }
        return Answer.ok(JSON.createObjectNode().set("experiment", experimentJson(found)));
    }

    private Answer createExperiment(JsonNode body) {
        String name = text(body, "name");
        if (createdConcurrently.remove(name)) {
            experiments.put(nextId(), new Experiment(lastId(), name));
            throw new BadRequest("RESOURCE_ALREADY_EXISTS", "Experiment(name=" + name + ") already exists.");
        }
        if (experiments.values().stream().anyMatch(e -> e.name.equals(name))) {
            throw new BadRequest("RESOURCE_ALREADY_EXISTS", "Experiment(name=" + name + ") already exists.");
        }
        String id = nextId();
        experiments.put(id, new Experiment(id, name));
        return Answer.ok(JSON.createObjectNode().put("experiment_id", id));
    }

    private Answer createRun(JsonNode body) {
        String experimentId = text(body, "experiment_id");
        if (!experiments.containsKey(experimentId)) {
            return Answer.error(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + experimentId + " exists");
        }
        String id = "run" + nextId();
        Run run = new Run(id, experimentId, text(body, "run_name"), body.path("start_time").asLong(),
                String.format(artifactRootFormat, experimentId, id));
        for (JsonNode tag : body.path("tags")) {
            run.tags.put(text(tag, "key"), text(tag, "value"));
        }
        run.tags.put("mlflow.runName", run.name);
        runs.put(id, run);
        return Answer.ok(JSON.createObjectNode().set("run", runJson(run)));
    }

    private Answer searchRuns(JsonNode body) {
        String filter = body.path("filter").asText("");
        Matcher match = TAG_FILTER.matcher(filter);
        if (!filter.isEmpty() && !match.matches()) {
            throw new BadRequest("INVALID_PARAMETER_VALUE", "this fake only understands tags.`key` = 'value', got "
                    + filter);
        }
        Set<String> experimentIds = new HashSet<>();
        body.path("experiment_ids").forEach(id -> experimentIds.add(id.asText()));
        ArrayNode found = JSON.createArrayNode();
        int max = body.path("max_results").asInt(1000);
        for (Run run : runs.values()) {
            if (found.size() >= max || !experimentIds.contains(run.experimentId)) {
                continue;
            }
            if (filter.isEmpty()) {
                found.add(runJson(run));
                continue;
            }
            String key = match.group(1) != null ? match.group(1) : match.group(2) != null ? match.group(2)
                    : match.group(3);
            if (match.group(4).equals(run.tags.get(key))) {
                found.add(runJson(run));
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("runs", found);
        return Answer.ok(answer);
    }

    /** The checks of MLflow's {@code log_batch}: limits, key syntax, value lengths, immutable params. */
    private Answer logBatch(JsonNode body) {
        Run run = runs.get(text(body, "run_id"));
        if (run == null) {
            return Answer.error(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + body.path("run_id").asText() + "' not found");
        }
        JsonNode metrics = body.path("metrics");
        JsonNode params = body.path("params");
        JsonNode tags = body.path("tags");
        if (metrics.size() > 1000 || params.size() > 100 || tags.size() > 100
                || metrics.size() + params.size() + tags.size() > 1000) {
            throw new BadRequest("INVALID_PARAMETER_VALUE", "A batch logging request can contain at most 1000 metrics, "
                    + "100 params, 100 tags and 1000 entities in total; got " + metrics.size() + " metrics, "
                    + params.size() + " params and " + tags.size() + " tags");
        }
        Set<String> batchParamKeys = new HashSet<>();
        for (JsonNode param : params) {
            String key = checkedKey(text(param, "key"), "param");
            String value = text(param, "value");
            if (value.length() > 6000) {
                throw new BadRequest("INVALID_PARAMETER_VALUE", "Param value '" + value.substring(0, 20)
                        + "...' had length " + value.length() + ", which exceeded length limit of 6000");
            }
            if (!batchParamKeys.add(key)) {
                throw new BadRequest("INVALID_PARAMETER_VALUE", "Duplicate parameter keys have been submitted: " + key);
            }
            String existing = run.params.get(key);
            if (existing != null && !existing.equals(value)) {
                throw new BadRequest("INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='"
                        + key + "' was already logged with value='" + existing + "' for run ID='" + run.id
                        + "'. Attempted logging new value '" + value + "'.");
            }
        }
        for (JsonNode metric : metrics) {
            checkedKey(text(metric, "key"), "metric");
        }
        for (JsonNode tag : tags) {
            checkedKey(text(tag, "key"), "tag");
            if (text(tag, "value").length() > 8000) {
                throw new BadRequest("INVALID_PARAMETER_VALUE", "tag value exceeds 8000 characters");
            }
        }
        for (JsonNode param : params) {
            run.params.put(text(param, "key"), text(param, "value"));
        }
        for (JsonNode metric : metrics) {
            MetricRow row = new MetricRow(text(metric, "key"), metric.path("value").asDouble(),
                    metric.path("timestamp").asLong(), metric.path("step").asLong());
            // The SQL stores keep one copy of an identical (key, value, timestamp, step) point.
            if (!run.metrics.contains(row)) {
                run.metrics.add(row);
            }
        }
        for (JsonNode tag : tags) {
            run.tags.put(text(tag, "key"), text(tag, "value"));
        }
        return Answer.ok(JSON.createObjectNode());
    }

    private Answer updateRun(JsonNode body) {
        Run run = runs.get(text(body, "run_id"));
        if (run == null) {
            return Answer.error(404, "RESOURCE_DOES_NOT_EXIST", "Run not found");
        }
        if (body.hasNonNull("status")) {
            run.status = body.get("status").asText();
        }
        if (body.hasNonNull("end_time")) {
            run.endTime = body.get("end_time").asLong();
        }
        return Answer.ok(JSON.createObjectNode().set("run_info", runJson(run).get("info")));
    }

    private Answer setTag(JsonNode body) {
        Run run = runs.get(text(body, "run_id"));
        if (run == null) {
            return Answer.error(404, "RESOURCE_DOES_NOT_EXIST", "Run not found");
        }
        run.tags.put(checkedKey(text(body, "key"), "tag"), text(body, "value"));
        return Answer.ok(JSON.createObjectNode());
    }

    private Answer getRun(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            return Answer.error(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + runId + "' not found");
        }
        return Answer.ok(JSON.createObjectNode().set("run", runJson(run)));
    }

    private Answer artifactCall(Request request) {
        String path = URLDecoder.decode(request.path().substring(ARTIFACTS_API.length()), StandardCharsets.UTF_8);
        if (request.method().equals("PUT")) {
            artifacts.put(path, request.body());
            return Answer.ok(JSON.createObjectNode());
        }
        return Answer.error(405, "ENDPOINT_NOT_FOUND", "this fake only stores artifacts (PUT), found "
                + request.method() + " " + path);
    }

    /** MLflow's key rule: word characters, {@code . - / space}, a normalised relative path, at most 250 chars. */
    private static String checkedKey(String key, String what) {
        boolean normalised = !key.isEmpty() && !key.startsWith("/") && !key.endsWith("/") && !key.contains("//")
                && List.of(key.split("/")).stream().noneMatch(s -> s.equals(".") || s.equals(".."));
        if (!KEY_SYNTAX.matcher(key).matches() || !normalised || key.length() > 250) {
            throw new BadRequest("INVALID_PARAMETER_VALUE", "Invalid " + what + " name: '" + key + "'");
        }
        return key;
    }

    private ObjectNode experimentJson(Experiment experiment) {
        return JSON.createObjectNode().put("experiment_id", experiment.id).put("name", experiment.name)
                .put("artifact_location", "mlflow-artifacts:/" + experiment.id)
                .put("lifecycle_stage", experiment.lifecycleStage);
    }

    private ObjectNode runJson(Run run) {
        ObjectNode info = JSON.createObjectNode().put("run_id", run.id).put("run_uuid", run.id)
                .put("run_name", run.name).put("experiment_id", run.experimentId).put("status", run.status)
                .put("start_time", Long.toString(run.startTime)).put("artifact_uri", run.artifactUri)
                .put("lifecycle_stage", "active");
        if (run.endTime != null) {
            info.put("end_time", Long.toString(run.endTime));
        }
        ObjectNode data = JSON.createObjectNode();
        ArrayNode params = data.putArray("params");
        run.params.forEach((k, v) -> params.addObject().put("key", k).put("value", v));
        ArrayNode tags = data.putArray("tags");
        run.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        Map<String, MetricRow> latest = new LinkedHashMap<>();
        run.metrics.forEach(m -> latest.put(m.key(), m));
        ArrayNode metrics = data.putArray("metrics");
        latest.values().forEach(m -> metrics.addObject().put("key", m.key()).put("value", m.value())
                .put("timestamp", m.timestamp()).put("step", m.step()));
        ObjectNode run1 = JSON.createObjectNode();
        run1.set("info", info);
        run1.set("data", data);
        return run1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequest("INVALID_PARAMETER_VALUE", "Missing value for required parameter '" + field + "'");
        }
        return value.asText();
    }

    private static String query(Request request, String name) {
        if (request.query() == null) {
            return null;
        }
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String nextId() {
        return Integer.toString(ids.incrementAndGet());
    }

    private String lastId() {
        return Integer.toString(ids.get());
    }
}
