package org.escnet.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.escnet.adapters.datasets.DatasetCheckReport;
import org.escnet.adapters.datasets.DatasetChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Tools for prepared benchmark datasets.",
        subcommands = DatasetCommand.Check.class)
public class DatasetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a prepared benchmark before spending a GPU-day on it: counts images and label maps, "
                    + "unpaired files, size mismatches, the label-value histogram and values that are neither a class "
                    + "nor the ignore value. Exits 1 when anything is wrong.")
    public static class Check implements Callable<Integer> {
        @Option(names = "--benchmark", required = true, description = "coco-stuff, coco-stuff-train, ade150, ade847, "
                + "pc59, pc459, voc20 or voc20b")
        String benchmark;
        @Option(names = "--root", required = true, description = "folder holding the benchmark's top folder "
                + "(e.g. the parent of ADEChallengeData2016/)")
        Path root;
        @Option(names = "--json", description = "print the report as JSON")
        boolean json;
        @Option(names = "--decode-images", description = "decode every image fully (slower; catches corrupt pixel data)")
        boolean decode;

        @Override
        public Integer call() {
            if (!Files.isDirectory(root)) {
                throw new CliException("--root '" + root + "' is not a folder", 2);
            }
            DatasetCheckReport report = new DatasetChecker(decode).check(benchmark, root);
            System.out.println(json ? report.toJson() : report.toText());
            return report.ok() ? 0 : 1;
        }
    }
}
