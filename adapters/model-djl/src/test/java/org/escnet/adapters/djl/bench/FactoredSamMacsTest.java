package org.escnet.adapters.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.escnet.adapters.djl.escnet.Architecture;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.junit.jupiter.api.Test;

/** The SAM image-token projections counted by the paper's measure but not executed, tallied by hand. */
class FactoredSamMacsTest {

    @Test
    void escNetViTB16At171ClassesProjectsSixteenFeaturesPerClass() {
        // grid 24 (576 positions), 171 classes, 4 SAM blocks, points+masks (16 mask features):
        //   analytic, per block: 171 × 576 × 256 × 384 (k, v, q of X + dense per class)        = 9,682,550,784
        //   executed, per block: 171 × 576 × 16 × (384 + 256) (composed projections, keys)    = 1,008,599,040
        //                        + 576 × 256 × 384 (X + b once) + 2 × 576 × 256 × 128 (PE)       =    94,371,840
        //                        + 384 × 256 × 16 (P·W)                                          =     1,572,864
        //   saved per block: 8,578,007,040; × 4 = 34,312,028,160
        //   plus the 1×1 convolution never materialised: 171 × 576 × 16 × 256                  =   403,439,616
        Architecture a = Architecture.resolve(NetworkPreset.ESCNET_VIT_B16.randomWeightsSpec());
        assertThat(MacCount.factoredSamMacs(a, 171)).isEqualTo(34_715_467_776L);
    }

    @Test
    void catSegHasNoSamBlocks() {
        Architecture a = Architecture.resolve(NetworkPreset.CATSEG_VIT_B16.randomWeightsSpec());
        assertThat(MacCount.factoredSamMacs(a, 171)).isZero();
    }
}
