package org.escnet.adapters.djl.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escnet.adapters.djl.bench.PeakMemory;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.ParameterGroups.Group;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.RunContext;
import org.escnet.application.ports.out.RunEvent;
import org.escnet.application.ports.out.RunExecution;
import org.escnet.application.ports.out.RunQueue.Outcome;
import org.escnet.domain.data.DataLocations;
import org.escnet.domain.data.DatasetCatalog;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.evaluation.SegmentationScores;
import org.escnet.domain.experiment.EvalMode;
import org.escnet.domain.experiment.RunConfig;

/**
 * The training engine on DJL: builds the network of a run, resumes from the run's checkpoint if one exists, trains
 * (checkpointing every {@code checkpoint-every} iterations, on cancel and at the end), evaluates every benchmark of
 * {@code eval.benchmarks} in {@code eval.mode} (sliding window or whole image, see {@link BenchmarkEvaluator}), saves
 * the first {@code eval.qualitative-samples} images of each benchmark as PNG artifacts ({@link QualitativeWriter}) and
 * logs what it did through the run's tracker.
 *
 * <p>Metric names: {@code train/loss} (mean over the logging window), {@code train/lr/low}, {@code train/lr/high},
 * {@code train/grad_norm}, {@code train/skipped_steps}, {@code train/images_per_s}, {@code eval/<benchmark>/mIoU}
 * (×100), {@code eval/<benchmark>/IoU/<class>} (×100), {@code cost/params}, {@code cost/latency_ms} (median
 * prediction time per evaluated image over all benchmarks, in the configured mode: five forwards per image when
 * sliding), {@code cost/peak_rss_mb} (peak resident memory of the process so far, Linux only).
 */
@ApplicationScoped
public class DjlRunExecution implements RunExecution {
    private final DatasetCatalog catalog;
    private final ClassChunking chunking;

    /** @param chunking classes per chunk of the evaluation forwards ({@code escnet.model.class-chunk}) */
    @Inject
    public DjlRunExecution(DatasetCatalog catalog, ClassChunking chunking) {
        this.catalog = catalog;
        this.chunking = chunking;
    }

    public DjlRunExecution(DatasetCatalog catalog) {
        this(catalog, ClassChunking.DEFAULT);
    }

    @Override
    public Outcome execute(RunContext context) throws Exception {
        RunConfig config = context.run().config();
        Progress progress = new Progress(context);
        DataLocations where = DataLocations.fromSpec(config.data(), Path.of("").toAbsolutePath());
        Engine.getInstance().setRandomSeed((int) config.seed());
        try (NDManager manager = NDManager.newBaseManager(device(context.device()))) {
            progress.event("building network " + config.model().preset() + " (" + config.model().prompts() + ")");
            EscNetNetwork network = EscNetFactory.build(config.model(), manager);
            SegmentationDataset train = catalog.open(config.train().dataset(), where);
            try (Trainer trainer = new Trainer(network, train, TrainingSettings.of(config.train(), config.seed()),
                    manager)) {
                if (!train(trainer, train, context, progress)) {
                    return Outcome.CANCELLED;
                }
                long params = trainer.groups().count(Group.LOW) + trainer.groups().count(Group.HIGH)
                        + trainer.groups().count(Group.FROZEN);
                List<Double> latencyMs = new ArrayList<>();
                if (!evaluate(network, manager, config, where, context, progress, latencyMs)) {
                    return Outcome.CANCELLED;
                }
                progress.metric("cost/params", 0, params);
                if (!latencyMs.isEmpty()) {
                    progress.metric("cost/latency_ms", 0, median(latencyMs));
                }
                long peakMiB = PeakMemory.residentMiB();
                if (peakMiB >= 0) { // -1 where /proc is missing: no number beats a made-up one
                    progress.metric("cost/peak_rss_mb", 0, peakMiB);
                }
            }
        }
        progress.event("done");
        return Outcome.SUCCEEDED;
    }

