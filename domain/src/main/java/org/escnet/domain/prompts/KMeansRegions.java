package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Step 3 of the PPG (ESC-NET-SPEC §2.7, A10): deterministic k-means with K clusters on the (x, y) grid coordinates of
 * each map's foreground, unweighted squared Euclidean distance, batched over all maps.
 * <ul>
 *   <li>Initialisation: centre 1 is the argmax of p; each further centre is the foreground position farthest from the
 *       centres chosen so far (ties to the higher p, then to the lower flat index).</li>
 *   <li>Exactly {@code iterations} Lloyd iterations (assign, then move each centre to its cluster mean); assignment
 *       goes to the nearest centre with ties to the lower k, and an empty cluster keeps its centre.</li>
 *   <li>The regions are the assignment to the final centres, so they agree with the centres that are reported.</li>
 * </ul>
 * The loops run over K and the iteration count, never over maps or positions.
 */
public final class KMeansRegions {

    private KMeansRegions() {
    }

    /**
     * Shapes: (M, HW) probability, (M, HW) boolean foreground with at least K positions per row, (HW, 2) grid
     * coordinates → regions with (M, HW, K) membership.
     */
    public static PromptRegions cluster(NDArray probability, NDArray foreground, NDArray coordinates, int grid,
                                        int clusters, int iterations) {
        NDArray centres = initialCentres(probability, foreground, coordinates, clusters);
        for (int iteration = 0; iteration < iterations; iteration++) {
            centres = moveToMeans(assign(centres, foreground, coordinates, clusters), coordinates, centres);
        }
        return new PromptRegions(probability, foreground, assign(centres, foreground, coordinates, clusters), grid);
    }

    /**
     * Farthest-point initialisation from the argmax of p.
     * Shapes: (M, HW), (M, HW) boolean, (HW, 2) → (M, K, 2) float32 centres.
     */
    static NDArray initialCentres(NDArray probability, NDArray foreground, NDArray coordinates, int clusters) {
        NDArray first = GridCoordinates.at(PositionRanking.argMaxLowestIndex(probability, foreground), coordinates);
        NDList centres = new NDList(first);
        NDArray nearest = squaredDistance(coordinates, first);
        for (int k = 1; k < clusters; k++) {
            NDArray reachable = NDArrays.where(foreground, nearest, nearest.zerosLike().sub(1));
            NDArray farthest = reachable.eq(reachable.max(new int[] {1}, true)).logicalAnd(foreground);
            NDArray centre = GridCoordinates.at(PositionRanking.argMaxLowestIndex(probability, farthest), coordinates);
            centres.add(centre);
            nearest = nearest.minimum(squaredDistance(coordinates, centre));
        }
        return NDArrays.stack(centres, 1);
    }

    /** Shapes: (HW, 2) coordinates, (M, 2) one centre per row → (M, HW) squared distances. */
    private static NDArray squaredDistance(NDArray coordinates, NDArray centre) {
        return coordinates.expandDims(0).sub(centre.expandDims(1)).square().sum(new int[] {2});
    }

    /**
     * Nearest centre per foreground position, ties to the lower k.
     * Shapes: (M, K, 2) centres, (M, HW) boolean, (HW, 2) → (M, HW, K) boolean membership.
     */
    static NDArray assign(NDArray centres, NDArray foreground, NDArray coordinates, int clusters) {
        NDArray distance = coordinates.expandDims(0).expandDims(2).sub(centres.expandDims(1))
                .square().sum(new int[] {3});
        NDArray nearest = distance.eq(distance.min(new int[] {2}, true));
        NDArray cluster = PositionRanking.firstIndexOf(nearest);
        return PositionRanking.indicator(cluster, clusters).logicalAnd(foreground.expandDims(2));
    }

    /**
     * Moves each centre to the mean of its cluster; an empty cluster keeps its centre.
     * Shapes: (M, HW, K) boolean, (HW, 2), (M, K, 2) → (M, K, 2).
     */
    static NDArray moveToMeans(NDArray membership, NDArray coordinates, NDArray centres) {
        NDArray weights = membership.toType(DataType.FLOAT32, false);
        NDArray counts = weights.sum(new int[] {1}).expandDims(2);
        NDArray sums = weights.transpose(0, 2, 1).matMul(coordinates);
        NDArray means = sums.div(counts.maximum(1f));
        return NDArrays.where(counts.gt(0).broadcast(centres.getShape()), means, centres);
    }
}
