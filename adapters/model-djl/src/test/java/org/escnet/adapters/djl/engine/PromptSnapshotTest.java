package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.escnet.domain.model.Segmentation;
import org.escnet.domain.prompts.PseudoPrompts;
import org.junit.jupiter.api.Test;

class PromptSnapshotTest {

    @Test
    void rowsBelongToTheClassesThatPassedTheClassCap() {
        try (NDManager m = NDManager.newBaseManager()) {
            var logits = m.zeros(new Shape(1, 5, 8, 8)); // 5 classes, g = 2
            var points = m.create(new float[] {0, 1, 1, 0}, new Shape(2, 1, 2));
            var labels = m.create(new float[] {1, -1}, new Shape(2, 1));
            var masks = m.create(new float[] {10, -10, -10, 10, -10, -10, -10, -10}, new Shape(2, 1, 2, 2));
            var prompts = new PseudoPrompts(points, labels, null, null, masks, null);
            var kept = m.create(new long[] {1, 3}, new Shape(1, 2));

            PromptSnapshot snapshot = PromptSnapshot.of(new Segmentation(logits, prompts, kept));
            assertThat(snapshot.classes()).containsExactly(1, 3);
            assertThat(snapshot.grid()).isEqualTo(2);
            assertThat(snapshot.points()).containsExactly(0, 1, 1, 0);
            assertThat(snapshot.pointLabels()).containsExactly(1, -1);
            assertThat(snapshot.maskSide()).isEqualTo(2);
            assertThat(snapshot.masks()).containsExactly(true, false, false, true, false, false, false, false);

            assertThatThrownBy(() -> PromptSnapshot.of(new Segmentation(logits, prompts)))
                    .hasMessageContaining("have 2 rows, expected one per kept class (5)");
            assertThat(PromptSnapshot.of(new Segmentation(logits, null))).isNull();
        }
    }
}
