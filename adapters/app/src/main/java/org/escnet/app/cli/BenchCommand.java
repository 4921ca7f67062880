package org.escnet.app.cli;

import java.util.concurrent.Callable;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldDataset;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldSplit;
import org.escnet.adapters.djl.bench.ForwardBenchmark;
import org.escnet.adapters.djl.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Forward.class, BenchCommand.Train.class})
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

        @Override
        public Integer call() {
            if (classes < 1 || repeat < 1) {
                throw new CliException("--classes and --repeat must be at least 1", 2);
            }
            try {
                System.out.println(ForwardBenchmark.run(preset, classes, repeat).toText());
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
}
