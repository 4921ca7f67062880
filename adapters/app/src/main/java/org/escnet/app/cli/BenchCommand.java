package org.escnet.app.cli;

import java.util.concurrent.Callable;
import org.escnet.adapters.djl.bench.ForwardBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = BenchCommand.Forward.class)
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
}
