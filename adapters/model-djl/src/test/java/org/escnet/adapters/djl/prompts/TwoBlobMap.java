package org.escnet.adapters.djl.prompts;

/**
 * The hand-checked correlation map of the prompt tests: two blobs S = 0.05·exp(−r²/2) at (x=1, y=2) and
 * 0.048·exp(−r²/2) at (5, 5) on an 8x8 grid, row-major.
 */
final class TwoBlobMap {
    static final int GRID = 8;

    private TwoBlobMap() {
    }

    static float[] values() {
        float[] map = new float[GRID * GRID];
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                map[y * GRID + x] = (float) (0.05 * Math.exp(-((x - 1) * (x - 1) + (y - 2) * (y - 2)) / 2.0)
                        + 0.048 * Math.exp(-((x - 5) * (x - 5) + (y - 5) * (y - 5)) / 2.0));
            }
        }
        return map;
    }
}
