package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassPaletteTest {

    @Test
    void followsThePascalColourMapShiftedByOne() {
        assertThat(ClassPalette.rgb(0)).isEqualTo(0x800000); // VOC 1 (aeroplane red)
        assertThat(ClassPalette.rgb(1)).isEqualTo(0x008000);
        assertThat(ClassPalette.rgb(2)).isEqualTo(0x808000);
        assertThat(ClassPalette.rgb(6)).isEqualTo(0x808080); // VOC 7
        assertThat(ClassPalette.rgb(14)).isEqualTo(0xC08080); // VOC 15 (person)
    }

    @Test
    void everyClassOfTheLargestVocabularyHasItsOwnColourAndNoneIsTheIgnoreBlack() {
        Set<Integer> seen = new HashSet<>();
        for (int c = 0; c < 847; c++) {
            int rgb = ClassPalette.rgb(c);
            assertThat(rgb).isNotEqualTo(ClassPalette.IGNORED);
            assertThat(seen.add(rgb)).as("colour of class %d is unique", c).isTrue();
        }
    }

    @Test
    void rejectsNegativeIndices() {
        assertThatThrownBy(() -> ClassPalette.rgb(-1)).hasMessageContaining("found -1");
    }
}
