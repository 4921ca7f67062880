package org.escnet.adapters.djl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A row-wise step run in tiles equals the step run in one piece, forward and backward. */
class RowTilesTest {
    /** 3 × 1,000 rows; widest 3,500 gives tiles of 299 rows: ten full tiles and a short last one. */
    private static final Shape ROWS = new Shape(3, 1000, 8);
    private static final long WIDEST = RowTiles.TILE_ELEMENTS / 300 + 1;

    /** A random 8 → 24 → 8 GELU MLP, row-wise. */
    private static UnaryOperator<NDArray> randomMlp(NDManager m) {
        NDArray w1 = m.randomNormal(new Shape(24, 8));
        NDArray w2 = m.randomNormal(new Shape(8, 24));
        return rows -> Activation.gelu(rows.matMul(w1.transpose())).matMul(w2.transpose());
    }

    @Test
    void tiledStepEqualsTheStepInOnePieceWithItsGradient() {
        Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            UnaryOperator<NDArray> step = randomMlp(m);
            UnaryOperator<NDArray> mlp = rows -> step.apply(rows).addi(rows);
            long widest = WIDEST;
            NDArray x = m.randomNormal(ROWS);

            NDArray direct = mlp.apply(x);
            NDArray tiled = RowTiles.map(x, widest, mlp);
            assertThat(tiled.getShape()).isEqualTo(x.getShape());
            assertThat(tiled.sub(direct).abs().max().getFloat()).isLessThan(1e-5f);

            NDArray gradDirect = gradient(x, mlp, Long.MAX_VALUE);
            NDArray gradTiled = gradient(x, mlp, widest);
            assertThat(gradTiled.sub(gradDirect).abs().max().getFloat() / gradDirect.abs().max().getFloat())
                    .isLessThan(1e-5f);
        }
    }

    @Test
    void residualInTilesEqualsXPlusTheStepWithAndWithoutAGraph() {
        Engine.getInstance().setRandomSeed(8);
        try (NDManager m = NDManager.newBaseManager()) {
            UnaryOperator<NDArray> mlp = randomMlp(m);
            long widest = WIDEST;
            NDArray x = m.randomNormal(ROWS);
            NDArray expected = mlp.apply(x).add(x);
            boolean before = JniUtils.isGradMode();
            try {
                for (boolean graph : new boolean[] {true, false}) {
                    JniUtils.setGradMode(graph);
                    NDArray input = x.duplicate();
                    NDArray sum = RowTiles.residual(input, widest, mlp);
                    assertThat(sum.getShape()).isEqualTo(x.getShape());
                    assertThat(sum.sub(expected).abs().max().getFloat()).as("graph recorded: %s", graph)
                            .isLessThan(1e-5f);
                    // without a graph the sums go into the input's own rows; with one the input is left as it was
                    assertThat(input.sub(graph ? x : expected).abs().max().getFloat()).as("graph recorded: %s", graph)
                            .isLessThan(1e-5f);
                }
            } finally {
                JniUtils.setGradMode(before);
            }
        }
    }

    @Test
    void fewRowsRunInOnePiece() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(4, 3));
            NDArray[] seen = new NDArray[1];
            RowTiles.map(x, 512, rows -> seen[0] = rows);
            assertThat(seen[0]).isSameAs(x);
        }
    }

    /** d Σ (step(x) · weights) / dx, through the tiled form when the step fits {@code widest}. */
    private static NDArray gradient(NDArray x, UnaryOperator<NDArray> step, long widest) {
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        NDArray weights = x.getManager().arange(0f, (float) x.size()).reshape(x.getShape()).mod(7f);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = widest == Long.MAX_VALUE ? step.apply(input) : RowTiles.map(input, widest, step);
            collector.backward(out.mul(weights).sum());
        }
        return input.getGradient().duplicate();
    }
}
