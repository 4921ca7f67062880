package org.escnet.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.escnet.domain.evaluation.ScoringRule;
import org.junit.jupiter.api.Test;

class PresentClassesTest {
    /** Three 2x2 images over the vocabulary a..e, ignore 255; the third image holds the only "e". */
    private static final class Letters implements SegmentationDataset {
        private static final int[][] LABELS = {{3, 3, 1, 255}, {1, 3, 3, 1}, {4, 4, 4, 4}};

        @Override
        public String name() {
            return "letters";
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c", "d", "e");
        }

        @Override
        public int ignoreValue() {
            return 255;
        }

        @Override
        public int size() {
            return LABELS.length;
        }

        @Override
        public SegmentationSample sample(int index) {
            return new SegmentationSample("img" + index, 2, 2, new byte[12], LABELS[index].clone(), 255);
        }

        @Override
        public boolean synthetic() {
            return true;
        }

        @Override
        public ScoringRule scoring() {
            return ScoringRule.of(5, 255);
        }
    }

    @Test
    void keepsOnlyTheClassesOfTheFirstImagesInTheirOrderAndRenumbersTheLabels() {
        PresentClasses first = PresentClasses.firstImages(new Letters(), 2);

        assertThat(first.classNames()).containsExactly("b", "d");
        assertThat(first.size()).isEqualTo(2);
        assertThat(first.sample(0).labels()).containsExactly(1, 1, 0, 255);
        assertThat(first.sample(1).labels()).containsExactly(0, 1, 1, 0);
        assertThat(first.sample(0).id()).isEqualTo("img0");
        assertThat(first.scoring().classCount()).isEqualTo(2);
        assertThat(first.scoring().isIgnored(255)).isTrue();
        assertThat(first.synthetic()).isTrue();
        assertThat(first.name()).isEqualTo("letters-first-2");
    }

    @Test
    void allThreeImagesBringTheThirdImagesClass() {
        assertThat(PresentClasses.firstImages(new Letters(), 3).classNames()).containsExactly("b", "d", "e");
    }

    @Test
    void refusesMoreImagesThanTheSourceHasAndIndicesOutsideTheSet() {
        assertThatThrownBy(() -> PresentClasses.firstImages(new Letters(), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 3 images of letters")
                .hasMessageContaining("found 4");
        assertThatThrownBy(() -> PresentClasses.firstImages(new Letters(), 1).sample(1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("has 1 images");
    }
}
