package org.escnet.adapters.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.escnet.adapters.djl.escnet.Architecture;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.junit.jupiter.api.Test;

/** The multiply-accumulates computed once per image or class instead of per class, tallied by hand. */
class SharedGuidanceMacsTest {

    @Test
    void escNetViTB16At171ClassesSharesTheGuidanceHalves() {
        // grid 24 (576 positions), hidden 128, 171 classes, 4 VLF layers, inference (no pooling):
        //   Swin, per layer: 2 blocks × (q, k) × 576 × 128 × 128 per class, done once per image: × (171 − 1)
        //       = 2 × 2 × 576 × 16,384 × 170 = 6,417,285,120
        //   class attention, per layer: (q, k) × 128 × 128 per class and position, done once per class: × (576 − 1)
        //       = 2 × 16,384 × 171 × 575 = 3,221,913,600
        //   decoder: the guidance channels of the first convs, 32→64 at 48² and 16→32 at 96², once per image
        //       = 170 × (2,304 × 32 × 64 × 9 + 9,216 × 16 × 32 × 9) = 170 × 84,934,656 = 14,438,891,520
        //   total: 4 × (6,417,285,120 + 3,221,913,600) + 14,438,891,520 = 52,995,686,400
        Architecture a = Architecture.resolve(NetworkPreset.ESCNET_VIT_B16.randomWeightsSpec());
        assertThat(MacCount.sharedGuidanceMacs(a, 171, false)).isEqualTo(52_995_686_400L);
    }

    @Test
    void oneClassSharesOnlyTheClassAttentionPositions() {
        // with one class nothing is shared between classes; the text guidance is still projected once, not per position
        Architecture a = Architecture.resolve(NetworkPreset.CATSEG_VIT_B16.randomWeightsSpec());
        assertThat(MacCount.sharedGuidanceMacs(a, 1, false)).isEqualTo(2L * 2 * 16_384 * 575);
    }
}
