package org.escnet.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.TrackingMirror.MirrorUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tracking server that is down, hung, failing or rate-limiting never holds the relay for long. */
class MlflowOutageTest {
    /** Far above the call timeout, far below "blocked": a bounded wait, not a timing assertion. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private FakeMlflowServer fake;
    private MlflowMirror mirror;
    private final Entries entries = new Entries("grid-a", 1, 1);

    @BeforeEach
    void start() throws IOException {
        fake = FakeMlflowServer.start();
        mirror = new MlflowMirror(MlflowSettings.of(fake.baseUrl(), null, null, null, CALL_TIMEOUT));
        // Creates experiment and run while the server is healthy, and warms the client up.
        assertThat(mirror.deliver(List.of(entries.metrics(1, "train/loss", 0, 1)))).isEqualTo(1);
    }

    @AfterEach
    void stop() {
        mirror.close();
        fake.close();
    }

    @Test
    void aStoppedServerFailsTheDeliveryAndTheSameEntriesGoThroughOnceItIsBack() throws IOException {
        List<OutboxEntry> batch = List.of(entries.metrics(1, "train/loss", 1, 5), entries.status(1, "SUCCEEDED",
                Entries.T0.plusSeconds(60)));
        fake.stop();

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> mirror.deliver(batch))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("cannot reach MLflow at " + fake.baseUrl()));

        fake.restart();
        assertThat(mirror.deliver(batch)).isEqualTo(2);
        FakeMlflowServer.Run run = fake.onlyRun();
        assertThat(fake.metricHistory(run.id, "train/loss")).extracting(FakeMlflowServer.MetricRow::step)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(run.status).isEqualTo("FINISHED");
    }

    @Test
    void aHungServerIsGivenUpOnAfterTheTimeout() {
        fake.delay(BOUND.toMillis() * 2);

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(
                () -> mirror.deliver(List.of(entries.metrics(1, "train/loss", 1, 1))))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("gave no answer within 2000 ms"));

        // The next call uses a fresh connection and works once the server answers again.
        fake.healthy();
        assertThat(mirror.deliver(List.of(entries.metrics(1, "train/loss", 1, 1)))).isEqualTo(1);
    }

    @Test
    void serverErrorsMakeTheMirrorUnavailable() {
        fake.failWith(500, null);

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(
                () -> mirror.deliver(List.of(entries.metrics(1, "train/loss", 1, 1))))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("HTTP 500"));
    }

    @Test
    void rateLimitingIsCutShortByTheTimeout() {
        // The client would back off for up to a minute on 429; the mirror gives up after its own timeout.
        fake.failWith(429, null);

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(
                () -> mirror.deliver(List.of(entries.metrics(1, "train/loss", 1, 1))))
                .isInstanceOf(MirrorUnavailableException.class)
                .hasMessageContaining("gave no answer within 2000 ms"));
    }

    @Test
    void aFailureInsideABatchReportsTheEntriesDeliveredBeforeIt() {
        // Run 1 is known; entries for runs 1, 2, 1: the second log-batch fails.
        List<OutboxEntry> batch = List.of(entries.metrics(1, "train/loss", 1, 1), entries.metrics(2, "train/loss", 0, 1),
                entries.metrics(1, "train/loss", 2, 1));
        fake.failWithAfter(500, "runs/log-batch", 1);
        fake.clearRequests();

        // Run 1's two entries go in one request; run 2's fails, so only the first entry is a delivered prefix.
        assertThat(mirror.deliver(batch)).isEqualTo(1);

        fake.healthy();
        assertThat(mirror.deliver(batch.subList(1, 3))).isEqualTo(2);
        assertThat(fake.runs()).hasSize(2);
        // Run 1's third entry was already in MLflow: run 1 got one log-batch in all, the retry went to run 2 only.
        FakeMlflowServer.Run run1 = fake.runs().get(0);
        assertThat(fake.requests("POST", "runs/log-batch"))
                .filteredOn(r -> r.json().get("run_id").asText().equals(run1.id)).hasSize(1);
        assertThat(fake.metricHistory(run1.id, "train/loss")).extracting(FakeMlflowServer.MetricRow::step)
                .containsExactly(0L, 1L, 2L);
    }
}
