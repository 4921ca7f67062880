package org.escnet.adapters.djl.vlf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 4x4 grid, window 2, shift 1, checked by hand. After the cyclic shift, rows/columns 0-1 are band 0, row/column 2
 * band 1 and row/column 3 band 2 (Swin's slices (0,−2), (−2,−1), (−1,end)); region = 3·rowBand + columnBand.
 */
class ShiftedWindowMaskTest {
    private static final float X = ShiftedWindowMask.BLOCKED;

    @Test
    void topLeftWindowIsOneRegion() {
        float[][] m = ShiftedWindowMask.build(4, 4, 2, 1)[0];
        for (float[] row : m) {
            assertThat(row).containsOnly(0f);
        }
    }

    @Test
    void topRightWindowSplitsByColumn() {
        // positions (0,2),(0,3),(1,2),(1,3) have regions 1,2,1,2
        float[][] m = ShiftedWindowMask.build(4, 4, 2, 1)[1];
        assertThat(m[0]).containsExactly(0, X, 0, X);
        assertThat(m[1]).containsExactly(X, 0, X, 0);
        assertThat(m[2]).containsExactly(0, X, 0, X);
        assertThat(m[3]).containsExactly(X, 0, X, 0);
    }

    @Test
    void bottomLeftWindowSplitsByRow() {
        // positions (2,0),(2,1),(3,0),(3,1) have regions 3,3,6,6
        float[][] m = ShiftedWindowMask.build(4, 4, 2, 1)[2];
        assertThat(m[0]).containsExactly(0, 0, X, X);
        assertThat(m[3]).containsExactly(X, X, 0, 0);
    }

    @Test
    void bottomRightWindowKeepsFourRegionsApart() {
        // positions (2,2),(2,3),(3,2),(3,3) have regions 4,5,7,8: only the diagonal attends
        float[][] m = ShiftedWindowMask.build(4, 4, 2, 1)[3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(m[i][j]).isEqualTo(i == j ? 0f : X);
            }
        }
    }

    @Test
    void noShiftMeansNoMask() {
        for (float[][] w : ShiftedWindowMask.build(4, 4, 2, 0)) {
            for (float[] row : w) {
                assertThat(row).containsOnly(0f);
            }
        }
    }
}
