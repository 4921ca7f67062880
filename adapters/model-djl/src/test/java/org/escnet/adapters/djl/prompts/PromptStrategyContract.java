package org.escnet.adapters.djl.prompts;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.escnet.domain.prompts.PpgSpec;
import org.escnet.domain.prompts.CorrelationMaps;
import org.escnet.domain.prompts.PromptKind;
import org.escnet.domain.prompts.PromptStrategy;
import org.escnet.domain.prompts.PseudoPrompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every k-means based prompt strategy must do (ESC-NET-SPEC §2.7). Subclasses name the strategy and the prompt
 * kinds it returns; every check covers exactly those kinds plus the regions. Expected values in the hand-made cases
 * were worked out by hand from the spec's rules; the random cases compare with {@link ScalarPseudoPromptReference}.
 */
abstract class PromptStrategyContract {

    private static final float KAPPA = 10f;

    private NDManager manager;

    /** The strategy under test. */
    protected abstract PromptStrategy strategy();

    /** The prompt kinds the strategy returns; the other fields must be null. */
    protected abstract Set<PromptKind> expectedKinds();

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private static PpgSpec ppg(int objects) {
        return new PpgSpec(0.01, 1.0, 10, objects, KAPPA);
    }

    private NDArray mapsOf(int batch, int classes, int grid, float[] values) {
        return manager.create(values, new Shape(batch, classes, grid, grid));
    }

    private PseudoPrompts generate(NDArray maps, PpgSpec ppg) {
        return strategy().generate(CorrelationMaps.of(maps), ppg);
    }

    private static float[] randomMaps(long seed, int count) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.2f + 0.03f * (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void returnsExactlyItsFieldsWithTheAgreedShapes() {
        int batch = 2;
        int classes = 3;
        int grid = 6;
        try (PseudoPrompts prompts = generate(mapsOf(batch, classes, grid, randomMaps(1, 2 * 3 * 36)), ppg(4))) {
            int rows = batch * classes;
            check(prompts.points(), PromptKind.POINTS, new Shape(rows, 4, 2));
            check(prompts.pointLabels(), PromptKind.POINTS, new Shape(rows, 4));
            check(prompts.boxes(), PromptKind.BOXES, new Shape(rows, 4, 4));
            check(prompts.boxLabels(), PromptKind.BOXES, new Shape(rows, 4));
            check(prompts.masks(), PromptKind.MASKS, new Shape(rows, 1, 4 * grid, 4 * grid));
            assertThat(prompts.regions().getShape()).isEqualTo(new Shape(rows, grid * grid));
            assertThat(prompts.regions().getDataType()).isEqualTo(DataType.INT32);
        }
    }

    private void check(NDArray array, PromptKind kind, Shape shape) {
        if (expectedKinds().contains(kind)) {
            assertThat(array).as("%s field of %s", kind, strategy().name()).isNotNull();
            assertThat(array.getShape()).isEqualTo(shape);
            assertThat(array.getDataType()).isEqualTo(DataType.FLOAT32);
        } else {
            assertThat(array).as("%s field of %s", kind, strategy().name()).isNull();
        }
    }

    @Test
    void twoCallsGiveIdenticalArrays() {
        NDArray maps = mapsOf(2, 2, 8, randomMaps(2, 2 * 2 * 64));
        try (PseudoPrompts first = generate(maps, ppg(5)); PseudoPrompts second = generate(maps, ppg(5))) {
            assertThat(first.arrays()).hasSameSizeAs(second.arrays());
            for (int i = 0; i < first.arrays().size(); i++) {
                NDArray a = first.arrays().get(i).toType(DataType.FLOAT32, false);
                NDArray b = second.arrays().get(i).toType(DataType.FLOAT32, false);
                assertThat(a.toFloatArray()).containsExactly(b.toFloatArray());
            }
        }
    }

    /**
     * With maps that require a gradient inside a collector, an op on the maps is recorded (backward reaches them),
     * but backward from any output fails because nothing connects it to the maps.
     */
    @Test
    void recordsNoGradientEvenWhenTheMapsRequireOne() {
        NDArray maps = mapsOf(1, 2, 6, randomMaps(3, 72));
        maps.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             PseudoPrompts prompts = generate(maps, ppg(3))) {
            collector.backward(maps.mul(2).sum());
            assertThat(maps.getGradient().toFloatArray()).as("precondition: ops on the maps are recorded")
                    .containsOnly(2f);
            assertThat(prompts.arrays()).isNotEmpty();
            for (NDArray array : prompts.arrays()) {
                NDArray total = array.toType(DataType.FLOAT32, false).sum();
                assertThatThrownBy(() -> collector.backward(total))
                        .as("backward from an output of %s", strategy().name())
                        .isInstanceOf(EngineException.class).hasMessageContaining("does not require grad");
            }
        }
    }

