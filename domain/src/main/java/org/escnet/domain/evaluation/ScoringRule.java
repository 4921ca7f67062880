package org.escnet.domain.evaluation;

import java.util.Arrays;

/**
 * How a benchmark's predictions are scored (DATASETS.md §3.2–3.4).
 *
 * @param classCount               classes scored (N): predictions and labels must lie in 0..N-1 once mapped
 * @param ignoredLabels            ground-truth values that are skipped (e.g. 255; PC-459: 459 and 65535)
 * @param collapsePredictionsFrom  PAS-20b: every predicted index ≥ this value is scored as this value (background);
 *                                 -1 when predictions are scored as they are
 */
public record ScoringRule(int classCount, int[] ignoredLabels, int collapsePredictionsFrom) {

    public ScoringRule {
        if (classCount < 1) {
            throw new IllegalArgumentException("a scoring rule needs at least one class, found " + classCount);
        }
        ignoredLabels = ignoredLabels.clone();
        for (int v : ignoredLabels) {
            if (v >= 0 && v < classCount) {
                throw new IllegalArgumentException("ignored label " + v + " is also a class index (0.." + (classCount - 1) + ")");
            }
        }
        if (collapsePredictionsFrom != -1 && (collapsePredictionsFrom < 0 || collapsePredictionsFrom >= classCount)) {
            throw new IllegalArgumentException("background index must be -1 or within 0.." + (classCount - 1)
                    + ", found " + collapsePredictionsFrom);
        }
    }

    /** N classes, one ignore value, predictions taken as they are. */
    public static ScoringRule of(int classCount, int ignoreValue) {
        return new ScoringRule(classCount, new int[] {ignoreValue}, -1);
    }

    public boolean isIgnored(int label) {
        for (int v : ignoredLabels) {
            if (v == label) {
                return true;
            }
        }
        return false;
    }

    /** The class a predicted index is scored as. */
    public int scoredPrediction(int predicted) {
        return collapsePredictionsFrom >= 0 && predicted >= collapsePredictionsFrom ? collapsePredictionsFrom : predicted;
    }

    @Override
    public int[] ignoredLabels() {
        return ignoredLabels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringRule r && r.classCount == classCount && Arrays.equals(r.ignoredLabels, ignoredLabels)
                && r.collapsePredictionsFrom == collapsePredictionsFrom;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classCount + Arrays.hashCode(ignoredLabels)) + collapsePredictionsFrom;
    }

    @Override
    public String toString() {
        return "ScoringRule[classes=" + classCount + ", ignored=" + Arrays.toString(ignoredLabels)
                + (collapsePredictionsFrom >= 0 ? ", predictions>=" + collapsePredictionsFrom + "->" + collapsePredictionsFrom : "")
                + "]";
    }
}
