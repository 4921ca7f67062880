package org.escnet.domain.experiment;

import java.util.List;

/**
 * What a run is evaluated on, and how.
 *
 * @param benchmarks          benchmark names ({@code ade847}, {@code pc459}, {@code ade150}, {@code pc59}, {@code voc20},
 *                            {@code voc20b}, {@code shapesworld-seen}, {@code shapesworld-unseen})
 * @param mode                sliding window (the paper) or whole image
 * @param maxImages           evaluate at most this many images per benchmark (0 = all)
 * @param qualitativeSamples  images per benchmark saved as PNG artifacts with their pseudo prompts
 */
public record EvalSpec(List<String> benchmarks, EvalMode mode, int maxImages, int qualitativeSamples) {
    public static final EvalSpec DEFAULTS = new EvalSpec(
            List.of("ade847", "pc459", "ade150", "pc59", "voc20", "voc20b"), EvalMode.SLIDING, 0, 4);

    public EvalSpec {
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        TrainSpec.require(maxImages >= 0, "max-images", "must be 0 (all) or more, found " + maxImages);
        TrainSpec.require(qualitativeSamples >= 0, "qualitative-samples", "must be 0 or more, found " + qualitativeSamples);
    }
}
