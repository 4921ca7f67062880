package org.escnet.app.cli;

import java.util.concurrent.Callable;
import org.escnet.adapters.djl.bench.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Tools for model presets.",
        subcommands = ModelCommand.Summary.class)
public class ModelCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Parameters per module, trainable parameters per learning-rate group, and analytic "
                    + "multiply-accumulates per module for N classes (ESC-NET-SPEC §4, §5), as a paper's efficiency "
                    + "table reports them.")
    public static class Summary implements Callable<Integer> {
        @Option(names = "--preset", required = true, description = "escnet-vit-b16, escnet-vit-l14-336, escnet-tiny, "
                + "catseg-vit-b16, catseg-vit-l14-336, catseg-tiny")
        String preset;
        @Option(names = "--classes", defaultValue = "171", description = "vocabulary size (default ${DEFAULT-VALUE})")
        int classes;
        @Option(names = "--json", description = "print JSON: total_params, trainable_params, macs_total, modules")
        boolean json;

        @Override
        public Integer call() {
            if (classes < 1) {
                throw new CliException("--classes must be at least 1, found " + classes, 2);
            }
            ModelSummary summary;
            try {
                summary = ModelSummary.of(preset, classes);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 2);
            }
            System.out.println(json ? summary.toJson() : summary.toText());
            return 0;
        }
    }
}
