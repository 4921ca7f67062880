package org.escnet.app.cli;

import picocli.CommandLine.Command;

@Command(name = "escnet", mixinStandardHelpOptions = true, version = "ESC-Lab 0.1.0",
        description = "ESC-Lab: train, evaluate and compare ESC-Net open-vocabulary segmentation models.",
        subcommands = {ServeCommand.class, WorkerCommand.class, DemoCommand.class, SubmitCommand.class, StatusCommand.class,
                CancelCommand.class, RerunFailedCommand.class, DatasetCommand.class,
                WeightsCommand.class, ModelCommand.class, BenchCommand.class, SegmentCommand.class, ClipCommand.class})
public class EscnetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
