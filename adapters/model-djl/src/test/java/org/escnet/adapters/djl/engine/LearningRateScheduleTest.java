package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Warm-up then cosine, values worked out by hand. */
class LearningRateScheduleTest {
    @Test
    void cosineWithoutWarmupStartsAtOneAndHalvesHalfWay() {
        LearningRateSchedule s = new LearningRateSchedule(100, 0);
        assertThat(s.factor(0)).isEqualTo(1.0);
        assertThat(s.factor(50)).isCloseTo(0.5, within(1e-12));
        assertThat(s.factor(25)).isCloseTo(0.5 * (1 + Math.sqrt(0.5)), within(1e-12)); // cos(π/4)
        assertThat(s.factor(100)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void warmupRisesLinearlyThenCosineOverTheRest() {
        LearningRateSchedule s = new LearningRateSchedule(110, 10);
        assertThat(s.factor(0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.factor(4)).isCloseTo(0.5, within(1e-12));
        assertThat(s.factor(10)).isEqualTo(1.0);
        assertThat(s.factor(60)).isCloseTo(0.5, within(1e-12));
    }
}
