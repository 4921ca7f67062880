package org.escnet.adapters.datasets.shapesworld;

import java.util.List;
import org.escnet.domain.data.BenchmarkId;

/**
 * The three ShapesWorld splits. {@code code} enters each image's seed, so the splits never share images; it is a
 * fixed constant (not an ordinal) so adding a split cannot change existing images.
 */
public enum ShapesWorldSplit {
    TRAIN(BenchmarkId.SHAPESWORLD_TRAIN, 0x7452_4149_4EL, 10_000),
    SEEN(BenchmarkId.SHAPESWORLD_SEEN, 0x5345_454EL, 200),
    UNSEEN(BenchmarkId.SHAPESWORLD_UNSEEN, 0x554E_5345_454EL, 200);

    private final BenchmarkId benchmark;
    private final long code;
    private final int defaultSize;

    ShapesWorldSplit(BenchmarkId benchmark, long code, int defaultSize) {
        this.benchmark = benchmark;
        this.code = code;
        this.defaultSize = defaultSize;
    }

    public BenchmarkId benchmark() {
        return benchmark;
    }

    long code() {
        return code;
    }

    /** Images in the split: 200 for the two test splits; the training split is a window of 10,000 indices. */
    public int defaultSize() {
        return defaultSize;
    }

    /** The class vocabulary: the 90 seen phrases, or all 108 for the unseen split. */
    public List<ShapesWorldVocabulary.Phrase> vocabulary() {
        return this == UNSEEN ? ShapesWorldVocabulary.all() : ShapesWorldVocabulary.seen();
    }

    public static ShapesWorldSplit of(BenchmarkId benchmark) {
        for (ShapesWorldSplit s : values()) {
            if (s.benchmark == benchmark) {
                return s;
            }
        }
        throw new IllegalArgumentException(benchmark.benchmarkName() + " is not a ShapesWorld split");
    }
}
