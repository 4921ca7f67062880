package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.escnet.adapters.djl.clip.ClipModel;
import org.escnet.adapters.djl.clip.ClipWeights;
import org.escnet.adapters.djl.tokenizer.ByteTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-training the tiny CLIP on coloured squares teaches its dense patch features which class text they show: the
 * zero-shot patch accuracy on unseen images rises from the random towers' to well above the majority class's share,
 * and the written file loads back into a fresh CLIP with identical features.
 */
class ClipPretrainerTest {
    @TempDir
    Path dir;

    @Test
    void patchFeaturesLearnTheClassTextsAndTheFileLoadsBack() throws Exception {
        ColouredSquares train = new ColouredSquares(64, 96, 11);
        ColouredSquares heldOut = new ColouredSquares(16, 96, 12);
        double majority = majorityShare(heldOut);
        ClipPretrainer.Settings settings = new ClipPretrainer.Settings(40, 8, 2e-3, 4, 1e-4, 1.0, 20, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            ClipModel clip = ClipModel.forPreset("tiny");
            clip.initialize(m, DataType.FLOAT32, clip.exampleInputShapes());
            List<Double> losses = new ArrayList<>();
            double before;
            double after;
            Path file = dir.resolve("weights/tiny-clip.safetensors");
            try (ClipPretrainer trainer = new ClipPretrainer(clip, new ByteTokenizer(), train, settings, m)) {
                before = trainer.patchAccuracy(heldOut, heldOut.size());
                while (!trainer.finished()) {
                    losses.add(trainer.step().loss());
                }
                after = trainer.patchAccuracy(heldOut, heldOut.size());
                trainer.save(file);
            }
            System.out.printf("clip pre-training: loss %.4f -> %.4f, held-out patch accuracy %.3f -> %.3f "
                    + "(majority class %.3f)%n", losses.get(0), losses.get(losses.size() - 1), before, after, majority);
            assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.5);
            assertThat(after).isGreaterThan(majority + 0.5 * (1 - majority)).isGreaterThan(before);
            assertThat(Files.list(file.getParent())).containsExactly(file); // no partial file left behind

            ClipModel reloaded = ClipModel.forPreset("tiny");
            reloaded.initialize(m, DataType.FLOAT32, reloaded.exampleInputShapes());
            ClipWeights.load(reloaded, file);
            NDArray pixels = m.randomNormal(new Shape(2, 3, 96, 96));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray a = clip.vision().forwardDense(ps, pixels, false).get(0);
            NDArray b = reloaded.vision().forwardDense(ps, pixels, false).get(0);
            assertThat(a.sub(b).abs().max().getFloat()).isZero();
        }
    }

    /** The share of labelled pixels in the most frequent class: what a class-blind patch scorer reaches at best. */
    private static double majorityShare(ColouredSquares data) {
        long[] counts = new long[data.classNames().size()];
        long labelled = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int l : data.sample(i).labels()) {
                if (l != data.ignoreValue()) {
                    counts[l]++;
                    labelled++;
                }
            }
        }
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        return max / (double) labelled;
    }
}
