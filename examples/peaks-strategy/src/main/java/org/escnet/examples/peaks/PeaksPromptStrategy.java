package org.escnet.examples.peaks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.escnet.domain.prompts.PpgSpec;
import org.escnet.domain.prompts.CorrelationMaps;
import org.escnet.domain.prompts.ForegroundSelection;
import org.escnet.domain.prompts.GridCoordinates;
import org.escnet.domain.prompts.PositionRanking;
import org.escnet.domain.prompts.PromptStrategy;
import org.escnet.domain.prompts.PseudoPromptGenerator;
import org.escnet.domain.prompts.PseudoPrompts;
import org.escnet.domain.prompts.SpatialProbability;

/**
 * The {@code peaks} prompt strategy: instead of k-means centres, one point at each of the N_o highest local maxima
 * of p (a position whose p is the largest of its 3x3 neighbourhood), ties to the lower flat index. A map with fewer
 * local maxima gets not-a-point entries (0, 0) with label -1 for the rest. The regions assign every foreground
 * position (the PPG's fg, ESC-NET-SPEC §2.7 step 2) to its nearest peak, ties to the lower peak.
 */
public final class PeaksPromptStrategy implements PromptStrategy {

    @Override
    public String name() {
        return "peaks";
    }

    /** Shapes: (B, N_c, g, g) maps → points (M, N_o, 2), pointLabels (M, N_o), regions (M, g·g) int32. */
    @Override
    public PseudoPrompts generate(CorrelationMaps maps, PpgSpec ppg) {
        int grid = maps.grid();
        int positions = maps.positions();
        int peaks = ppg.objectsPerClass();
        NDManager owner = maps.maps().getManager();
        try (NDManager scratch = owner.newSubManager()) {
            NDArray detached = PseudoPromptGenerator.detachedCopy(maps.maps(), scratch);
            NDArray probability = SpatialProbability.of(detached, ppg.temperature());
            NDArray isPeak = probability.eq(neighbourhoodMax(probability, grid));
            NDArray coordinates = GridCoordinates.of(scratch, grid);

            NDList indices = new NDList();
            NDArray remaining = isPeak;
            for (int k = 0; k < peaks; k++) {
                NDArray index = PositionRanking.argMaxLowestIndex(probability, remaining);
                indices.add(index);
                remaining = remaining.logicalAnd(PositionRanking.indicator(index, positions).logicalNot());
            }
            NDArray index = NDArrays.stack(indices, 1);
            NDArray found = index.lt(positions);
            NDArray points = GridCoordinates.at(index, coordinates);
            NDArray labels = found.toType(DataType.FLOAT32, false).mul(2f).sub(1f);

            NDArray foreground = ForegroundSelection.of(probability, ppg.alpha(), peaks);
            NDArray distance = coordinates.expandDims(0).expandDims(2).sub(points.expandDims(1))
                    .square().sum(new int[] {3});
            // A missing peak must never attract a position.
            distance = NDArrays.where(found.expandDims(1).broadcast(distance.getShape()), distance,
                    distance.zerosLike().add(Float.POSITIVE_INFINITY));
            NDArray nearest = PositionRanking.firstIndexOf(distance.eq(distance.min(new int[] {2}, true)));
            NDArray regions = NDArrays.where(foreground, nearest, nearest.zerosLike().sub(1))
                    .toType(DataType.INT32, false);

            PseudoPrompts prompts = new PseudoPrompts(points, labels, null, null, null, regions);
            prompts.arrays().forEach(array -> array.attach(owner));
            return prompts;
        }
    }

    /** The largest p in the 3x3 neighbourhood of each position. Shapes: (M, g·g) → (M, g·g). */
    private static NDArray neighbourhoodMax(NDArray probability, int grid) {
        long rows = probability.getShape().get(0);
        // Padding with -1 (below any probability) keeps the border's neighbourhoods inside the grid.
        NDArray padded = probability.reshape(new Shape(rows, grid, grid)).pad(new Shape(1, 1, 1, 1), -1);
        NDArray best = null;
        for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) {
                NDArray shifted = padded.get(":, {}:{}, {}:{}", dy, dy + grid, dx, dx + grid);
                best = best == null ? shifted : best.maximum(shifted);
            }
        }
        return best.reshape(rows, (long) grid * grid);
    }
}
