package org.escnet.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.escnet.adapters.djl.weights.WeightFileInspector;
import org.escnet.adapters.djl.weights.WeightFileReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "weights", mixinStandardHelpOptions = true, description = "Tools for weight files.",
        subcommands = WeightsCommand.Inspect.class)
public class WeightsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "List a safetensors file's tensors (dtype, shape, parameters) and the layout it looks like: "
                    + "clip-hf, clip-openai, sam-hf, sam-original or unknown.")
    public static class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a .safetensors file")
        Path file;
        @Option(names = "--json", description = "print the report as JSON")
        boolean json;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new CliException("weight file '" + file + "' does not exist", 2);
            }
            WeightFileReport report = WeightFileInspector.inspect(file);
            System.out.println(json ? report.toJson() : report.toText());
            return 0;
        }
    }
}
