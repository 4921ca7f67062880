package org.escnet.domain.data;

import java.util.List;

/**
 * Opens datasets by name. The training engine and the evaluator ask for a benchmark by the name a grid file uses;
 * the catalog knows where and how it is stored.
 */
public interface DatasetCatalog {

    /**
     * Opens a dataset. Listing and checking the files happens here, decoding happens per sample.
     *
     * @throws UnknownBenchmarkException if the name is not one of {@link #knownBenchmarks()}
     * @throws DatasetReadException      if the configured folder or class list is missing or unusable
     */
    SegmentationDataset open(String benchmark, DataLocations where);

    /** Every name {@link #open} accepts. */
    List<String> knownBenchmarks();

    /** Names usable as {@code train.dataset}. */
    default List<String> trainingSets() {
        return BenchmarkId.namesWithRole(BenchmarkId.Role.TRAINING).stream().filter(knownBenchmarks()::contains).toList();
    }

    /** Names usable in {@code eval.benchmarks}. */
    default List<String> evaluationSets() {
        return BenchmarkId.namesWithRole(BenchmarkId.Role.EVALUATION).stream().filter(knownBenchmarks()::contains).toList();
    }
}
