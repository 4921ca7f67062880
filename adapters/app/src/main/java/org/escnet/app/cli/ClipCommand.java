package org.escnet.app.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldDataset;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldSplit;
import org.escnet.adapters.djl.clip.ClipModel;
import org.escnet.adapters.djl.engine.ClipPretrainer;
import org.escnet.adapters.djl.tokenizer.ByteTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "clip", mixinStandardHelpOptions = true, description = "CLIP weights made on this machine.",
        subcommands = {ClipCommand.Pretrain.class})
public class ClipCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "pretrain", mixinStandardHelpOptions = true,
            description = "Pre-trains the tiny preset's CLIP on ShapesWorld (SYNTHETIC), standing in for CLIP's "
                    + "web-scale pre-training: its dense patch features learn to match the phrases of the shapes "
                    + "under them, over all 108 phrases, on images no ShapesWorld benchmark contains. Writes a "
                    + "safetensors file in Hugging Face naming for weights.clip, and prints the zero-shot patch "
                    + "accuracy on the seen and unseen splits.")
    public static class Pretrain implements Callable<Integer> {
        /** Mixed into the data seed so pre-training images never coincide with a benchmark's. */
        private static final long PRETRAINING_STREAM = 0x434C_4950L;

        @Option(names = "--out", required = true, description = "safetensors file to write")
        Path out;
        @Option(names = "--steps", defaultValue = "2000", description = "optimizer steps (default ${DEFAULT-VALUE})")
        int steps;
        @Option(names = "--batch", defaultValue = "32", description = "images per step (default ${DEFAULT-VALUE})")
        int batch;
        @Option(names = "--lr", defaultValue = "2e-3", description = "peak learning rate (default ${DEFAULT-VALUE})")
        double lr;
        @Option(names = "--seed", defaultValue = "0", description = "data and initialisation seed (default "
                + "${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--log-every", defaultValue = "100", description = "steps between progress lines (default "
                + "${DEFAULT-VALUE})")
        int logEvery;

        @Override
        public Integer call() {
            ClipPretrainer.Settings defaults = ClipPretrainer.Settings.DEFAULTS;
            ClipPretrainer.Settings settings;
            try {
                settings = new ClipPretrainer.Settings(steps, batch, lr, Math.min(defaults.warmup(), steps / 10),
                        defaults.weightDecay(), defaults.clipNorm(), defaults.logitScale(), seed);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 2);
            }
            if (logEvery < 1) {
                throw new CliException("--log-every must be at least 1, found " + logEvery, 2);
            }
            ClipModel clip = ClipModel.forPreset("tiny");
            int side = clip.config().imageSize();
            ShapesWorldDataset data = new ShapesWorldDataset(ShapesWorldSplit.UNSEEN, seed ^ PRETRAINING_STREAM, side,
                    Math.max(1, steps * batch));
            System.out.printf("pre-training the tiny CLIP (%,d parameters) on %,d synthetic ShapesWorld images, "
                    + "%d phrases: %d steps of %d%n", clip.parameterCount(), data.size(), data.classNames().size(),
                    steps, batch);
            try (NDManager manager = NDManager.newBaseManager()) {
                ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
                clip.initialize(manager, DataType.FLOAT32, clip.exampleInputShapes());
                try (ClipPretrainer trainer = new ClipPretrainer(clip, new ByteTokenizer(), data, settings, manager)) {
                    long start = System.nanoTime();
                    double loss = 0;
                    double accuracy = 0;
                    int logged = 0;
                    while (!trainer.finished()) {
                        ClipPretrainer.Step step = trainer.step();
                        loss += step.loss();
                        accuracy += step.patchAccuracy();
                        logged++;
                        long done = step.iteration() + 1;
                        if (done % logEvery == 0 || done == steps) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            System.out.printf("step %d/%d  loss %.4f  patch accuracy %.1f%%  %.0f img/s  ETA %.0f s%n",
                                    done, steps, loss / logged, 100 * accuracy / logged, done * batch / seconds,
                                    seconds / done * (steps - done));
                            loss = 0;
                            accuracy = 0;
                            logged = 0;
                        }
                    }
                    for (ShapesWorldSplit split : new ShapesWorldSplit[] {ShapesWorldSplit.SEEN,
                            ShapesWorldSplit.UNSEEN}) {
                        ShapesWorldDataset evaluation = new ShapesWorldDataset(split, 0, side);
                        System.out.printf("zero-shot patch accuracy on %s (%d phrases, %d images): %.1f%%%n",
                                evaluation.name(), evaluation.classNames().size(), evaluation.size(),
                                100 * trainer.patchAccuracy(evaluation, evaluation.size()));
                    }
                    trainer.save(out);
                    System.out.println("wrote " + out.toAbsolutePath() + " (use it as weights.clip with "
                            + "preset escnet-tiny)");
                }
            } catch (IOException e) {
                throw new CliException("could not write " + out + ": " + e.getMessage(), 1);
            }
            return 0;
        }
    }
}
