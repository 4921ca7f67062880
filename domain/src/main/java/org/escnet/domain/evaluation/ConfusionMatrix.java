package org.escnet.domain.evaluation;

/**
 * Pixel counts of (predicted class, ground-truth class) accumulated over a whole evaluation set, as detectron2's
 * {@code SemSegEvaluator} keeps them: ignored ground-truth pixels are skipped entirely, so predictions on them count
 * for nothing (DATASETS.md §3.2). Not thread-safe: use one per thread and {@link #add(ConfusionMatrix)} them.
 */
public final class ConfusionMatrix {
    private final ScoringRule rule;
    private final int n;
    /** counts[pred * n + gt]. */
    private final long[] counts;

    public ConfusionMatrix(ScoringRule rule) {
        this.rule = rule;
        this.n = rule.classCount();
        this.counts = new long[n * n];
    }

    /** A matrix from given counts, {@code counts[pred][gt]}; for tests and for reloading stored matrices. */
    public static ConfusionMatrix fromCounts(ScoringRule rule, long[][] countsByPredictionThenTruth) {
        ConfusionMatrix m = new ConfusionMatrix(rule);
        if (countsByPredictionThenTruth.length != m.n) {
            throw new IllegalArgumentException("expected " + m.n + " rows, found " + countsByPredictionThenTruth.length);
        }
        for (int p = 0; p < m.n; p++) {
            if (countsByPredictionThenTruth[p].length != m.n) {
                throw new IllegalArgumentException("row " + p + ": expected " + m.n + " columns, found "
                        + countsByPredictionThenTruth[p].length);
            }
            System.arraycopy(countsByPredictionThenTruth[p], 0, m.counts, p * m.n, m.n);
        }
        return m;
    }

    public ScoringRule rule() {
        return rule;
    }

    /**
     * Adds one image. Both arrays hold one value per pixel in the same order.
     *
     * @param predicted    predicted class indices (after argmax), 0..(predicted classes − 1)
     * @param groundTruth  raw ground-truth labels; ignored values are skipped
     * @throws IllegalArgumentException on different lengths, a negative prediction, a prediction outside the scored
     *                                  classes after the rule's mapping, or a label that is neither a class nor ignored
     */
    public void accumulate(int[] predicted, int[] groundTruth) {
        if (predicted.length != groundTruth.length) {
            throw new IllegalArgumentException("prediction has " + predicted.length + " pixels, ground truth "
                    + groundTruth.length + ": resize the prediction to the label map's size first");
        }
        for (int i = 0; i < predicted.length; i++) {
            int gt = groundTruth[i];
            if (gt < 0 || gt >= n) {
                if (rule.isIgnored(gt)) {
                    continue;
                }
                throw new IllegalArgumentException("ground-truth label " + gt + " at pixel " + i
                        + " is neither a class (0.." + (n - 1) + ") nor ignored " + java.util.Arrays.toString(rule.ignoredLabels()));
            }
            int p = rule.scoredPrediction(predicted[i]);
            if (p < 0 || p >= n) {
                throw new IllegalArgumentException("predicted class " + predicted[i] + " at pixel " + i
                        + " is outside the " + n + " scored classes");
            }
            counts[p * n + gt]++;
        }
    }

    /** Adds another matrix of the same rule (e.g. one accumulated on another thread). */
    public void add(ConfusionMatrix other) {
        if (!other.rule.equals(rule)) {
            throw new IllegalArgumentException("cannot add a matrix scored by " + other.rule + " to one scored by " + rule);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Pixels predicted as {@code predicted} whose ground truth is {@code truth}. */
    public long count(int predicted, int truth) {
        return counts[predicted * n + truth];
    }

    /** The metrics of everything accumulated so far. */
    public SegmentationScores scores() {
        double[] iou = new double[n];
        double[] accuracy = new double[n];
        long[] gtPixels = new long[n];
        long totalTp = 0;
        long totalGt = 0;
        for (int c = 0; c < n; c++) {
            long tp = counts[c * n + c];
            long posGt = 0;
            long posPred = 0;
            for (int k = 0; k < n; k++) {
                posGt += counts[k * n + c];
                posPred += counts[c * n + k];
            }
            gtPixels[c] = posGt;
            totalTp += tp;
            totalGt += posGt;
            long union = posGt + posPred - tp;
            // detectron2 excludes a class absent from the ground truth even when it was predicted
            // (iou_valid = pos_gt > 0 and union > 0); its wrong predictions still count against the classes whose
            // pixels they took.
            boolean valid = posGt > 0 && union > 0;
            iou[c] = valid ? (double) tp / union : Double.NaN;
            accuracy[c] = posGt > 0 ? (double) tp / posGt : Double.NaN;
        }
        return SegmentationScores.from(iou, accuracy, gtPixels, totalTp, totalGt);
    }
}
