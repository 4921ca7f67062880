package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.escnet.domain.data.SegmentationSample;
import org.junit.jupiter.api.Test;

/** The §2.11 loss against BCE written out by hand: −[y·log σ(x) + (1−y)·log(1−σ(x))], ignored pixels negative. */
class SegmentationLossTest {
    private static double bce(double x, double y) {
        double s = 1 / (1 + Math.exp(-x));
        return -(y * Math.log(s) + (1 - y) * Math.log(1 - s));
    }

    private static SegmentationSample sample(int[] labels) {
        return new SegmentationSample("s", 2, 1, new byte[6], labels, 255);
    }

    @Test
    void meanOverClassesAndPixelsWithIgnoredPixelsAsNegatives() {
        try (NDManager m = NDManager.newBaseManager()) {
            // (B 1, N_c 2, h 1, w 2) at the label size, so no resize is involved
            float[] x = {2.0f, -1.0f, 0.5f, 3.0f};
            NDArray logits = m.create(x, new Shape(1, 2, 1, 2));
            // pixel 0 is class 1, pixel 1 is ignored: targets class0 = [0, 0], class1 = [1, 0]
            double expected = (bce(2.0, 0) + bce(-1.0, 0) + bce(0.5, 1) + bce(3.0, 0)) / 4;
            double loss = SegmentationLoss.of(logits, List.of(sample(new int[] {1, 255}))).getFloat();
            assertThat(loss).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void largeLogitsStayFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {200f, -200f}, new Shape(1, 1, 1, 2));
            double loss = SegmentationLoss.of(logits, List.of(sample(new int[] {255, 0}))).getFloat();
            // pixel 0: x = 200, y = 0 → 200; pixel 1: x = −200, y = 1 → 200
            assertThat(loss).isCloseTo(200.0, within(1e-3));
        }
    }

    @Test
    void aLabelThatIsNeitherClassNorIgnoreIsRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.zeros(new Shape(1, 2, 1, 2));
            assertThatThrownBy(() -> SegmentationLoss.of(logits, List.of(sample(new int[] {7, 0}))))
                    .hasMessageContaining("label 7").hasMessageContaining("0..1").hasMessageContaining("255");
        }
    }
}