    /** Returns false when cancelled (after writing a checkpoint). */
    private boolean train(Trainer trainer, SegmentationDataset data, RunContext context, Progress progress)
            throws Exception {
        TrainingCheckpoint checkpoint = new TrainingCheckpoint(context.workDir());
        Optional<Path> latest = checkpoint.latest();
        if (latest.isPresent()) {
            trainer.resume(latest.get());
            progress.event("resumed from checkpoint at iteration " + trainer.iteration());
        }
        var spec = context.run().config().train();
        progress.event("training " + spec.iterations() + " iterations on " + data.name() + " ("
                + (spec.images() > 0 ? Math.min(spec.images(), data.size()) : data.size()) + " images"
                + (data.synthetic() ? ", synthetic" : "") + ")");
        double windowLoss = 0;
        int windowSteps = 0;
        int windowImages = 0;
        long skippedSteps = 0;
        long windowStart = System.nanoTime();
        while (!trainer.finished()) {
            if (context.cancelled()) {
                trainer.save(checkpoint);
                progress.event("cancelled at iteration " + trainer.iteration() + "; checkpoint kept");
                return false;
            }
            Trainer.Step step = trainer.step();
            long done = step.iteration() + 1;
            if (step.skipped()) {
                skippedSteps++;
                progress.event("iteration " + step.iteration() + ": gradient norm " + step.gradientNorm()
                        + ", update skipped; non-finite gradients in " + summary(step.nonFinite()));
            }
            windowLoss += step.loss();
            windowSteps++;
            windowImages += step.images();
            if (done % spec.logEvery() == 0 || trainer.finished()) {
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                progress.metric("train/loss", done, windowLoss / windowSteps);
                progress.metric("train/lr/low", done, trainer.learningRate(Group.LOW, step.iteration()));
                progress.metric("train/lr/high", done, trainer.learningRate(Group.HIGH, step.iteration()));
                if (Double.isFinite(step.gradientNorm())) {
                    progress.metric("train/grad_norm", done, step.gradientNorm());
                }
                // Skipped updates are counted rather than logged as a non-finite norm, which no tracker stores.
                progress.metric("train/skipped_steps", done, skippedSteps);
                progress.metric("train/images_per_s", done, seconds > 0 ? windowImages / seconds : 0);
                windowLoss = 0;
                windowSteps = 0;
                windowImages = 0;
                windowStart = System.nanoTime();
            }
            if (done % spec.checkpointEvery() == 0 && !trainer.finished()) {
                trainer.save(checkpoint);
                progress.checkpoint(done);
            }
        }
        trainer.save(checkpoint);
        progress.checkpoint(trainer.iteration());
        return true;
    }

    /** Returns false when cancelled; adds each evaluated image's prediction time to {@code latencyMs}. */
    private boolean evaluate(EscNetNetwork network, NDManager manager, RunConfig config, DataLocations where,
                             RunContext context, Progress progress, List<Double> latencyMs) {
        BenchmarkEvaluator evaluator = BenchmarkEvaluator.forMode(config.eval().mode(), network, manager, chunking);
        QualitativeWriter qualitative = new QualitativeWriter(context.workDir());
        String mode = config.eval().mode() == EvalMode.SLIDING ? "sliding window" : "whole image";
        for (String benchmark : config.eval().benchmarks()) {
            if (context.cancelled()) {
                progress.event("cancelled during evaluation; checkpoint kept");
                return false;
            }
            SegmentationDataset data = catalog.open(benchmark, where);
            progress.event("evaluating " + benchmark + " (" + mode + (data.synthetic() ? ", synthetic" : "") + ")");
            BenchmarkEvaluator.SampleListener drawer = (index, sample, prediction) -> {
                try {
                    for (ArtifactRecord artifact : qualitative.write(benchmark, index, sample, prediction,
                            data.scoring())) {
                        context.tracker().logArtifact(context.runId(), artifact);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the qualitative PNGs of " + benchmark + " image "
                            + index + " under " + context.workDir(), e);
                }
            };
            BenchmarkEvaluator.Evaluation evaluation = evaluator.evaluate(data, config.eval().maxImages(),
                    config.eval().qualitativeSamples(), drawer, context::cancelled);
            if (context.cancelled()) {
                progress.event("cancelled during evaluation; checkpoint kept");
                return false;
            }
            for (double ms : evaluation.latencyMs()) {
                latencyMs.add(ms);
            }
            SegmentationScores scores = evaluation.matrix().scores();
            List<MetricPoint> points = new ArrayList<>();
            Instant now = Instant.now();
            points.add(new MetricPoint("eval/" + benchmark + "/mIoU", 0, scores.mIoU(), now));
            double[] iou = scores.classIoU();
            for (int c = 0; c < iou.length; c++) {
                if (!Double.isNaN(iou[c])) {
                    String name = c < data.classNames().size() ? data.classNames().get(c) : Integer.toString(c);
                    points.add(new MetricPoint(MetricNames.classIoU(benchmark, name), 0, 100 * iou[c], now));
                }
            }
            progress.metrics(points);
        }
        return true;
    }

    /** The middle value (mean of the two middle values for an even count); NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The first few names of a list, then how many more: an event stays readable when every gradient is NaN. */
    private static String summary(List<String> names) {
        int shown = Math.min(5, names.size());
        String head = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
    }

    private static Device device(String slot) {
        if (slot != null && slot.startsWith("gpu:")) {
            return Device.gpu(Integer.parseInt(slot.substring(4)));
        }
        return Device.cpu();
    }

    /** The tracker calls of one run. */
    private record Progress(RunContext context) {
        void event(String message) {
            context.tracker().logEvent(context.runId(), RunEvent.of(Instant.now(), "info", message));
        }

        void checkpoint(long iteration) {
            context.tracker().logEvent(context.runId(),
                    RunEvent.of(Instant.now(), "checkpoint", "checkpoint at iteration " + iteration));
        }

        void metric(String key, long step, double value) {
            context.tracker().logMetric(context.runId(), new MetricPoint(key, step, value, Instant.now()));
        }

        void metrics(List<MetricPoint> points) {
            context.tracker().logMetrics(context.runId(), points);
        }
    }
}
