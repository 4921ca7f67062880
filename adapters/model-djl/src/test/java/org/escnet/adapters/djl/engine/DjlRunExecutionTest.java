package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.RunContext;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunQueue.Outcome;
import org.escnet.application.ports.out.RunTracker;
import org.escnet.domain.data.DataLocations;
import org.escnet.domain.data.DatasetCatalog;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.experiment.DataSpec;
import org.escnet.domain.experiment.EvalMode;
import org.escnet.domain.experiment.EvalSpec;
import org.escnet.domain.experiment.ResourceSpec;
import org.escnet.domain.experiment.Run;
import org.escnet.domain.experiment.RunConfig;
import org.escnet.domain.experiment.RunStatus;
import org.escnet.domain.experiment.TrainSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as the worker drives it: train, checkpoint, cancel, resume, evaluate with the sliding window, and what it
 * logs (metrics, events, qualitative PNG artifacts).
 */
class DjlRunExecutionTest {
    private static final double LR = 1e-3;

    @TempDir
    Path workDir;

    /** Records everything a run logs. */
    private static final class RecordingTracker implements RunTracker {
        final List<MetricPoint> metrics = new CopyOnWriteArrayList<>();
        final List<RunEvent> events = new CopyOnWriteArrayList<>();
        final List<ArtifactRecord> artifacts = new CopyOnWriteArrayList<>();

        @Override
        public void logParams(long runId, Map<String, String> params) {
        }

        @Override
        public void logMetrics(long runId, List<MetricPoint> points) {
            metrics.addAll(points);
        }

        @Override
        public void logEvent(long runId, RunEvent event) {
            events.add(event);
        }

        @Override
        public void logArtifact(long runId, ArtifactRecord artifact) {
            artifacts.add(artifact);
        }

        List<MetricPoint> series(String key) {
            return metrics.stream().filter(p -> p.key().equals(key)).toList();
        }
    }

    /** Every name opens the coloured squares; the test never touches the datasets adapter. */
    private static final DatasetCatalog SQUARES = new DatasetCatalog() {
        @Override
        public SegmentationDataset open(String benchmark, DataLocations where) {
            return new ColouredSquares(4, 96, 5);
        }

        @Override
        public List<String> knownBenchmarks() {
            return List.of("squares-train", "squares-eval");
        }
    };

    private static Run run() {
        TrainSpec train = new TrainSpec("squares-train", 3, 2, 1, LR, LR / 10, 1e-4, 0.01, 0, 96, 1, 1, false, 0);
        EvalSpec eval = new EvalSpec(List.of("squares-eval"), EvalMode.SLIDING, 2, 1);
        RunConfig config = new RunConfig(TinySpecs.escnetTiny(), train, DataSpec.DEFAULTS, eval, 3L,
                ResourceSpec.DEFAULTS);
        Instant now = Instant.now();
        return new Run(7L, 1L, config.cellKey(), "test", Map.of(), config, RunStatus.RUNNING, 1, 3, "worker",
                "cpu:0", null, now, now, null);
    }

    private static long savedIteration(Path workDir) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(workDir.resolve("checkpoint").resolve(TrainingCheckpoint.STATE))) {
            p.load(in);
        }
        return Long.parseLong(p.getProperty("iteration"));
    }

    @Test
    void cancelKeepsACheckpointAndTheNextAttemptResumesTrainsAndEvaluates() throws Exception {
        DjlRunExecution engine = new DjlRunExecution(SQUARES);
        RecordingTracker first = new RecordingTracker();
        AtomicInteger checks = new AtomicInteger();
        // the loop checks before every iteration: the second check comes after iteration 0
        Outcome cancelled = engine.execute(new RunContext(run(), "cpu:0", first, workDir,
                () -> checks.incrementAndGet() > 1));
        assertThat(cancelled).isEqualTo(Outcome.CANCELLED);
        assertThat(savedIteration(workDir)).isEqualTo(1);
        assertThat(first.series("train/loss")).extracting(MetricPoint::step).containsExactly(1L);

        RecordingTracker second = new RecordingTracker();
        Outcome done = engine.execute(new RunContext(run(), "cpu:0", second, workDir, () -> false));
        assertThat(done).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.events).extracting(RunEvent::message)
                .contains("resumed from checkpoint at iteration 1");
        assertThat(savedIteration(workDir)).isEqualTo(3);
        assertThat(second.series("train/loss")).extracting(MetricPoint::step).containsExactly(2L, 3L);
        // cosine over 3 iterations, no warm-up: iteration 1 → (1 + cos(π/3)) / 2 = 0.75, iteration 2 → 0.25
        List<MetricPoint> lr = second.series("train/lr/high");
        assertThat(lr.get(0).value()).isCloseTo(0.75 * LR, within(1e-12));
        assertThat(lr.get(1).value()).isCloseTo(0.25 * LR, within(1e-12));
        assertThat(second.series("train/lr/low").get(0).value()).isCloseTo(0.75 * LR / 10, within(1e-12));

        List<MetricPoint> miou = second.series("eval/squares-eval/mIoU");
        assertThat(miou).hasSize(1);
        assertThat(miou.get(0).value()).isBetween(0.0, 100.0);
        // all three classes occur in the two evaluated images, so each gets an IoU series
        assertThat(second.metrics).extracting(MetricPoint::key).contains("eval/squares-eval/IoU/grey background",
                "eval/squares-eval/IoU/red square", "eval/squares-eval/IoU/blue square");
        double meanOfClasses = second.metrics.stream().filter(p -> p.key().startsWith("eval/squares-eval/IoU/"))
                .mapToDouble(MetricPoint::value).average().orElseThrow();
        assertThat(miou.get(0).value()).isCloseTo(meanOfClasses, within(1e-9));
        assertThat(second.series("cost/params")).singleElement()
                .satisfies(p -> assertThat(p.value()).isGreaterThan(0));
        assertThat(second.events).extracting(RunEvent::message).contains("evaluating squares-eval (sliding window, "
                + "synthetic)");
        assertThat(second.series("cost/latency_ms")).singleElement()
                .satisfies(p -> assertThat(p.value()).isGreaterThan(0));
        assertThat(second.series("cost/peak_rss_mb")).singleElement()
                .satisfies(p -> assertThat(p.value()).isGreaterThan(100)); // a JVM with libtorch loaded

        // one qualitative sample (the first image) with both prompt overlays of points+masks
        assertThat(first.artifacts).isEmpty();
        assertThat(second.artifacts).extracting(ArtifactRecord::path).containsExactly(
                "qualitative/squares-eval/0000/image.png", "qualitative/squares-eval/0000/truth.png",
                "qualitative/squares-eval/0000/prediction.png", "qualitative/squares-eval/0000/points.png",
                "qualitative/squares-eval/0000/masks.png");
        for (ArtifactRecord artifact : second.artifacts) {
            Path file = Path.of(artifact.file());
            assertThat(file).startsWith(workDir.resolve("artifacts"));
            byte[] bytes = Files.readAllBytes(file);
            assertThat(artifact.sizeBytes()).isEqualTo(bytes.length);
            assertThat(artifact.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)));
            BufferedImage png = ImageIO.read(file.toFile());
            assertThat(png.getWidth()).isEqualTo(96);
            assertThat(png.getHeight()).isEqualTo(96);
        }
        System.out.println("engine run: loss " + second.series("train/loss").stream().map(MetricPoint::value)
                .toList() + ", mIoU " + miou.get(0).value());
    }
}
