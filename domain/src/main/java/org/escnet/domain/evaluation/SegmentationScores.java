package org.escnet.domain.evaluation;

/**
 * Dataset-level segmentation metrics as detectron2's {@code SemSegEvaluator} reports them (DATASETS.md §3.2). The
 * summary numbers are percentages (×100); per-class values are fractions, NaN for classes absent from the ground
 * truth (those are left out of every mean).
 *
 * @param mIoU            mean IoU over classes present in the ground truth, in percent
 * @param fwIoU           IoU weighted by each class's share of ground-truth pixels, in percent
 * @param meanAccuracy    mean per-class recall over present classes, in percent
 * @param pixelAccuracy   correctly predicted scored pixels / scored pixels, in percent
 * @param classIoU        per-class IoU in 0..1, NaN when the class is absent from the ground truth
 * @param classAccuracy   per-class recall in 0..1, NaN when absent
 * @param scoredClasses   how many classes entered the mean
 */
public record SegmentationScores(double mIoU, double fwIoU, double meanAccuracy, double pixelAccuracy,
        double[] classIoU, double[] classAccuracy, int scoredClasses) {

    static SegmentationScores from(double[] iou, double[] accuracy, long[] gtPixels, long totalTp, long totalGt) {
        double iouSum = 0;
        double accSum = 0;
        double weighted = 0;
        int validIou = 0;
        int validAcc = 0;
        for (int c = 0; c < iou.length; c++) {
            if (!Double.isNaN(iou[c])) {
                iouSum += iou[c];
                validIou++;
                weighted += iou[c] * gtPixels[c] / (double) totalGt;
            }
            if (!Double.isNaN(accuracy[c])) {
                accSum += accuracy[c];
                validAcc++;
            }
        }
        return new SegmentationScores(
                validIou == 0 ? Double.NaN : 100 * iouSum / validIou,
                totalGt == 0 ? Double.NaN : 100 * weighted,
                validAcc == 0 ? Double.NaN : 100 * accSum / validAcc,
                totalGt == 0 ? Double.NaN : 100.0 * totalTp / totalGt,
                iou, accuracy, validIou);
    }

    /** IoU of class c in percent (NaN when absent from the ground truth). */
    public double classIoUPercent(int c) {
        return 100 * classIoU[c];
    }

    @Override
    public double[] classIoU() {
        return classIoU.clone();
    }

    @Override
    public double[] classAccuracy() {
        return classAccuracy.clone();
    }
}
