package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.escnet.domain.data.SegmentationSample;
import org.junit.jupiter.api.Test;

class PatchTargetsTest {
    private static final int I = 255;

    private static SegmentationSample sample(int[] labels) {
        return new SegmentationSample("s", 4, 4, new byte[3 * 16], labels, I);
    }

    @Test
    void sharesCountEachClassesPixelsPerPatchAndSkipIgnoredOnes() {
        int[] labels = {
                0, 0, 1, I,
                0, 0, 1, 1,
                2, I, I, I,
                2, 2, I, I};
        float[] t = PatchTargets.of(List.of(sample(labels)), 2, 3);
        // patch order: top-left, top-right, bottom-left, bottom-right; 4 pixels each
        float[] expected = {
                1, 0, 0,
                0, 0.75f, 0,
                0, 0, 0.75f,
                0, 0, 0};
        assertThat(t).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(t[i]).as("share %d", i).isCloseTo(expected[i], within(1e-6f));
        }
    }

    @Test
    void aLabelOutsideTheVocabularyIsNamed() {
        int[] labels = new int[16];
        labels[5] = 7;
        assertThatThrownBy(() -> PatchTargets.of(List.of(sample(labels)), 2, 3))
                .hasMessageContaining("label 7 at (1, 1)").hasMessageContaining("0..2");
    }
}
