package org.escnet.adapters.djl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.escnet.adapters.djl.engine.ColouredSquares;
import org.junit.jupiter.api.Test;

/** The report's structure on the tiny preset (times are never asserted, only that they were measured). */
class TrainBenchmarkTest {
    @Test
    void tinyPresetReportsStepTimeAndThroughput() {
        TrainBenchmark.Report r = TrainBenchmark.run("escnet-tiny", new ColouredSquares(3, 32, 1), 1, 1, 2);
        assertThat(r.preset()).isEqualTo("escnet-tiny");
        assertThat(r.batch()).isEqualTo(1);
        assertThat(r.warmup()).isEqualTo(1);
        assertThat(r.iterations()).isEqualTo(2);
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.imageSide()).isEqualTo(32);
        assertThat(r.medianMs()).isPositive();
        assertThat(r.fastestMs()).isPositive().isLessThanOrEqualTo(r.medianMs());
        assertThat(r.slowestMs()).isGreaterThanOrEqualTo(r.medianMs());
        assertThat(r.imagesPerSecond()).isPositive();
        assertThat(r.imagesPerSecond()).isCloseTo(1 / (r.medianMs() / 1000), org.assertj.core.data.Percentage
                .withPercentage(1e-6));
        assertThat(r.peakRssMiB()).isPositive();
        assertThat(r.toText()).contains("escnet-tiny").contains("batch 1").contains("images/s")
                .contains("1 warm-up step(s) not timed, median of 2 timed step(s)").contains("VmHWM");
    }

    @Test
    void badArgumentsAndUnknownPresetsAreRefusedWithTheirNames() {
        ColouredSquares data = new ColouredSquares(2, 32, 1);
        assertThatThrownBy(() -> TrainBenchmark.run("escnet-tiny", data, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TrainBenchmark.run("escnet-huge", data, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escnet-huge")
                .hasMessageContaining("escnet-tiny");
    }
}
