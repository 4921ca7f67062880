package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pseudo prompts for M = B·N_c prompt sets; row b·N_c + n belongs to image b and class n. A field is null when the
 * strategy does not produce it. No array carries a gradient: the prompts are constants for the head.
 *
 * @param points      (M, K, 2) float32 grid coordinates (x = column, y = row), integers stored as floats
 * @param pointLabels (M, K) float32: 1 = a point, -1 = not-a-point (an empty cluster, point (0, 0))
 * @param boxes       (M, K, 4) float32 inclusive grid cells (x0, y0, x1, y1), the smallest box around each region
 * @param boxLabels   (M, K) float32: 1 = a box, -1 = no box (an empty region, box (0, 0, 0, 0))
 * @param masks       (M, 1, 4g, 4g) float32 logits ±κ of the union of the regions, nearest-upsampled ×4
 * @param regions     (M, g·g) int32 region id per position, -1 outside every region (for qualitative overlays)
 */
public record PseudoPrompts(NDArray points, NDArray pointLabels, NDArray boxes, NDArray boxLabels, NDArray masks,
                            NDArray regions) implements AutoCloseable {

    /** The non-null arrays, in field order. */
    public List<NDArray> arrays() {
        List<NDArray> present = new ArrayList<>();
        for (NDArray array : new NDArray[] {points, pointLabels, boxes, boxLabels, masks, regions}) {
            if (array != null) {
                present.add(array);
            }
        }
        return Collections.unmodifiableList(present);
    }

    /** Frees the native memory of every array (the prompts are usually consumed within one forward). */
    @Override
    public void close() {
        arrays().forEach(NDArray::close);
    }
}
