package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowPlanTest {

    @Test
    void catSegPlanCutsFourWindowsOf384At0And256FromA640Canvas() {
        WindowPlan plan = WindowPlan.forWindow(384);
        assertThat(plan).isEqualTo(new WindowPlan(640, 384, 256));
        assertThat(plan.axisOffsets()).containsExactly(0, 256);
        assertThat(plan.windows()).containsExactly(new WindowPlan.Window(0, 0), new WindowPlan.Window(256, 0),
                new WindowPlan.Window(0, 256), new WindowPlan.Window(256, 256));
    }

    @Test
    void smallerInputsKeepTheRatios() {
        assertThat(WindowPlan.forWindow(96)).isEqualTo(new WindowPlan(160, 96, 64));
        assertThat(WindowPlan.forWindow(336)).isEqualTo(new WindowPlan(560, 336, 224)); // ViT-L/14@336
    }

    @Test
    void coverageCountsTheWindowsOverEachPixel() {
        WindowPlan plan = WindowPlan.forWindow(384);
        float[] coverage = plan.coverage();
        int c = plan.canvas();
        assertThat(coverage[0]).isEqualTo(1); // top-left corner: window (0, 0) only
        assertThat(coverage[c - 1]).isEqualTo(1); // top-right corner: window (256, 0) only
        assertThat(coverage[300]).isEqualTo(2); // top edge, x in the overlap 256..383
        assertThat(coverage[300 * c + 300]).isEqualTo(4); // the centre: all four
        assertThat(coverage[383 * c + 383]).isEqualTo(4);
        assertThat(coverage[384 * c + 384]).isEqualTo(1); // bottom-right: window (256, 256) only
        double total = 0;
        for (float v : coverage) {
            assertThat(v).isGreaterThanOrEqualTo(1); // no pixel left out
            total += v;
        }
        assertThat(total).isEqualTo(4.0 * 384 * 384);
    }

    @Test
    void rejectsWindowsThatStopShortOfTheCanvasEdge() {
        assertThatThrownBy(() -> new WindowPlan(640, 384, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not end at the 640 px canvas edge");
        assertThatThrownBy(() -> new WindowPlan(300, 384, 256))
                .hasMessageContaining("window <= canvas");
        assertThatThrownBy(() -> WindowPlan.forWindow(1)).hasMessageContaining("at least 2 px");
    }
}
