package org.escnet.adapters.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.escnet.domain.model.Segmentation;
import org.escnet.domain.prompts.PseudoPrompts;

/**
 * The pseudo prompts of one image copied to the heap, so they outlive the forward's native memory; one row per class
 * that went past the class cap.
 *
 * @param classes      vocabulary index of each row
 * @param grid         g: point coordinates lie on the g × g grid of the model's view
 * @param pointsPerRow K, points per row (0 without point prompts)
 * @param points       (rows, K, 2) grid coordinates x = column, y = row; null without point prompts
 * @param pointLabels  (rows, K): 1 = a point, -1 = no point; null without point prompts
 * @param maskSide     side of the mask prompt (4g); 0 without mask prompts
 * @param masks        (rows, maskSide²) row-major, true inside the mask prompt; null without mask prompts
 */
public record PromptSnapshot(int[] classes, int grid, int pointsPerRow, float[] points, float[] pointLabels,
                             int maskSide, boolean[] masks) {

    public int rows() {
        return classes.length;
    }

    public boolean hasPoints() {
        return points != null;
    }

    public boolean hasMasks() {
        return masks != null;
    }

    /**
     * The prompts of image 0 of a forward, or null when the network used none (no SAM block, or a strategy giving
     * neither points nor masks).
     */
    static PromptSnapshot of(Segmentation segmentation) {
        PseudoPrompts p = segmentation.prompts();
        if (p == null || (p.points() == null && p.masks() == null)) {
            return null;
        }
        long[] logits = segmentation.logits().getShape().getShape(); // (B, N_c, 4g, 4g)
        if (logits[0] != 1) {
            throw new IllegalArgumentException("prompts are kept for one image at a time, found a batch of " + logits[0]);
        }
        int grid = (int) (logits[3] / 4);
        int[] classes = rowClasses(segmentation, (int) logits[1]);
        int k = 0;
        float[] points = null;
        float[] pointLabels = null;
        if (p.points() != null) {
            requireRows(p.points(), classes.length, "points");
            k = (int) p.points().getShape().get(1);
            points = p.points().toType(DataType.FLOAT32, false).toFloatArray();
            pointLabels = p.pointLabels().toType(DataType.FLOAT32, false).toFloatArray();
        }
        int maskSide = 0;
        boolean[] masks = null;
        if (p.masks() != null) {
            requireRows(p.masks(), classes.length, "masks");
            maskSide = (int) p.masks().getShape().get(3);
            float[] logitsInside = p.masks().toType(DataType.FLOAT32, false).toFloatArray();
            masks = new boolean[logitsInside.length];
            for (int i = 0; i < masks.length; i++) {
                masks[i] = logitsInside[i] > 0; // mask prompts are logits ±κ: positive inside the regions
            }
        }
        return new PromptSnapshot(classes, grid, k, points, pointLabels, maskSide, masks);
    }

    private static int[] rowClasses(Segmentation segmentation, int vocabulary) {
        NDArray kept = segmentation.keptClasses();
        if (kept == null) {
            int[] all = new int[vocabulary];
            for (int c = 0; c < vocabulary; c++) {
                all[c] = c;
            }
            return all;
        }
        return kept.toType(DataType.INT32, false).toIntArray();
    }

    private static void requireRows(NDArray prompt, int rows, String what) {
        if (prompt.getShape().get(0) != rows) {
            throw new IllegalStateException("the " + what + " prompts have " + prompt.getShape().get(0)
                    + " rows, expected one per kept class (" + rows + ")");
        }
    }
}
