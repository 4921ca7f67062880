package org.escnet.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /**
     * Three classes, ignore 255. Ground truth / prediction per pixel:
     * gt   0 0 0 1 1 255 255 0
     * pred 0 0 1 1 2   1   2 0
     * Scored pixels (gt not 255): class 0 has 4 GT pixels, 3 predicted right; class 1 has 2, one right, one taken by
     * class 2; class 2 never occurs in the GT but is predicted once on a scored pixel (and once on an ignored one).
     * By hand: IoU0 = 3 / (4 + 3 - 3) = 0.75; IoU1 = 1 / (2 + 2 - 1) = 1/3; class 2 is excluded (absent from GT),
     * so mIoU = (0.75 + 1/3) / 2 = 54.1666…%; pixel accuracy = 4/6; mean accuracy = (3/4 + 1/2) / 2;
     * fwIoU = 0.75·4/6 + (1/3)·2/6.
     */
    @Test
    void handComputedMatrixWithAbsentClassAndIgnoredPixels() {
        ConfusionMatrix m = new ConfusionMatrix(ScoringRule.of(3, 255));
        m.accumulate(new int[] {0, 0, 1, 1, 2, 1, 2, 0}, new int[] {0, 0, 0, 1, 1, 255, 255, 0});

        SegmentationScores s = m.scores();
        assertThat(s.classIoU()[0]).isCloseTo(0.75, within(1e-12));
        assertThat(s.classIoU()[1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.classIoU()[2]).isNaN();
        assertThat(s.scoredClasses()).isEqualTo(2);
        assertThat(s.mIoU()).isCloseTo(100 * (0.75 + 1.0 / 3) / 2, within(1e-9));
        // the older "union > 0" rule would give (0.75 + 1/3 + 0) / 3 = 36.1%: make sure that is not what we do
        assertThat(s.mIoU()).isGreaterThan(50);
        assertThat(s.pixelAccuracy()).isCloseTo(100 * 4.0 / 6, within(1e-9));
        assertThat(s.meanAccuracy()).isCloseTo(100 * (0.75 + 0.5) / 2, within(1e-9));
        assertThat(s.fwIoU()).isCloseTo(100 * (0.75 * 4 / 6 + (1.0 / 3) * 2 / 6), within(1e-9));
        // predictions on ignored pixels are not counted anywhere
        assertThat(m.count(1, 0) + m.count(1, 1) + m.count(1, 2)).isEqualTo(2);
        assertThat(m.count(2, 1)).isEqualTo(1);
    }

    @Test
    void matrixBuiltFromCountsGivesHandComputedIoU() {
        // rows = prediction, columns = ground truth
        long[][] counts = {
                {50, 10, 0, 0},
                {5, 30, 0, 0},
                {0, 0, 0, 0},
                {5, 0, 0, 20}};
        SegmentationScores s = ConfusionMatrix.fromCounts(ScoringRule.of(4, 255), counts).scores();
        // class 0: tp 50, gt 60, pred 60 → 50/70; class 1: tp 30, gt 40, pred 35 → 30/45; class 3: tp 20, gt 20,
        // pred 25 → 20/25; class 2 absent everywhere → excluded.
        double expected = (50.0 / 70 + 30.0 / 45 + 20.0 / 25) / 3;
        assertThat(s.mIoU()).isCloseTo(100 * expected, within(1e-9));
        assertThat(s.pixelAccuracy()).isCloseTo(100.0 * 100 / 120, within(1e-9));
    }

    @Test
    void backgroundRuleMapsEveryPredictionFromTwentyOnToBackground() {
        // PAS-20b: 21 scored classes, predictions 20..58 (the 39 context names) all count as background 20
        ScoringRule rule = new ScoringRule(21, new int[] {255}, 20);
        ConfusionMatrix m = new ConfusionMatrix(rule);
        m.accumulate(new int[] {20, 45, 58, 3, 3, 30}, new int[] {20, 20, 20, 3, 255, 3});
        // background: its 3 GT pixels are all predicted ≥ 20 (tp 3), and pixel 5 (GT 3, predicted 30 → 20) is a
        // false background, so IoU = 3 / (3 + 4 - 3) = 0.75; class 3: tp 1, gt 2, pred 1 → 1/2.
        SegmentationScores s = m.scores();
        assertThat(s.classIoU()[20]).isCloseTo(0.75, within(1e-12));
        assertThat(s.classIoU()[3]).isCloseTo(0.5, within(1e-12));
        assertThat(s.mIoU()).isCloseTo(100 * (0.75 + 0.5) / 2, within(1e-9));
        assertThat(rule.scoredPrediction(19)).isEqualTo(19);
        assertThat(rule.scoredPrediction(58)).isEqualTo(20);
    }

    @Test
    void severalIgnoreValuesAreAllSkipped() {
        // PC-459: registered ignore 459, and an unlabelled 0 − 1 stored as 65535
        ConfusionMatrix m = new ConfusionMatrix(new ScoringRule(459, new int[] {459, 65535}, -1));
        m.accumulate(new int[] {7, 7, 8}, new int[] {7, 459, 65535});
        assertThat(m.scores().mIoU()).isEqualTo(100.0);
        assertThat(m.scores().pixelAccuracy()).isEqualTo(100.0);
    }

    @Test
    void matricesFromSeveralThreadsAddUp() {
        ScoringRule rule = ScoringRule.of(2, 255);
        ConfusionMatrix a = new ConfusionMatrix(rule);
        ConfusionMatrix b = new ConfusionMatrix(rule);
        a.accumulate(new int[] {0, 1}, new int[] {0, 0});
        b.accumulate(new int[] {1, 1}, new int[] {1, 0});
        a.add(b);
        // class 0: tp 1, gt 3, pred 1 → 1/3; class 1: tp 1, gt 1, pred 3 → 1/3
        assertThat(a.scores().mIoU()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void badInputIsRejectedWithWhatWasFound() {
        ConfusionMatrix m = new ConfusionMatrix(ScoringRule.of(3, 255));
        assertThatThrownBy(() -> m.accumulate(new int[] {0}, new int[] {0, 1}))
                .hasMessageContaining("prediction has 1 pixels, ground truth 2");
        assertThatThrownBy(() -> m.accumulate(new int[] {0}, new int[] {7}))
                .hasMessageContaining("ground-truth label 7").hasMessageContaining("0..2");
        assertThatThrownBy(() -> m.accumulate(new int[] {5}, new int[] {1}))
                .hasMessageContaining("predicted class 5");
        assertThatThrownBy(() -> ScoringRule.of(3, 2)).hasMessageContaining("ignored label 2 is also a class");
    }
}
