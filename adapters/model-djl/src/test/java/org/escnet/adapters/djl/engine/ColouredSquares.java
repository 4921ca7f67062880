package org.escnet.adapters.djl.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.escnet.domain.data.SegmentationDataset;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ScoringRule;

/**
 * A tiny in-memory dataset for engine tests: a grey background (class 0) with one red square (class 1) and one blue
 * square (class 2) at seeded random places; a one-pixel ignore frame around each square.
 */
public final class ColouredSquares implements SegmentationDataset {
    static final int IGNORE = 255;
    private final int count;
    private final int side;
    private final long seed;

    public ColouredSquares(int count, int side, long seed) {
        this.count = count;
        this.side = side;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "coloured-squares";
    }

    @Override
    public List<String> classNames() {
        return List.of("grey background", "red square", "blue square");
    }

    @Override
    public int ignoreValue() {
        return IGNORE;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public SegmentationSample sample(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (count - 1));
        }
        SplittableRandom r = new SplittableRandom(seed * 7919 + index);
        byte[] rgb = new byte[side * side * 3];
        int[] labels = new int[side * side];
        for (int i = 0; i < side * side; i++) {
            int g = 110 + r.nextInt(30);
            rgb[3 * i] = (byte) g;
            rgb[3 * i + 1] = (byte) g;
            rgb[3 * i + 2] = (byte) g;
        }
        int size = side * 3 / 8;
        paint(rgb, labels, r.nextInt(side / 2 - size + 1), r.nextInt(side - size + 1), size, 220, 30, 30, 1);
        paint(rgb, labels, side / 2 + r.nextInt(side / 2 - size + 1), r.nextInt(side - size + 1), size,
                30, 40, 220, 2);
        return new SegmentationSample("squares-" + index, side, side, rgb, labels, IGNORE);
    }

    private void paint(byte[] rgb, int[] labels, int x0, int y0, int size, int red, int green, int blue, int cls) {
        for (int y = y0 - 1; y <= y0 + size; y++) {
            for (int x = x0 - 1; x <= x0 + size; x++) {
                if (x < 0 || y < 0 || x >= side || y >= side) {
                    continue;
                }
                int i = y * side + x;
                boolean edge = x < x0 || y < y0 || x >= x0 + size || y >= y0 + size;
                if (edge) {
                    labels[i] = IGNORE;
                    continue;
                }
                rgb[3 * i] = (byte) red;
                rgb[3 * i + 1] = (byte) green;
                rgb[3 * i + 2] = (byte) blue;
                labels[i] = cls;
            }
        }
    }

    @Override
    public boolean synthetic() {
        return true;
    }

    @Override
    public ScoringRule scoring() {
        return ScoringRule.of(3, IGNORE);
    }
}
