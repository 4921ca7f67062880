package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Set;

/**
 * The paper's Pseudo Prompt Generator (ESC-NET-SPEC §2.7 with the [R] choices A8–A12): spatial probability,
 * foreground, deterministic k-means regions, then the requested prompt kinds read from the regions.
 *
 * <p>Everything runs on detached copies of the maps, so no autograd graph is recorded on any thread, and in a
 * scratch manager that is closed before returning, so only the returned arrays stay alive (in the maps' manager).
 * All B·N_c maps are processed at once with masks; loops run over K and the iteration count only.
 */
public final class PseudoPromptGenerator {

    /** The mask prompt is 4× the grid because SAM's mask_downscaling divides by 4. */
    public static final int MASK_UPSAMPLING = 4;

    private PseudoPromptGenerator() {
    }

    /**
     * Shapes: (B, N_c, g, g) maps → PseudoPrompts with M = B·N_c rows holding the requested kinds and the regions;
     * the other fields are null.
     */
    public static PseudoPrompts generate(CorrelationMaps maps, PpgSpec ppg, Set<PromptKind> kinds) {
        int clusters = ppg.objectsPerClass();
        if (clusters > maps.positions()) {
            throw new IllegalArgumentException("pseudo prompts: objects-per-class must be at most g·g = "
                    + maps.positions() + " for a " + maps.grid() + "x" + maps.grid() + " grid, found " + clusters);
        }
        NDManager owner = maps.maps().getManager();
        try (NDManager scratch = owner.newSubManager()) {
            NDArray detached = detachedCopy(maps.maps(), scratch);
            PseudoPrompts prompts = fromRegions(regions(detached, ppg), kinds, (float) ppg.maskLogit());
            prompts.arrays().forEach(array -> array.attach(owner));
            return prompts;
        }
    }

    /**
     * A float32 copy of {@code array} without gradient history, owned by {@code scratch}, so that every array derived
     * from it lands in scratch and not in the caller's manager. Shapes: any → the same.
     */
    public static NDArray detachedCopy(NDArray array, NDManager scratch) {
        NDArray view = array.stopGradient();
        if (view != array) {
            view.attach(scratch);
        }
        NDArray copy = view.toType(DataType.FLOAT32, true);
        copy.attach(scratch);
        return copy;
    }

    /**
     * Steps 4–5 of §2.7: the requested prompt kinds and the region ids, read from given regions (an empty region gives
     * label -1). The arrays belong to the manager of the regions' probability.
     * Shapes: regions with M rows and K regions → PseudoPrompts with M rows (see {@link PseudoPrompts}).
     */
    public static PseudoPrompts fromRegions(PromptRegions regions, Set<PromptKind> kinds, float maskLogit) {
        int grid = regions.grid();
        NDArray points = null;
        NDArray pointLabels = null;
        NDArray boxes = null;
        NDArray boxLabels = null;
        NDArray masks = null;
        if (kinds.contains(PromptKind.POINTS)) {
            NDArray index = mostProbableIndex(regions);
            points = GridCoordinates.at(index, GridCoordinates.of(index.getManager(), grid));
            pointLabels = labels(index.lt(grid * grid));
        }
        if (kinds.contains(PromptKind.BOXES)) {
            boxes = boundingBoxes(regions);
            boxLabels = labels(nonEmpty(regions));
        }
        if (kinds.contains(PromptKind.MASKS)) {
            masks = maskLogits(regions.foreground(), grid, maskLogit);
        }
        return new PseudoPrompts(points, pointLabels, boxes, boxLabels, masks, regions.ids());
    }

    /** Steps 1–3 of §2.7. Shapes: (B, N_c, g, g) float32 → regions with M = B·N_c rows. */
    public static PromptRegions regions(NDArray maps, PpgSpec ppg) {
        int grid = (int) maps.getShape().get(2);
        NDArray probability = SpatialProbability.of(maps, ppg.temperature());
        NDArray foreground = ForegroundSelection.of(probability, ppg.alpha(), ppg.objectsPerClass());
        NDArray coordinates = GridCoordinates.of(maps.getManager(), grid);
        return KMeansRegions.cluster(probability, foreground, coordinates, grid, ppg.objectsPerClass(),
                ppg.kmeansIterations());
    }

    /**
     * Step 4: the argmax of p inside each region (ties to the lower flat index), g·g for an empty region.
     * Shapes: regions with (M, HW, K) membership → (M, K) int64.
     */
    static NDArray mostProbableIndex(PromptRegions regions) {
        NDArray inRegion = regions.membership().transpose(0, 2, 1);
        NDArray probability = regions.probability().expandDims(1).broadcast(inRegion.getShape());
        return PositionRanking.argMaxLowestIndex(probability, inRegion);
    }

    /** Shapes: regions with (M, HW, K) membership → (M, K) boolean, true where region k has a position. */
    static NDArray nonEmpty(PromptRegions regions) {
        long positions = regions.membership().getShape().get(1);
        return PositionRanking.firstIndexOf(regions.membership().transpose(0, 2, 1)).lt(positions);
    }

    /** Shapes: (M, K) boolean present → (M, K) float32, 1 where present, -1 elsewhere. */
    static NDArray labels(NDArray present) {
        return present.toType(DataType.FLOAT32, false).mul(2f).sub(1f);
    }

    /**
     * The smallest box of inclusive cells around each region; (0, 0, 0, 0) for an empty region.
     * Shapes: regions with (M, HW, K) membership → (M, K, 4) float32 (x0, y0, x1, y1).
     */
    static NDArray boundingBoxes(PromptRegions regions) {
        NDArray inRegion = regions.membership().transpose(0, 2, 1);
        NDArray present = nonEmpty(regions);
        NDArray coordinates = GridCoordinates.of(inRegion.getManager(), regions.grid());
        NDArray x = coordinates.get(":, 0").broadcast(inRegion.getShape());
        NDArray y = coordinates.get(":, 1").broadcast(inRegion.getShape());
        NDArray outside = x.zerosLike().add(regions.grid());
        NDArray before = x.zerosLike().sub(1f);
        NDArray box = NDArrays.stack(new NDList(
                NDArrays.where(inRegion, x, outside).min(new int[] {2}),
                NDArrays.where(inRegion, y, outside).min(new int[] {2}),
                NDArrays.where(inRegion, x, before).max(new int[] {2}),
                NDArrays.where(inRegion, y, before).max(new int[] {2})), 2);
        return NDArrays.where(present.expandDims(2).broadcast(box.getShape()), box, box.zerosLike());
    }

    /**
     * Step 5: the foreground as ±κ logits, nearest-upsampled ×4.
     * Shapes: (M, g·g) boolean → (M, 1, 4g, 4g) float32.
     */
    public static NDArray maskLogits(NDArray foreground, int grid, float kappa) {
        long rows = foreground.getShape().get(0);
        return foreground.toType(DataType.FLOAT32, false).mul(2f * kappa).sub(kappa)
                .reshape(new Shape(rows, 1, grid, grid))
                .repeat(2, MASK_UPSAMPLING).repeat(3, MASK_UPSAMPLING);
    }
}
