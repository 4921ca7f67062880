package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Step 3 of the PPG (ESC-NET-SPEC §2.7, A10): deterministic k-means with K clusters on the (x, y) grid coordinates of
 * each map's foreground, unweighted squared Euclidean distance, for every map of a batch.
 * <ul>
 *   <li>Initialisation: centre 1 is the argmax of p; each further centre is the foreground position farthest from the
 *       centres chosen so far (ties to the higher p, then to the lower flat index).</li>
 *   <li>Exactly {@code iterations} Lloyd iterations (assign, then move each centre to its cluster mean); assignment
 *       goes to the nearest centre with ties to the lower k, and an empty cluster keeps its centre.</li>
 *   <li>The regions are the assignment to the final centres, so they agree with the centres that are reported.</li>
 * </ul>
 * The clustering runs in plain float arithmetic on the host: a map has a few hundred positions and K is about 5, so
 * as tensor operations it was some 500 engine calls on small arrays, about 0.2 s per image at 171 classes, while the
 * loops below take a few milliseconds. Squared distances and means are computed in float32 in the order the tensor
 * form used ((x - c_x)² + (y - c_y)², exact integer sums divided by the count), so ties resolve the same way.
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
        Shape shape = probability.getShape();
        int rows = (int) shape.get(0);
        int positions = (int) shape.get(1);
        float[] p = probability.toFloatArray();
        boolean[] fg = foreground.toBooleanArray();
        float[] xy = coordinates.toFloatArray();
        boolean[] membership = new boolean[rows * positions * clusters];
        float[] centres = new float[2 * clusters];
        int[] members = new int[positions];
        int[] cluster = new int[positions];
        for (int row = 0; row < rows; row++) {
            int offset = row * positions;
            // only foreground positions take part: they are a small part of the grid
            int count = 0;
            for (int i = 0; i < positions; i++) {
                if (fg[offset + i]) {
                    members[count++] = i;
                }
            }
            int[] foregroundPositions = Arrays.copyOf(members, count);
            initialCentres(p, offset, foregroundPositions, xy, centres);
            for (int iteration = 0; iteration < iterations; iteration++) {
                assign(foregroundPositions, xy, centres, cluster);
                moveToMeans(foregroundPositions, xy, centres, cluster);
            }
            assign(foregroundPositions, xy, centres, cluster);
            for (int j = 0; j < count; j++) {
                membership[(offset + foregroundPositions[j]) * clusters + cluster[j]] = true;
            }
        }
        NDArray regions = probability.getManager().create(membership, new Shape(rows, positions, clusters));
        return new PromptRegions(probability, foreground, regions, grid);
    }

    /**
     * Farthest-point initialisation from the argmax of p over the foreground positions (ascending), into
     * {@code centres} (x0, y0, x1, y1, …). A row without foreground gets every centre at (0, 0), the coordinates of no
     * position.
     */
    static void initialCentres(float[] p, int offset, int[] foreground, float[] xy, float[] centres) {
        int clusters = centres.length / 2;
        int count = foreground.length;
        float[] nearest = new float[count];
        boolean[] allowed = new boolean[count];
        Arrays.fill(allowed, true);
        setCentre(centres, 0, mostProbable(p, offset, foreground, allowed), xy);
        for (int j = 0; j < count; j++) {
            nearest[j] = squaredDistance(xy, foreground[j], centres, 0);
        }
        for (int k = 1; k < clusters; k++) {
            float farthest = -1;
            for (int j = 0; j < count; j++) {
                farthest = Math.max(farthest, nearest[j]);
            }
            for (int j = 0; j < count; j++) {
                allowed[j] = nearest[j] == farthest;
            }
            setCentre(centres, k, mostProbable(p, offset, foreground, allowed), xy);
            for (int j = 0; j < count; j++) {
                nearest[j] = Math.min(nearest[j], squaredDistance(xy, foreground[j], centres, k));
            }
        }
    }

    /**
     * The allowed foreground position of highest p, ties to the lower index (the positions ascend); -1 when nothing
     * is allowed.
     */
    private static int mostProbable(float[] p, int offset, int[] foreground, boolean[] allowed) {
        int best = -1;
        for (int j = 0; j < foreground.length; j++) {
            int i = foreground[j];
            if (allowed[j] && (best < 0 || p[offset + i] > p[offset + best])) {
                best = i;
            }
        }
        return best;
    }

    private static void setCentre(float[] centres, int k, int position, float[] xy) {
        centres[2 * k] = position < 0 ? 0 : xy[2 * position];
        centres[2 * k + 1] = position < 0 ? 0 : xy[2 * position + 1];
    }

    private static float squaredDistance(float[] xy, int position, float[] centres, int k) {
        float dx = xy[2 * position] - centres[2 * k];
        float dy = xy[2 * position + 1] - centres[2 * k + 1];
        return dx * dx + dy * dy;
    }

    /** Nearest centre of every foreground position, ties to the lower k: cluster[j] for position foreground[j]. */
    static void assign(int[] foreground, float[] xy, float[] centres, int[] cluster) {
        int clusters = centres.length / 2;
        for (int j = 0; j < foreground.length; j++) {
            int i = foreground[j];
            int best = 0;
            float bestDistance = squaredDistance(xy, i, centres, 0);
            for (int k = 1; k < clusters; k++) {
                float d = squaredDistance(xy, i, centres, k);
                if (d < bestDistance) {
                    best = k;
                    bestDistance = d;
                }
            }
            cluster[j] = best;
        }
    }

    /** Moves each centre to the mean of its members; an empty cluster keeps its centre. */
    static void moveToMeans(int[] foreground, float[] xy, float[] centres, int[] cluster) {
        int clusters = centres.length / 2;
        float[] sums = new float[2 * clusters];
        int[] counts = new int[clusters];
        for (int j = 0; j < foreground.length; j++) {
            int i = foreground[j];
            int k = cluster[j];
            counts[k]++;
            sums[2 * k] += xy[2 * i];
            sums[2 * k + 1] += xy[2 * i + 1];
        }
        for (int k = 0; k < clusters; k++) {
            if (counts[k] > 0) {
                centres[2 * k] = sums[2 * k] / counts[k];
                centres[2 * k + 1] = sums[2 * k + 1] / counts[k];
            }
        }
    }
}
