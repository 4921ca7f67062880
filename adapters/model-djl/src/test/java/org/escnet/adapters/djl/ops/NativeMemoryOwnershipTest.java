package org.escnet.adapters.djl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arrays that outlive the scope that made them: Java-made constants own their memory ({@link OwnedArrays}), and a
 * chunk's kept results move to the enclosing scope ({@link ChunkScope}) instead of belonging to none.
 */
class NativeMemoryOwnershipTest {

    @Test
    void anOwnedArrayKeepsItsValuesAfterItsJavaBufferIsGone() {
        Engine.getInstance();
        float[] data = {1, 2, 3, 4, 5, 6};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray owned = OwnedArrays.of(m, data, new Shape(2, 3));
            data[0] = 99; // the engine's copy does not alias the Java array either
            churnDirectMemory();
            assertThat(owned.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(OwnedArrays.of(m, new float[][] {{1, 2}, {3, 4}}).getShape()).isEqualTo(new Shape(2, 2));
            assertThat(OwnedArrays.of(m, new int[][] {{7, 8, 9}}).toIntArray()).containsExactly(7, 8, 9);
        }
    }

    @Test
    void aResizeInsideAClosedChunkStillHasItsMatrixAtBackward() {
        Engine.getInstance();
        try (NDManager m = NDManager.newBaseManager(); NDScope outer = new NDScope()) {
            NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
            x.setRequiresGradient(true);
            JniUtils.setGradMode(false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray up;
                try (ChunkScope chunk = new ChunkScope()) {
                    // the interpolation matrices are made and released inside the chunk; autograd keeps them
                    up = chunk.keep(SeparableResize.resize(x, 8, 8, SeparableResize.Mode.BILINEAR_ALIGN_CORNERS));
                }
                churnDirectMemory();
                gc.backward(up.sum());
            }
            // every input pixel's weights over the 8x8 output sum to (8/4)^2 = 4 on average; the total is exact
            float[] grad = x.getGradient().toFloatArray();
            double total = 0;
            for (float g : grad) {
                assertThat(Float.isFinite(g)).isTrue();
                assertThat(g).isPositive();
                total += g;
            }
            assertThat(total).isCloseTo(64.0, org.assertj.core.data.Offset.offset(1e-3));
            outer.suppressNotUsedWarning();
        }
    }

    @Test
    void aConstantFactorStillScalesTheGradientAfterItsScopeEnds() {
        Engine.getInstance();
        try (NDManager m = NDManager.newBaseManager(); NDScope outer = new NDScope()) {
            NDArray x = m.create(new float[] {1, -2, 3});
            x.setRequiresGradient(true);
            JniUtils.setGradMode(false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y;
                try (ChunkScope chunk = new ChunkScope()) {
                    y = chunk.keep(Scalars.over(Scalars.times(x, 3.0), 4.0).sum());
                }
                churnDirectMemory();
                gc.backward(y);
            }
            assertThat(x.getGradient().toFloatArray()).containsExactly(0.75f, 0.75f, 0.75f);
            outer.suppressNotUsedWarning();
        }
    }

    @Test
    void keptChunkResultsAreClosedWithTheEnclosingScope() {
        Engine.getInstance();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray kept;
            NDArray temporary;
            try (NDScope outer = new NDScope()) {
                try (ChunkScope chunk = new ChunkScope()) {
                    temporary = m.ones(new Shape(3));
                    kept = chunk.keep(temporary.add(1));
                }
                assertThat(temporary.isReleased()).isTrue();
                assertThat(kept.isReleased()).isFalse();
                assertThat(kept.toFloatArray()).containsExactly(2, 2, 2);
                outer.suppressNotUsedWarning();
            }
            assertThat(kept.isReleased()).isTrue();
        }
    }

    /** Frees unreachable direct buffers and reuses their memory, as a busy training process would. */
    private static void churnDirectMemory() {
        List<ByteBuffer> garbage = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4096);
                while (b.hasRemaining()) {
                    b.put((byte) 0x7f);
                }
                garbage.add(b);
            }
            garbage.clear();
        }
    }
}