    /**
     * Two Gaussian blobs on an 8x8 grid, S = 0.05·exp(−r²/2) around (x=1, y=2) plus 0.048·exp(−r²/2) around (5, 5).
     * By hand: z = S/τ is 5.0 at the first centre, 3.03 at its 4-neighbours and 1.84 at its diagonals (4.8, 2.91,
     * 1.77 for the second blob); log Σ e^z = 6.284, so fg needs z ≥ 6.284 − ln 64 = 2.125: the two plus shapes.
     * Centre 1 = (1, 2) (largest z); the farthest fg position from it is (6, 5) (squared distance 34). Lloyd moves the
     * centres to the plus centres (1, 2) and (5, 5), where they stay.
     */
    @Test
    void twoSeparatedBlobsGivePointsAtTheirMaximaAndTheMaskOnThem() {
        int grid = TwoBlobMap.GRID;
        float[] map = TwoBlobMap.values();
        try (PseudoPrompts prompts = generate(mapsOf(1, 1, grid, map), ppg(2))) {
            expect(prompts, 0, grid, Map.of(
                            cell(1, 1, grid), 0, cell(0, 2, grid), 0, cell(1, 2, grid), 0, cell(2, 2, grid), 0,
                            cell(1, 3, grid), 0,
                            cell(5, 4, grid), 1, cell(4, 5, grid), 1, cell(5, 5, grid), 1, cell(6, 5, grid), 1,
                            cell(5, 6, grid), 1),
                    new float[][] {{1, 2}, {5, 5}}, new float[][] {{0, 1, 2, 3}, {4, 4, 6, 6}});
        }
    }

    /**
     * One hot pixel (S = 1 at (3, 2), 0 elsewhere) on a 6x6 grid with N_o = 3: only the hot pixel passes the threshold,
     * so the fallback takes it and the two lowest flat indices 0 and 1 (all other p are equal). Farthest-point
     * initialisation picks (3, 2), then (0, 0) (squared distance 13), then (1, 0): three single-pixel regions.
     */
    @Test
    void aSingleHotPixelFallsBackToTheNoMostProbablePositions() {
        int grid = 6;
        float[] map = new float[grid * grid];
        map[cell(3, 2, grid)] = 1f;
        try (PseudoPrompts prompts = generate(mapsOf(1, 1, grid, map), ppg(3))) {
            expect(prompts, 0, grid, Map.of(cell(3, 2, grid), 0, cell(0, 0, grid), 1, cell(1, 0, grid), 2),
                    new float[][] {{3, 2}, {0, 0}, {1, 0}},
                    new float[][] {{3, 2, 3, 2}, {0, 0, 0, 0}, {1, 0, 1, 0}});
        }
    }

    /**
     * A blob in the corner, S = 0.05·exp(−r²/2) around (5, 5) on a 6x6 grid: z = 5.0, 3.03 (two neighbours), 1.84
     * (diagonal); log Σ e^z = 5.444, threshold 5.444 − ln 36 = 1.861, so fg = {(5, 5), (4, 5), (5, 4)}. The two
     * neighbours tie in distance and in p, so the second centre is the lower flat index, (5, 4); (4, 5) joins (5, 5).
     */
    @Test
    void aMaximumInTheCornerStaysInsideTheGrid() {
        int grid = 6;
        float[] map = new float[grid * grid];
        for (int y = 0; y < grid; y++) {
            for (int x = 0; x < grid; x++) {
                map[y * grid + x] = (float) (0.05 * Math.exp(-((x - 5) * (x - 5) + (y - 5) * (y - 5)) / 2.0));
            }
        }
        try (PseudoPrompts prompts = generate(mapsOf(1, 1, grid, map), ppg(2))) {
            expect(prompts, 0, grid, Map.of(cell(5, 5, grid), 0, cell(4, 5, grid), 0, cell(5, 4, grid), 1),
                    new float[][] {{5, 5}, {5, 4}}, new float[][] {{4, 5, 5, 5}, {5, 4, 5, 4}});
        }
    }

    /**
     * A flat map has a uniform p, no position above the uniform probability, so the fallback takes flat indices
     * 0, 1, 2 (ties to the lower index). Centres: (0, 0), then the farthest (2, 0), then (1, 0).
     */
    @Test
    void aFlatMapFallsBackToTheFirstNoPositions() {
        int grid = 4;
        float[] map = new float[grid * grid];
        Arrays.fill(map, 0.3f);
        try (PseudoPrompts prompts = generate(mapsOf(1, 1, grid, map), ppg(3))) {
            expect(prompts, 0, grid, Map.of(0, 0, 2, 1, 1, 2),
                    new float[][] {{0, 0}, {2, 0}, {1, 0}}, new float[][] {{0, 0, 0, 0}, {2, 0, 2, 0}, {1, 0, 1, 0}});
        }
    }

    /**
     * S = 0.05 at (2, 2), 0.04 at (4, 2), 0.03 at (0, 2) on a 5x5 grid: z = 5, 4, 3 against the threshold
     * 5.502 − ln 25 = 2.283, so fg is those three. Both others are 2 away from the first centre; the tie goes to the
     * higher p, (4, 2), although (0, 2) has the lower index. (0, 2) then joins (2, 2).
     */
    @Test
    void farthestPointTiesGoToTheHigherProbability() {
        int grid = 5;
        float[] map = new float[grid * grid];
        map[cell(2, 2, grid)] = 0.05f;
        map[cell(4, 2, grid)] = 0.04f;
        map[cell(0, 2, grid)] = 0.03f;
        try (PseudoPrompts prompts = generate(mapsOf(1, 1, grid, map), ppg(2))) {
            expect(prompts, 0, grid, Map.of(cell(2, 2, grid), 0, cell(0, 2, grid), 0, cell(4, 2, grid), 1),
                    new float[][] {{2, 2}, {4, 2}}, new float[][] {{0, 2, 2, 2}, {4, 2, 4, 2}});
        }
    }

