package org.escnet.adapters.djl.prompts;

import org.escnet.domain.prompts.PpgSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * ESC-NET-SPEC §2.7 written as plain loops over one g×g map, straight from the text, for comparison with the batched
 * tensor implementation. Probabilities are in double; centres and distances in float, as the tensors hold them.
 */
final class ScalarPseudoPromptReference {

    /** The prompts of one map. */
    record Result(boolean[] foreground, int[] regions, float[][] points, float[] pointLabels, float[][] boxes,
                  float[] boxLabels) {
    }

    private ScalarPseudoPromptReference() {
    }

    /** The smallest |p·HW/α − 1| over the map: how close any position is to the foreground threshold. */
    static double thresholdMargin(float[] map, PpgSpec ppg) {
        double[] p = probability(map, ppg.temperature());
        double margin = Double.MAX_VALUE;
        for (double v : p) {
            margin = Math.min(margin, Math.abs(v * p.length / ppg.alpha() - 1));
        }
        return margin;
    }

    static Result of(float[] map, int grid, PpgSpec ppg) {
        int hw = grid * grid;
        int k = ppg.objectsPerClass();
        double[] p = probability(map, ppg.temperature());
        boolean flat = true;
        for (float v : map) {
            flat &= v == map[0];
        }
        boolean[] fg = new boolean[hw];
        int count = 0;
        for (int i = 0; i < hw; i++) {
            fg[i] = !flat && p[i] >= ppg.alpha() / hw;
            count += fg[i] ? 1 : 0;
        }
        if (count < k) {
            fg = new boolean[hw];
            for (int pick = 0; pick < k; pick++) {
                int best = -1;
                for (int i = 0; i < hw; i++) {
                    if (!fg[i] && (best < 0 || p[i] > p[best])) {
                        best = i;
                    }
                }
                fg[best] = true;
            }
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < hw; i++) {
            if (fg[i]) {
                members.add(i);
            }
        }
        float[][] centres = new float[k][];
        int first = -1;
        for (int i : members) {
            if (first < 0 || p[i] > p[first]) {
                first = i;
            }
        }
        centres[0] = new float[] {first % grid, first / grid};
        for (int c = 1; c < k; c++) {
            int best = -1;
            float bestDistance = -1;
            for (int i : members) {
                float nearest = Float.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    nearest = Math.min(nearest, distance(i, grid, centres[j]));
                }
                if (nearest > bestDistance || (nearest == bestDistance && p[i] > p[best])) {
                    best = i;
                    bestDistance = nearest;
                }
            }
            centres[c] = new float[] {best % grid, best / grid};
        }
        int[] assignment = assign(members, grid, centres, hw);
        for (int iteration = 0; iteration < ppg.kmeansIterations(); iteration++) {
            for (int c = 0; c < k; c++) {
                float sumX = 0;
                float sumY = 0;
                int n = 0;
                for (int i : members) {
                    if (assignment[i] == c) {
                        sumX += i % grid;
                        sumY += i / grid;
                        n++;
                    }
                }
                if (n > 0) {
                    centres[c] = new float[] {sumX / n, sumY / n};
                }
            }
            assignment = assign(members, grid, centres, hw);
        }
        float[][] points = new float[k][2];
        float[] pointLabels = new float[k];
        float[][] boxes = new float[k][4];
        float[] boxLabels = new float[k];
        for (int c = 0; c < k; c++) {
            int best = -1;
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            for (int i : members) {
                if (assignment[i] != c) {
                    continue;
                }
                if (best < 0 || p[i] > p[best]) {
                    best = i;
                }
                x0 = Math.min(x0, i % grid);
                y0 = Math.min(y0, i / grid);
                x1 = Math.max(x1, i % grid);
                y1 = Math.max(y1, i / grid);
            }
            if (best >= 0) {
                points[c] = new float[] {best % grid, best / grid};
                pointLabels[c] = 1;
                boxes[c] = new float[] {x0, y0, x1, y1};
                boxLabels[c] = 1;
            } else {
                pointLabels[c] = -1;
                boxLabels[c] = -1;
            }
        }
        return new Result(fg, assignment, points, pointLabels, boxes, boxLabels);
    }

    private static double[] probability(float[] map, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : map) {
            max = Math.max(max, v / temperature);
        }
        double[] p = new double[map.length];
        double sum = 0;
        for (int i = 0; i < map.length; i++) {
            p[i] = Math.exp(map[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < map.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static float distance(int position, int grid, float[] centre) {
        float dx = position % grid - centre[0];
        float dy = position / grid - centre[1];
        return dx * dx + dy * dy;
    }

    /** Nearest centre per foreground position (ties to the lower index); -1 outside the foreground. */
    private static int[] assign(List<Integer> members, int grid, float[][] centres, int hw) {
        int[] assignment = new int[hw];
        java.util.Arrays.fill(assignment, -1);
        for (int i : members) {
            int best = 0;
            for (int c = 1; c < centres.length; c++) {
                if (distance(i, grid, centres[c]) < distance(i, grid, centres[best])) {
                    best = c;
                }
            }
            assignment[i] = best;
        }
        return assignment;
    }
}
