package org.escnet.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox with a relay in front of the mirror: an MLflow outage delays tracking but loses and repeats nothing. */
class OutboxRelayScenarioTest {
    @TempDir
    Path dir;

    @Test
    void entriesPileUpWhileMlflowIsDownAndAreDeliveredOnceAndInOrderWhenItIsBack() throws IOException {
        Entries entries = new Entries("table3-sam-ablation", 2, 1);
        InMemoryTrackingOutbox outbox = new InMemoryTrackingOutbox();
        try (FakeMlflowServer fake = FakeMlflowServer.start();
             MlflowMirror mirror = new MlflowMirror(MlflowSettings.of(fake.baseUrl(), null, null, null,
                     Duration.ofSeconds(20)))) {
            RelayLoop relay = new RelayLoop(outbox, mirror, 50);
            List<OutboxEntry> written = new ArrayList<>();

            // Two runs start while MLflow is up.
            for (long run = 1; run <= 2; run++) {
                written.add(entries.status(run, "RUNNING", Entries.T0));
                written.add(entries.params(run, Map.of("prompt.strategy", "kmeans-" + run, "train.lr", "0.0001")));
            }
            written.forEach(outbox::add);
            relay.drain(5);
            assertThat(outbox.pendingCount()).isZero();

            // MLflow goes down; training goes on and the outbox fills.
            fake.stop();
            List<OutboxEntry> duringOutage = new ArrayList<>();
            for (int chunk = 0; chunk < 30; chunk++) {
                for (long run = 1; run <= 2; run++) {
                    duringOutage.add(entries.metrics(run, "train/loss", chunk * 10, 10));
                }
            }
            duringOutage.add(entries.event(1, "checkpoint", "saved step 300"));
            Path png = Files.write(dir.resolve("0001.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            duringOutage.add(entries.artifact(1, new ArtifactRecord("qualitative/0001.png", png.toString(), "image/png",
                    8, "unused-by-the-mirror")));
            duringOutage.add(entries.status(1, "SUCCEEDED", Entries.T0.plusSeconds(3600)));
            duringOutage.add(entries.status(2, "FAILED", Entries.T0.plusSeconds(1800)));
            duringOutage.forEach(outbox::add);
            written.addAll(duringOutage);

            for (int round = 0; round < 3; round++) {
                assertThat(relay.round()).isZero();
            }
            assertThat(relay.unavailableRounds()).isEqualTo(3);
            assertThat(outbox.pendingCount()).isEqualTo(duringOutage.size());
            assertThat(outbox.failures().get(duringOutage.get(0).id())).contains("cannot reach MLflow");

            // MLflow is back: everything drains, once and in order.
            fake.restart();
            int rounds = relay.drain(20);
            System.out.printf("outage scenario: %d entries, %d pending during the outage, drained in %d rounds, "
                    + "%d log-batch requests in all%n", written.size(), duringOutage.size(), rounds,
                    fake.requests("POST", "runs/log-batch").size());

            assertThat(outbox.deliveredInOrder()).containsExactlyElementsOf(written.stream().map(OutboxEntry::id)
                    .toList());
            assertThat(fake.requests("POST", "experiments/create")).hasSize(1);
            assertThat(fake.requests("POST", "runs/create")).hasSize(2);
            for (FakeMlflowServer.Run run : fake.runs()) {
                assertThat(fake.metricHistory(run.id, "train/loss")).extracting(FakeMlflowServer.MetricRow::step)
                        .containsExactlyElementsOf(LongStream.range(0, 300).boxed().toList());
            }
            FakeMlflowServer.Run first = fake.runs().stream().filter(r -> r.tags.get("escnet.run_id").equals("1"))
                    .findFirst().orElseThrow();
            FakeMlflowServer.Run second = fake.runs().stream().filter(r -> r.tags.get("escnet.run_id").equals("2"))
                    .findFirst().orElseThrow();
            assertThat(first.status).isEqualTo("FINISHED");
            assertThat(second.status).isEqualTo("FAILED");
            assertThat(first.params).containsEntry("prompt.strategy", "kmeans-1");
            assertThat(second.params).containsEntry("prompt.strategy", "kmeans-2");
            assertThat(fake.artifact(first.experimentId + "/" + first.id + "/artifacts/qualitative/0001.png"))
                    .containsExactly(0x89, 'P', 'N', 'G', 13, 10, 26, 10);
            assertThat(first.tags.keySet()).anyMatch(k -> k.startsWith("escnet.event."));
        }
    }
}