    /** Map (b, n) has its hot pixel at flat index 2·(b·N_c + n) + 1, so each row must find its own pixel. */
    @Test
    void rowsAreOrderedImageMajor() {
        int batch = 2;
        int classes = 3;
        int grid = 4;
        float[] values = new float[batch * classes * grid * grid];
        for (int row = 0; row < batch * classes; row++) {
            values[row * grid * grid + 2 * row + 1] = 1f;
        }
        try (PseudoPrompts prompts = generate(mapsOf(batch, classes, grid, values), ppg(1))) {
            for (int row = 0; row < batch * classes; row++) {
                int hot = 2 * row + 1;
                expect(prompts, row, grid, Map.of(hot, 0), new float[][] {{hot % grid, hot / grid}},
                        new float[][] {{hot % grid, hot / grid, hot % grid, hot / grid}});
            }
        }
    }

    @Test
    void agreesWithTheScalarReferenceOnRandomMaps() {
        int batch = 2;
        int classes = 5;
        int grid = 8;
        PpgSpec ppg = ppg(5);
        float[] values = randomMaps(7, batch * classes * grid * grid);
        int multiCellRows = 0;
        try (PseudoPrompts prompts = generate(mapsOf(batch, classes, grid, values), ppg)) {
            for (int row = 0; row < batch * classes; row++) {
                float[] map = Arrays.copyOfRange(values, row * grid * grid, (row + 1) * grid * grid);
                assertThat(ScalarPseudoPromptReference.thresholdMargin(map, ppg))
                        .as("test map %d is too close to the foreground threshold", row).isGreaterThan(1e-4);
                ScalarPseudoPromptReference.Result reference = ScalarPseudoPromptReference.of(map, grid, ppg);
                Map<Integer, Integer> regions = new java.util.HashMap<>();
                for (int i = 0; i < reference.regions().length; i++) {
                    if (reference.regions()[i] >= 0) {
                        regions.put(i, reference.regions()[i]);
                    }
                }
                multiCellRows += regions.size() > ppg.objectsPerClass() ? 1 : 0;
                expect(prompts, row, grid, regions, reference.points(), reference.boxes());
                if (expectedKinds().contains(PromptKind.POINTS)) {
                    assertThat(row(prompts.pointLabels(), row)).containsExactly(reference.pointLabels());
                }
            }
        }
        System.out.printf("%s: %d random 8x8 maps matched the scalar reference (%d with regions of several cells)%n",
                strategy().name(), batch * classes, multiCellRows);
        assertThat(multiCellRows).as("the random maps should exercise multi-cell regions").isPositive();
    }

    /** Flat index of (x = column, y = row). */
    private static int cell(int x, int y, int grid) {
        return y * grid + x;
    }

    private static float[] row(NDArray array, int row) {
        return array.get(row).toFloatArray();
    }

    /**
     * Checks row {@code row} against hand-made expectations: the region id of every foreground cell (all others -1),
     * the point of each region and its box; every region in these cases is non-empty, so every label is 1.
     */
    private void expect(PseudoPrompts prompts, int row, int grid, Map<Integer, Integer> regionOf, float[][] points,
                        float[][] boxes) {
        int[] expectedRegions = new int[grid * grid];
        Arrays.fill(expectedRegions, -1);
        regionOf.forEach((cell, region) -> expectedRegions[cell] = region);
        assertThat(prompts.regions().get(row).toIntArray()).as("regions of row %d", row)
                .containsExactly(expectedRegions);
        int regions = points.length;
        float[] ones = new float[regions];
        Arrays.fill(ones, 1f);
        if (expectedKinds().contains(PromptKind.POINTS)) {
            assertThat(row(prompts.points(), row)).as("points of row %d", row).containsExactly(flatten(points));
            assertThat(row(prompts.pointLabels(), row)).as("point labels of row %d", row).containsExactly(ones);
        }
        if (expectedKinds().contains(PromptKind.BOXES)) {
            assertThat(row(prompts.boxes(), row)).as("boxes of row %d", row).containsExactly(flatten(boxes));
            assertThat(row(prompts.boxLabels(), row)).as("box labels of row %d", row).containsExactly(ones);
        }
        if (expectedKinds().contains(PromptKind.MASKS)) {
            int side = 4 * grid;
            float[] expectedMask = new float[side * side];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    expectedMask[y * side + x] = regionOf.containsKey(cell(x / 4, y / 4, grid)) ? KAPPA : -KAPPA;
                }
            }
            assertThat(row(prompts.masks(), row)).as("mask of row %d", row).containsExactly(expectedMask);
        }
    }

    private static float[] flatten(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
