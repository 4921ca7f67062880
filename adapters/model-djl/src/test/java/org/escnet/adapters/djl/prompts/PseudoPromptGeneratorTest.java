package org.escnet.adapters.djl.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.escnet.domain.prompts.PpgSpec;
import org.escnet.domain.prompts.CorrelationMaps;
import org.escnet.domain.prompts.PromptKind;
import org.escnet.domain.prompts.PromptRegions;
import org.escnet.domain.prompts.PseudoPromptGenerator;
import org.escnet.domain.prompts.PseudoPrompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudoPromptGeneratorTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /**
     * A 3x3 grid with K = 2 where region 1 is empty: the foreground (0, 0), (1, 0), (2, 1) all belong to region 0.
     * By hand: the point is the most probable member (2, 1), the box (0, 0)–(2, 1); region 1 gives the not-a-point
     * (0, 0) with label -1 and the box (0, 0, 0, 0) with label -1.
     */
    @Test
    void anEmptyRegionGivesNotAPointAndNoBox() {
        int grid = 3;
        NDArray probability = manager.create(new float[] {0.2f, 0.1f, 0, 0, 0, 0.6f, 0, 0, 0.1f}, new Shape(1, 9));
        boolean[] member = new boolean[9 * 2];
        for (int cell : new int[] {0, 1, 5}) {
            member[cell * 2] = true;
        }
        NDArray membership = manager.create(member, new Shape(1, 9, 2));
        NDArray foreground = manager.create(new boolean[] {true, true, false, false, false, true, false, false, false},
                new Shape(1, 9));
        PromptRegions regions = new PromptRegions(probability, foreground, membership, grid);
        PseudoPrompts prompts = PseudoPromptGenerator.fromRegions(regions, EnumSet.allOf(PromptKind.class), 10f);
        assertThat(prompts.points().toFloatArray()).containsExactly(2, 1, 0, 0);
        assertThat(prompts.pointLabels().toFloatArray()).containsExactly(1, -1);
        assertThat(prompts.boxes().toFloatArray()).containsExactly(0, 0, 2, 1, 0, 0, 0, 0);
        assertThat(prompts.boxLabels().toFloatArray()).containsExactly(1, -1);
        assertThat(prompts.regions().toIntArray()).containsExactly(0, 0, -1, -1, -1, 0, -1, -1, -1);
    }

    @Test
    void refusesMoreObjectsThanGridPositions() {
        NDArray maps = manager.zeros(new Shape(1, 1, 2, 2));
        assertThatThrownBy(() -> PseudoPromptGenerator.generate(CorrelationMaps.of(maps),
                new PpgSpec(0.01, 1, 10, 5, 10), EnumSet.of(PromptKind.POINTS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objects-per-class must be at most g·g = 4 for a 2x2 grid, found 5");
    }

    @Test
    void correlationMapsNameTheExpectedShape() {
        assertThatThrownBy(() -> CorrelationMaps.of(manager.zeros(new Shape(2, 3, 24, 23))))
                .hasMessageContaining("expected shape (B, N_c, g, g) with square g×g maps, found (2, 3, 24, 23)");
        assertThatThrownBy(() -> new CorrelationMaps(manager.zeros(new Shape(2, 3, 24, 24)), 2, 4, 24))
                .hasMessageContaining("expected shape (B, N_c, g, g) = (2, 4, 24, 24), found (2, 3, 24, 24)");
    }

    @Test
    void leavesOnlyItsOutputsInTheCallersManager() {
        NDArray maps = manager.create(new float[2 * 2 * 36], new Shape(2, 2, 6, 6));
        try (NDManager caller = manager.newSubManager()) {
            maps.attach(caller);
            int before = caller.getManagedArrays().size();
            PseudoPrompts prompts = PseudoPromptGenerator.generate(CorrelationMaps.of(maps), PpgSpec.DEFAULTS,
                    EnumSet.allOf(PromptKind.class));
            assertThat(caller.getManagedArrays().size() - before).isEqualTo(prompts.arrays().size());
        }
    }

    /**
     * Full size, the paper's setting: B = 2 images, N_c = 171 classes (COCO-Stuff), 24x24 grid, the spec defaults
     * (τ 0.01, α 1, 10 iterations, N_o 5, κ 10), every map compared with the scalar reference.
     */
    @Test
    void fullSizeBatchMatchesTheScalarReference() {
        int batch = 2;
        int classes = 171;
        int grid = 24;
        int positions = grid * grid;
        float[] values = new float[batch * classes * positions];
        Random random = new Random(11);
        for (int row = 0; row < batch * classes; row++) {
            // A smooth random blob field plus noise, so maps have several separated modes like real CLIP maps.
            double[][] blobs = new double[3][];
            for (int b = 0; b < blobs.length; b++) {
                blobs[b] = new double[] {random.nextInt(grid), random.nextInt(grid), 0.02 + 0.04 * random.nextDouble()};
            }
            for (int i = 0; i < positions; i++) {
                double s = 0.18 + 0.01 * random.nextGaussian();
                for (double[] blob : blobs) {
                    double dx = i % grid - blob[0];
                    double dy = i / grid - blob[1];
                    s += blob[2] * Math.exp(-(dx * dx + dy * dy) / 8.0);
                }
                values[row * positions + i] = (float) s;
            }
        }
        PpgSpec ppg = PpgSpec.DEFAULTS;
        long start = System.nanoTime();
        PseudoPrompts prompts = PseudoPromptGenerator.generate(
                CorrelationMaps.of(manager.create(values, new Shape(batch, classes, grid, grid))), ppg,
                EnumSet.allOf(PromptKind.class));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(prompts.masks().getShape()).isEqualTo(new Shape(batch * classes, 1, 96, 96));
        int compared = 0;
        int foregroundCells = 0;
        int emptyRegions = 0;
        int[] regions = prompts.regions().toIntArray();
        float[] points = prompts.points().toFloatArray();
        float[] labels = prompts.pointLabels().toFloatArray();
        float[] boxes = prompts.boxes().toFloatArray();
        for (int row = 0; row < batch * classes; row++) {
            float[] map = Arrays.copyOfRange(values, row * positions, (row + 1) * positions);
            if (ScalarPseudoPromptReference.thresholdMargin(map, ppg) < 1e-5) {
                continue;
            }
            ScalarPseudoPromptReference.Result reference = ScalarPseudoPromptReference.of(map, grid, ppg);
            assertThat(Arrays.copyOfRange(regions, row * positions, (row + 1) * positions))
                    .as("regions of row %d", row).containsExactly(reference.regions());
            for (int k = 0; k < 5; k++) {
                int at = row * 5 + k;
                assertThat(new float[] {points[2 * at], points[2 * at + 1]}).as("point %d of row %d", k, row)
                        .containsExactly(reference.points()[k]);
                assertThat(labels[at]).isEqualTo(reference.pointLabels()[k]);
                assertThat(Arrays.copyOfRange(boxes, 4 * at, 4 * at + 4)).as("box %d of row %d", k, row)
                        .containsExactly(reference.boxes()[k]);
                emptyRegions += labels[at] < 0 ? 1 : 0;
            }
            for (boolean fg : reference.foreground()) {
                foregroundCells += fg ? 1 : 0;
            }
            compared++;
        }
        System.out.printf("full size 2x171x24x24: %d of %d maps compared with the scalar reference, mean foreground"
                        + " %.1f cells, %d empty regions; generation took %d ms%n",
                compared, batch * classes, foregroundCells / (double) compared, emptyRegions, millis);
        assertThat(compared).isGreaterThan(batch * classes * 9 / 10);
        prompts.close();
    }
}
