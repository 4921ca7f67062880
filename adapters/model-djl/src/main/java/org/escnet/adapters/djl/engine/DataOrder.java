package org.escnet.adapters.djl.engine;

import java.util.SplittableRandom;

/**
 * Which sample a training run reads at each position, and the random stream of its augmentation: a pure function of
 * the seed and the position (epoch e is a fresh shuffle of the dataset seeded from (seed, e)). The whole generator
 * state is therefore (seed, position), which a checkpoint stores and a resumed run continues from exactly.
 */
public final class DataOrder {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final int size;
    private long cachedEpoch = -1;
    private int[] cachedPermutation;

    public DataOrder(long seed, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a training set needs at least one image, found " + size);
        }
        this.seed = seed;
        this.size = size;
    }

    public long seed() {
        return seed;
    }

    /** The dataset index read at 0-based position p (positions count images over the whole run). */
    public int index(long position) {
        long epoch = position / size;
        if (epoch != cachedEpoch) {
            cachedPermutation = permutation(epoch);
            cachedEpoch = epoch;
        }
        return cachedPermutation[(int) (position % size)];
    }

    /** The augmentation generator of the image read at position p. */
    public SplittableRandom augmentationRandom(long position) {
        return new SplittableRandom(seed * GOLDEN + position * 0xBF58476D1CE4E5B9L + 1);
    }

    private int[] permutation(long epoch) {
        SplittableRandom r = new SplittableRandom(seed ^ (epoch + 1) * GOLDEN);
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
