package org.escnet.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldDataset;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldSplit;
import org.escnet.adapters.djl.bench.ForwardBenchmark;
import org.escnet.adapters.djl.bench.TrainBenchmark;
import org.escnet.adapters.djl.engine.TrainingSettings;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Forward.class, BenchCommand.Train.class, BenchCommand.Overfit.class})
public class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "forward", mixinStandardHelpOptions = true,
            description = "Median inference latency per image (random weights, cached text) and peak resident memory; "
                    + "for an ESC-Net preset also its CAT-Seg baseline in the same run (latency ratio next to the "
                    + "multiply-accumulate ratio), and achieved GFLOP/s next to this machine's fp32 matmul GFLOP/s.")
    public static class Forward implements Callable<Integer> {
        @Option(names = "--preset", required = true, description = "model preset")
        String preset;
        @Option(names = "--classes", defaultValue = "171", description = "vocabulary size (default ${DEFAULT-VALUE})")
        int classes;
        @Option(names = "--repeat", defaultValue = "3", description = "timed forwards per preset (default ${DEFAULT-VALUE})")
        int repeat;
        @Option(names = "--class-chunk", defaultValue = "16", description = "classes the per-class stages process at a "
                + "time, 0 = all (default ${DEFAULT-VALUE}, as escnet.model.class-chunk)")
        int classChunk;
        @Option(names = "--class-cap", description = "classes per image that go past the correlation, 0 = all "
                + "(default: the model's, CAT-Seg's 256); 0 shows how memory grows with the vocabulary itself")
        Integer classCap;

        @Override
        public Integer call() {
            if (classes < 1 || repeat < 1) {
                throw new CliException("--classes and --repeat must be at least 1", 2);
            }
            try {
                int cap = classCap == null ? ModelSpec.DEFAULTS.classCap() : classCap;
                System.out.println(ForwardBenchmark.run(preset, classes, repeat, new ClassChunking(classChunk), cap)
                        .toText());
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 2);
            }
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Median time of one training step (forward, backward, clipping, AdamW) and images/s for a "
                    + "preset on this machine: random weights, synthetic ShapesWorld batches, warm-up steps not "
                    + "timed.")
    public static class Train implements Callable<Integer> {
        @Option(names = "--preset", required = true, description = "model preset")
        String preset;
        @Option(names = "--batch", defaultValue = "1", description = "images per step (default ${DEFAULT-VALUE})")
        int batch;
        @Option(names = "--iterations", defaultValue = "5", description = "timed steps (default ${DEFAULT-VALUE})")
        int iterations;
        @Option(names = "--warmup", defaultValue = "2", description = "untimed steps first (default ${DEFAULT-VALUE})")
        int warmup;
        @Option(names = "--size", defaultValue = "128",
                description = "side of the synthetic images in pixels (default ${DEFAULT-VALUE}); the network "
                        + "resizes them to its input size")
        int size;

        @Override
        public Integer call() {
            if (batch < 1 || iterations < 1 || warmup < 1 || size < 16) {
                throw new CliException("--batch, --iterations and --warmup must be at least 1 and --size at least 16, "
                        + "found " + batch + ", " + iterations + ", " + warmup + " and " + size, 2);
            }
            try {
                // enough images that no timed step repeats one; their content does not change the cost
                int images = Math.min(batch * (warmup + iterations), 1024);
                ShapesWorldDataset data = new ShapesWorldDataset(ShapesWorldSplit.TRAIN, 0, size, images);
                System.out.println(TrainBenchmark.run(preset, data, batch, warmup, iterations).toText());
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 2);
            }
            return 0;
        }
    }

    @Command(name = "overfit", mixinStandardHelpOptions = true,
            description = "Trains a preset on the first images of ShapesWorld's training split (synthetic) with the "
                    + "phrases they contain and prints the mIoU on those same images, per class, next to the "
                    + "majority-class score: a check that the model and its CLIP can learn to tell the phrases apart.")
    public static class Overfit implements Callable<Integer> {
        @Option(names = "--preset", defaultValue = "escnet-tiny", description = "model preset (default ${DEFAULT-VALUE})")
        String preset;
        @Option(names = "--clip", paramLabel = "FILE", description = "CLIP weights (weights.clip), e.g. one made by "
                + "escnet clip pretrain; random when absent")
        String clip;
        @Option(names = "--sam-init", defaultValue = "random", description = "random or none (pretrained needs "
                + "a SAM checkpoint, which this check does not load; default ${DEFAULT-VALUE})")
        String samInit;
        @Option(names = "--images", defaultValue = "8", description = "training images (default ${DEFAULT-VALUE})")
        int images;
        @Option(names = "--steps", defaultValue = "600", description = "optimizer steps (default ${DEFAULT-VALUE})")
        int steps;
        @Option(names = "--batch", defaultValue = "4", description = "images per step (default ${DEFAULT-VALUE})")
        int batch;
        @Option(names = "--lr", defaultValue = "2e-3", description = "learning rate (default ${DEFAULT-VALUE})")
        double lr;
        @Option(names = "--lr-low", defaultValue = "2e-4",
                description = "learning rate of CLIP q/v and the SAM parts (default ${DEFAULT-VALUE})")
        double lrLow;
        @Option(names = "--size", defaultValue = "96", description = "image side in pixels (default ${DEFAULT-VALUE})")
        int size;
        @Option(names = "--seed", defaultValue = "0", description = "data and training seed (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--log-every", defaultValue = "25", description = "steps per progress line (default ${DEFAULT-VALUE})")
        int logEvery;

        @Override
        public Integer call() {
            if (images < 1 || steps < 1 || batch < 1 || size < 16 || logEvery < 1 || !(lr > 0) || !(lrLow >= 0)) {
                throw new CliException("--images, --steps, --batch and --log-every must be at least 1, --size at least "
                        + "16, --lr positive and --lr-low non-negative", 2);
            }
            SamInit init = switch (samInit.toLowerCase(Locale.ROOT)) {
                case "random" -> SamInit.RANDOM;
                case "none" -> SamInit.NONE;
                default -> throw new CliException("--sam-init must be random or none (this check loads no SAM "
                        + "checkpoint), found '" + samInit + "'", 2);
            };
            if (clip != null && !Files.isRegularFile(Path.of(clip))) {
                throw new CliException("--clip " + clip + " does not exist (make one with escnet clip pretrain)", 2);
            }
            try {
                TrainingSettings training = OverfitCheck.training(steps, batch, lr, lrLow, size, seed);
                OverfitCheck.Result result = OverfitCheck.run(new OverfitCheck.Setup(
                        OverfitCheck.spec(preset, init, clip), images, size, seed, training, logEvery), System.out);
                System.out.print(OverfitCheck.report(result));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 2);
            }
            return 0;
        }
    }
}
