package org.escnet.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingMirror.MirrorUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests {@link MlflowMirror} makes, checked against the REST contract of MLflow 2.x (PLATFORM-NOTES §3). */
class MlflowMirrorContractTest {
    private static final String GRID = "table2-prompt-ablation";

    private FakeMlflowServer fake;
    private MlflowMirror mirror;
    private final Entries entries = new Entries(GRID, 3, 1);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        fake = FakeMlflowServer.start();
        mirror = newMirror(null);
    }

    @AfterEach
    void stop() {
        mirror.close();
        fake.close();
    }

    private MlflowMirror newMirror(String token) {
        return new MlflowMirror(MlflowSettings.of(fake.baseUrl(), token, null, null, Duration.ofSeconds(20)));
    }

    @Test
    void firstDeliveryCreatesTheExperimentAndTheTaggedRunThenLogsOneBatch() {
        List<OutboxEntry> batch = List.of(
                entries.params(7, Map.of("model.backbone", "clip-vit-b16", "train.lr", "0.0001")),
                entries.metrics(7, "train/loss", 0, 3));

        assertThat(mirror.deliver(batch)).isEqualTo(2);

        assertThat(distinctCalls()).containsExactly("GET experiments/get-by-name", "POST experiments/create",
                "POST runs/search", "POST runs/create", "POST runs/log-batch");
        assertThat(fake.requests("GET", "experiments/get-by-name").get(0).query())
                .isEqualTo("experiment_name=table2-prompt-ablation");
        assertThat(fake.requests("POST", "experiments/create").get(0).json().get("name").asText()).isEqualTo(GRID);
        JsonNode search = fake.requests("POST", "runs/search").get(0).json();
        assertThat(search.get("filter").asText()).isEqualTo("tags.`escnet.run_id` = '7'");
        assertThat(search.get("run_view_type").asText()).isEqualTo("ACTIVE_ONLY");

        JsonNode create = fake.requests("POST", "runs/create").get(0).json();
        assertThat(create.get("run_name").asText()).isEqualTo("cell-7");
        assertThat(create.get("start_time").asLong()).isEqualTo(Entries.T0.plusMillis(1).toEpochMilli());
        assertThat(tags(create)).containsEntry("escnet.run_id", "7").containsEntry("escnet.grid_id", "3")
                .containsEntry("escnet.cell", "cell-7");

        JsonNode logBatch = fake.requests("POST", "runs/log-batch").get(0).json();
        FakeMlflowServer.Run run = fake.onlyRun();
        assertThat(logBatch.get("run_id").asText()).isEqualTo(run.id);
        assertThat(logBatch.get("params")).hasSize(2);
        assertThat(logBatch.get("metrics")).hasSize(3);
        JsonNode secondPoint = logBatch.get("metrics").get(1);
        assertThat(secondPoint.get("key").asText()).isEqualTo("train/loss");
        assertThat(secondPoint.get("step").asLong()).isEqualTo(1);
        assertThat(secondPoint.get("value").asDouble()).isEqualTo(0.001);
        assertThat(secondPoint.get("timestamp").asLong()).isEqualTo(Entries.T0.plusSeconds(1).toEpochMilli());
        assertThat(tags(logBatch)).containsEntry("escnet.outbox_id", "2");

        assertThat(fake.experiments()).extracting(e -> e.name).containsExactly(GRID);
        assertThat(run.params).containsEntry("model.backbone", "clip-vit-b16").containsEntry("train.lr", "0.0001");
        assertThat(fake.metricHistory(run.id, "train/loss")).extracting(FakeMlflowServer.MetricRow::step)
                .containsExactly(0L, 1L, 2L);
    }

    @Test
    void splits2500PointsIntoThreeLogBatchRequestsWithinTheLimits() {
        assertThat(mirror.deliver(List.of(entries.metrics(1, "train/loss", 0, 2500)))).isEqualTo(1);

        List<FakeMlflowServer.Request> batches = fake.requests("POST", "runs/log-batch");
        assertThat(batches).hasSize(3);
        for (FakeMlflowServer.Request request : batches) {
            JsonNode body = request.json();
            assertThat(body.path("metrics").size()).isLessThanOrEqualTo(1000);
            assertThat(body.path("params").size()).isLessThanOrEqualTo(100);
            assertThat(body.path("tags").size()).isLessThanOrEqualTo(100);
        }
        FakeMlflowServer.Run run = fake.onlyRun();
        List<FakeMlflowServer.MetricRow> history = fake.metricHistory(run.id, "train/loss");
        assertThat(history).hasSize(2500);
        assertThat(history.get(2499).step()).isEqualTo(2499);
        assertThat(history.get(2499).value()).isEqualTo(2.499);
    }

    @Test
    void coalescesEachRunsEntriesEvenWhenRunsInterleave() {
        List<OutboxEntry> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(entries.metrics(1, "train/loss", i * 5, 5));
        }
        batch.add(entries.metrics(2, "train/loss", 0, 5));
        batch.add(entries.metrics(1, "train/loss", 100, 5));

        assertThat(mirror.deliver(batch)).isEqualTo(22);
        // Run 1 (21 entries, in their order) and run 2 (1): two requests.
        List<FakeMlflowServer.Request> requests = fake.requests("POST", "runs/log-batch");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).json().get("metrics")).hasSize(105);
        assertThat(requests.get(0).json().get("metrics").get(104).get("step").asLong()).isEqualTo(104);
        assertThat(fake.runs()).hasSize(2);
        assertThat(fake.requests("POST", "runs/create")).hasSize(2);
        assertThat(fake.requests("POST", "experiments/create")).hasSize(1);
    }

    @Test
    void repeatedDeliveryAndARestartedMirrorCreateNothingTwice() {
        List<OutboxEntry> batch = List.of(entries.params(4, Map.of("lr", "0.01")), entries.metrics(4, "train/loss", 0, 10),
                entries.event(4, "info", "started"));

        assertThat(mirror.deliver(batch)).isEqualTo(3);
        assertThat(mirror.deliver(batch)).isEqualTo(3);
        mirror.close();
        mirror = newMirror(null);
        assertThat(mirror.deliver(batch)).isEqualTo(3);

        assertThat(fake.requests("POST", "experiments/create")).hasSize(1);
        assertThat(fake.requests("POST", "runs/create")).hasSize(1);
        // Both repeats were recognised from the delivered-through tag: one log-batch in all.
        assertThat(fake.requests("POST", "runs/log-batch")).hasSize(1);
        FakeMlflowServer.Run run = fake.onlyRun();
        assertThat(run.tags).containsEntry("escnet.outbox_id", "3");
        assertThat(fake.metricHistory(run.id, "train/loss")).hasSize(10);
    }

    @Test
    void reSentParamsWithTheSameValueAreAcceptedAndRepeatedPointsAreKeptOnce() {
        List<OutboxEntry> batch = List.of(entries.params(4, Map.of("lr", "0.01", "seed", "1")),
                entries.metrics(4, "train/loss", 0, 10));
        assertThat(mirror.deliver(batch)).isEqualTo(2);
        // A crash between delivery and marking, with the delivered-through tag not yet written: everything is re-sent.
        FakeMlflowServer.Run run = fake.onlyRun();
        fake.forgetTag(run.id, "escnet.outbox_id");
        mirror.close();
        mirror = newMirror(null);

        assertThat(mirror.deliver(batch)).isEqualTo(2);

        assertThat(fake.requests("POST", "runs/log-batch")).hasSize(2);
        assertThat(fake.requests("POST", "runs/create")).hasSize(1);
        assertThat(run.params).containsExactlyInAnyOrderEntriesOf(Map.of("lr", "0.01", "seed", "1"));
        assertThat(fake.metricHistory(run.id, "train/loss")).hasSize(10);
    }

    @Test
    void aParamThatChangesValueIsRefusedWithMlflowsReason() {
        assertThat(mirror.deliver(List.of(entries.params(4, Map.of("lr", "0.01"))))).isEqualTo(1);
        OutboxEntry changed = entries.params(4, Map.of("lr", "0.02"));

        assertThatThrownBy(() -> mirror.deliver(List.of(changed)))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("outbox entry " + changed.id())
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Changing param values is not allowed");
    }

    @Test
    void mapsKeysMlflowRejectsAndCutsLongValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("prompt.points[0]", "a");
        params.put("/data//root/", "b");
        params.put("long", "z".repeat(7000));
        assertThat(mirror.deliver(List.of(entries.params(1, params)))).isEqualTo(1);

        FakeMlflowServer.Run run = fake.onlyRun();
        assertThat(run.params).containsEntry("prompt.points_0_", "a").containsEntry("data/root", "b");
        assertThat(run.params.get("long")).hasSize(6000).endsWith("...[truncated]");
    }

    @Test
    void eventsBecomeTagsKeyedByOutboxId() {
        OutboxEntry event = entries.event(9, "checkpoint", "saved step 2000");
        assertThat(mirror.deliver(List.of(event))).isEqualTo(1);

        String value = fake.onlyRun().tags.get("escnet.event.000000000001");
        assertThat(value).isEqualTo(Entries.T0.plusSeconds(1) + " [checkpoint] saved step 2000");
    }

    @Test
    void artifactsArriveByteForByteThroughTheProxy() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(dir.resolve("0001.png"), bytes);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        ArtifactRecord record = new ArtifactRecord("qualitative/ade150/0001.png", file.toString(), "image/png",
                bytes.length, sha256);

        assertThat(mirror.deliver(List.of(entries.artifact(5, record)))).isEqualTo(1);

        FakeMlflowServer.Run run = fake.onlyRun();
        String path = run.experimentId + "/" + run.id + "/artifacts/qualitative/ade150/0001.png";
        List<FakeMlflowServer.Request> puts = fake.requests("PUT", "0001.png");
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).path()).isEqualTo(FakeMlflowServer.ARTIFACTS_API + path);
        assertThat(puts.get(0).header("Content-Type")).isEqualTo("image/png");
        byte[] stored = fake.artifact(path);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored))).isEqualTo(sha256);
        assertThat(stored).isEqualTo(bytes);
    }

    @Test
    void artifactStoresOtherThanTheProxyAreRefusedWithAClearMessage() throws IOException {
        fake.artifactRootFormat("s3://bucket/mlruns/%s/%s/artifacts");
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");
        OutboxEntry metrics = entries.metrics(5, "train/loss", 0, 1);
        OutboxEntry artifact = entries.artifact(5, new ArtifactRecord("notes/a.txt", file.toString(), "text/plain", 5,
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));

        // The entries before the refused one are delivered; the refused one stays first in line...
        assertThat(mirror.deliver(List.of(metrics, artifact))).isEqualTo(1);
        // ...and on its own it fails with the reason, which the relay records on that entry.
        assertThatThrownBy(() -> mirror.deliver(List.of(artifact)))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("outbox entry " + artifact.id())
                .hasMessageContaining("s3://bucket/mlruns/")
                .hasMessageContaining("--serve-artifacts");
        assertThat(fake.requests("PUT", "a.txt")).isEmpty();
    }

    @Test
    void aVanishedArtifactFileIsTaggedInsteadOfBlockingTheOutbox() {
        OutboxEntry gone = entries.artifact(5, new ArtifactRecord("checkpoints/step-100.pt",
                dir.resolve("step-100.pt").toString(), "application/octet-stream", 10, "00"));
        OutboxEntry after = entries.metrics(5, "train/loss", 0, 1);

        assertThat(mirror.deliver(List.of(gone, after))).isEqualTo(2);

        FakeMlflowServer.Run run = fake.onlyRun();
        assertThat(run.tags.get("escnet.artifact_missing.checkpoints/step-100.pt"))
                .contains("step-100.pt").contains("was gone");
        assertThat(fake.artifactPaths()).isEmpty();
    }

    @Test
    void statusesMapToMlflowAndTerminalOnesEndTheRun() {
        Instant end = Entries.T0.plusSeconds(3600);
        mirror.deliver(List.of(entries.status(1, "QUEUED", Entries.T0), entries.status(2, "RUNNING", Entries.T0),
                entries.status(3, "SUCCEEDED", end), entries.status(4, "FAILED", end), entries.status(5, "CANCELLED", end)));

        List<JsonNode> updates = fake.requests("POST", "runs/update").stream().map(FakeMlflowServer.Request::json)
                .toList();
        assertThat(updates).extracting(u -> u.get("status").asText())
                .containsExactly("SCHEDULED", "RUNNING", "FINISHED", "FAILED", "KILLED");
        assertThat(updates.get(0).has("end_time")).isFalse();
        assertThat(updates.get(1).has("end_time")).isFalse();
        assertThat(updates.get(2).get("end_time").asLong()).isEqualTo(end.toEpochMilli());
        assertThat(fake.runs()).extracting(r -> r.status)
                .containsExactly("SCHEDULED", "RUNNING", "FINISHED", "FAILED", "KILLED");
        assertThat(fake.runs()).extracting(r -> r.endTime)
                .containsExactly(null, null, end.toEpochMilli(), end.toEpochMilli(), end.toEpochMilli());
    }

    @Test
    void anUnknownStatusIsRefusedWithTheExpectedValues() {
        assertThatThrownBy(() -> mirror.deliver(List.of(entries.status(1, "PAUSED", Entries.T0))))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED")
                .hasMessageContaining("'PAUSED'");
    }

    @Test
    void toleratesAnExperimentCreatedConcurrently() {
        fake.experimentCreatedConcurrently(GRID);

        assertThat(mirror.deliver(List.of(entries.metrics(1, "train/loss", 0, 1)))).isEqualTo(1);

        assertThat(fake.experiments()).hasSize(1);
        assertThat(fake.onlyRun().experimentId).isEqualTo(fake.experiments().get(0).id);
    }

    @Test
    void sendsTheBearerTokenOnTrackingCallsAndUploads() throws IOException {
        mirror.close();
        mirror = newMirror("s3cr3t");
        fake.requireAuthorization("Bearer s3cr3t");
        Path file = Files.writeString(dir.resolve("b.txt"), "bytes");

        assertThat(mirror.deliver(List.of(entries.metrics(1, "train/loss", 0, 1),
                entries.artifact(1, new ArtifactRecord("b.txt", file.toString(), "text/plain", 5, "x"))))).isEqualTo(2);

        assertThat(fake.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer s3cr3t"));
        assertThat(fake.artifactPaths()).hasSize(1);
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() {
        fake.requireAuthorization("Bearer right");
        mirror.close();
        mirror = newMirror("wrong");

        assertThatThrownBy(() -> mirror.deliver(List.of(entries.metrics(1, "train/loss", 0, 1))))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("escnet.mlflow.token");
    }

    private List<String> distinctCalls() {
        List<String> calls = new ArrayList<>();
        for (FakeMlflowServer.Request r : fake.requests()) {
            String call = r.method() + " " + r.path().replace(FakeMlflowServer.API, "");
            if (calls.isEmpty() || !calls.get(calls.size() - 1).equals(call)) {
                calls.add(call);
            }
        }
        return calls;
    }

    private static Map<String, String> tags(JsonNode body) {
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("tags").forEach(t -> tags.put(t.get("key").asText(), t.get("value").asText()));
        return tags;
    }
}
