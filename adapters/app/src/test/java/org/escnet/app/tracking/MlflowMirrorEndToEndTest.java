package org.escnet.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.escnet.adapters.mlflow.FakeMlflowForTests;
import org.escnet.app.Await;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.escnet.application.ports.in.BrowseRuns;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.in.SubmitGridCommand;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.RunExecution;
import org.escnet.application.ports.out.RunQueue;
import org.escnet.application.ports.out.RunTracker;
import org.escnet.application.ports.out.TrackingOutbox;
import org.escnet.application.services.worker.DeviceSlot;
import org.escnet.application.services.worker.Worker;
import org.escnet.application.services.worker.WorkerSettings;
import org.junit.jupiter.api.Test;

/**
 * The whole tracking path: worker → PostgreSQL tracker → outbox → relay → MLflow (the loopback fake). With MLflow
 * stopped, runs still finish and their records wait; once it is back, everything arrives once and in order.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
@WithTestResource(FakeMlflowResource.class)
class MlflowMirrorEndToEndTest {
    @Inject
    SubmitGrid submit;
    @Inject
    BrowseRuns browse;
    @Inject
    RunQueue queue;
    @Inject
    RunTracker tracker;
    @Inject
    TrackingOutbox outbox;
    @Inject
    Clock clock;

    /** A training double: ten loss points 1.0, 0.9, … and a final mIoU. */
    private final RunExecution engine = context -> {
        for (int step = 0; step < 10; step++) {
            context.tracker().logMetric(context.runId(), new MetricPoint("train/loss", step, 1.0 - step / 10.0,
                    clock.instant()));
        }
        context.tracker().logMetric(context.runId(), new MetricPoint("eval/shapesworld-seen/mIoU", 0, 42.5,
                clock.instant()));
        return RunQueue.Outcome.SUCCEEDED;
    };


    private long runGrid(String name, Worker worker) throws Exception {
        long grid = submit.submit(new SubmitGridCommand("name: " + name + "\nmodel: {preset: escnet-tiny}\n"
                + "axes: {model.prompts: [points, points+masks]}\n", null, Files.createTempDirectory("g"), false)).gridId();
        Await.until("grid " + name + " to finish", () -> browse.counts(grid).succeeded() == 2);
        return grid;
    }

    @Test
    void runsCarryOnWhileMlflowIsDownAndEverythingArrivesOnceItIsBack() throws Exception {
        FakeMlflowForTests fake = FakeMlflowResource.fake;
        Worker worker = new Worker(new WorkerSettings("mirror-worker", List.of(new DeviceSlot("cpu:0", "cpu")),
                Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofMillis(100), Files.createTempDirectory("runs")),
                queue, tracker, Optional.of(engine), clock);
        worker.start();
        try {
            runGrid("mirrored-online", worker);
            Await.until("the outbox to drain", () -> outbox.pendingCount() == 0);
            assertThat(fake.experimentNames()).contains("mirrored-online");

            fake.stop();
            runGrid("mirrored-offline", worker);
            assertThat(outbox.pendingCount()).as("records wait while MLflow is down").isPositive();

            fake.restart();
            Await.until("the outbox to drain after MLflow is back", () -> outbox.pendingCount() == 0);
        } finally {
            worker.stop(5000);
        }
        assertThat(fake.experimentNames()).contains("mirrored-online", "mirrored-offline");
        List<FakeMlflowForTests.RunView> runs = fake.runs();
        assertThat(runs).hasSize(4);
        for (FakeMlflowForTests.RunView run : runs) {
            assertThat(run.status()).isEqualTo("FINISHED");
            assertThat(run.metrics().get("train/loss")).containsExactly(1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4,
                    0.30000000000000004, 0.19999999999999996, 0.09999999999999998);
            assertThat(run.metrics().get("eval/shapesworld-seen/mIoU")).containsExactly(42.5);
            assertThat(run.params()).containsEntry("model.preset", "escnet-tiny");
            assertThat(run.tags()).containsKey("escnet.run_id");
        }
    }
}
