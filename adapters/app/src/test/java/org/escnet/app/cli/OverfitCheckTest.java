package org.escnet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.escnet.adapters.djl.engine.TrainingSettings;
import org.escnet.domain.data.PresentClasses;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ScoringRule;
import org.escnet.domain.model.SamInit;
import org.junit.jupiter.api.Test;

class OverfitCheckTest {
    /** Two 2x2 images over classes a..c, ignore 255. */
    private static final class TwoImages implements SegmentationDataset {
        private static final int[][] LABELS = {{2, 2, 0, 255}, {0, 2, 2, 0}};

        @Override
        public String name() {
            return "two";
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public int ignoreValue() {
            return 255;
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public SegmentationSample sample(int index) {
            return new SegmentationSample("i" + index, 2, 2, new byte[12], LABELS[index].clone(), 255);
        }

        @Override
        public boolean synthetic() {
            return true;
        }

        @Override
        public ScoringRule scoring() {
            return ScoringRule.of(3, 255);
        }
    }

    @Test
    void theMajorityBaselineIsTheMIoUOfEachImagesMostFrequentClassEverywhere() {
        // classes a (0) and c (1). Image 0 predicts c everywhere; image 1 ties 2:2 and predicts a, the lower index.
        // a: TP 2, FP 2, FN 1 -> 2/5; c: TP 2, FP 1, FN 2 -> 2/5; mIoU 40
        PresentClasses data = PresentClasses.firstImages(new TwoImages(), 2);
        assertThat(OverfitCheck.majorityMIoU(data)).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void aShortRunTrainsAndScoresThePhrasesOfItsImages() {
        TrainingSettings training = OverfitCheck.training(2, 2, 1e-3, 1e-4, 96, 3);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        OverfitCheck.Result r = OverfitCheck.run(new OverfitCheck.Setup(
                OverfitCheck.spec("escnet-tiny", SamInit.RANDOM, null), 2, 96, 0, training, 1),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(r.data().size()).isEqualTo(2);
        assertThat(r.data().classNames()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(r.scores().classIoU()).hasSize(r.data().classNames().size());
        assertThat(r.scores().mIoU()).isBetween(0.0, 100.0);
        assertThat(r.firstLoss()).isFinite().isPositive();
        assertThat(r.lastLoss()).isFinite().isPositive();
        assertThat(r.majorityMIoU()).isBetween(0.0, 100.0);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("step 1/2").contains("step 2/2")
                .contains("with the " + r.data().classNames().size() + " phrases they contain");
        assertThat(OverfitCheck.report(r)).contains("training-set mIoU").contains("majority class")
                .contains(r.data().classNames().get(0));
    }
}
