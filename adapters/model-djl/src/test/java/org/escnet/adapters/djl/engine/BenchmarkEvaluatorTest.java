package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.domain.experiment.EvalMode;
import org.junit.jupiter.api.Test;

/** Both evaluation modes on the tiny network (random weights): shapes, class indices, prompts, timings. */
class BenchmarkEvaluatorTest {

    private record Seen(int index, int pixels, ImagePrediction prediction) {
    }

    @Test
    void slidingAndWholeEvaluationPredictValidClassesAtTheLabelSize() {
        ColouredSquares data = new ColouredSquares(3, 120, 9); // 120 px: neither the 96 px input nor the canvas
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            EscNetNetwork net = EscNetFactory.buildRandom(TinySpecs.escnetTiny(), m);
            double[] medianMs = new double[2];
            for (EvalMode mode : EvalMode.values()) {
                List<Seen> seen = new ArrayList<>();
                BenchmarkEvaluator evaluator = BenchmarkEvaluator.forMode(mode, net, m);
                BenchmarkEvaluator.Evaluation result = evaluator.evaluate(data, 3, 1,
                        (i, s, p) -> seen.add(new Seen(i, s.pixelCount(), p)), () -> false);

                assertThat(result.images()).isEqualTo(3);
                assertThat(Arrays.stream(result.latencyMs()).allMatch(ms -> ms > 0)).isTrue();
                assertThat(result.matrix().scores().mIoU()).isBetween(0.0, 100.0);
                long counted = 0;
                for (int p = 0; p < 3; p++) {
                    for (int t = 0; t < 3; t++) {
                        counted += result.matrix().count(p, t);
                    }
                }
                long scored = 0;
                for (int i = 0; i < 3; i++) {
                    scored += Arrays.stream(data.sample(i).labels()).filter(l -> l != ColouredSquares.IGNORE).count();
                }
                assertThat(counted).as("every scored pixel of the three images, " + mode).isEqualTo(scored);

                assertThat(seen).singleElement().satisfies(s -> {
                    assertThat(s.index()).isZero();
                    assertThat(s.prediction().classes()).hasSize(120 * 120);
                    assertThat(Arrays.stream(s.prediction().classes()).allMatch(c -> c >= 0 && c < 3)).isTrue();
                    PromptSnapshot prompts = s.prediction().prompts();
                    assertThat(prompts).isNotNull();
                    assertThat(prompts.classes()).containsExactly(0, 1, 2);
                    assertThat(prompts.hasPoints()).isTrue();
                    assertThat(prompts.hasMasks()).isTrue();
                    assertThat(prompts.grid()).isEqualTo(6);
                    assertThat(prompts.maskSide()).isEqualTo(24);
                    for (float coordinate : prompts.points()) {
                        assertThat(coordinate).isBetween(0f, 5f);
                    }
                });
                double[] sorted = result.latencyMs().clone();
                Arrays.sort(sorted);
                medianMs[mode.ordinal()] = sorted[1];
            }
            System.out.printf("tiny evaluation per image: %s %.1f ms, %s %.1f ms (median of 3)%n",
                    EvalMode.values()[0], medianMs[0], EvalMode.values()[1], medianMs[1]);
        }
    }

    @Test
    void theClassChunkingDoesNotChangeThePredictions() {
        ColouredSquares data = new ColouredSquares(5, 96, 21);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            EscNetNetwork net = EscNetFactory.buildRandom(TinySpecs.escnetTiny(), m);
            List<int[]> predictions = new ArrayList<>();
            for (int chunk : new int[] {0, 2, 16}) {
                BenchmarkEvaluator.forMode(EvalMode.WHOLE, net, m, new ClassChunking(chunk))
                        .evaluate(data, 2, 2, (i, s, p) -> predictions.add(p.classes()), () -> false);
            }
            assertThat(predictions).hasSize(6);
            for (int i = 2; i < 6; i++) {
                assertThat(predictions.get(i)).as("image %d, chunking %d", i % 2, i / 2)
                        .isEqualTo(predictions.get(i % 2));
            }
            assertThat(Arrays.stream(predictions.get(0)).distinct().count()).as("a non-trivial prediction")
                    .isGreaterThan(1);
        }
    }

    @Test
    void aNegativeClassChunkIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClassChunking(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escnet.model.class-chunk")
                .hasMessageContaining("-1");
    }
}
